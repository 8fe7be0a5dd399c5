import { type Job, UnrecoverableError } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { processJob } from '../../src/infra/queue/job-worker.js';
import { createTestApp } from '../support/test-app.js';

let app: ReturnType<typeof createTestApp>;
afterEach(async () => app.close());

const job = (name: string, data: unknown, extra: Partial<Job> = {}) =>
  ({ name, data, timestamp: Date.now(), delay: 0, ...extra }) as unknown as Job;

describe('the job worker validates every payload', () => {
  it('fails a malformed payload permanently instead of retrying it', async () => {
    app = createTestApp();
    await expect(processJob(app.jobHandlers, job('daily-post', { channel: { platform: 'irc' } }))).rejects.toBeInstanceOf(
      UnrecoverableError,
    );
    await expect(processJob(app.jobHandlers, job('daily-reveal', { channel: app.channel }))).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(processJob(app.jobHandlers, job('mystery', {}))).rejects.toBeInstanceOf(UnrecoverableError);
  });

  it('skips a run for a channel whose schedule was turned off', async () => {
    app = createTestApp();
    expect(await processJob(app.jobHandlers, job('daily-post', { channel: app.channel }))).toBe('no-schedule');
    expect(app.platform.posts).toHaveLength(0);
  });

  it('posts once per channel and due date, however often the run is delivered', async () => {
    app = createTestApp();
    await app.text(app.user('admin', { isAdmin: true }), '/daily set 09:00 tz=Asia/Shanghai topic=tcp-udp');
    const due = Date.parse('2026-11-24T01:00:00Z'); // 09:00 in Shanghai
    const run = job('daily-post', { channel: app.channel }, { timestamp: due - 60_000, delay: 60_000 } as Partial<Job>);
    expect(await processJob(app.jobHandlers, run)).toBe('posted');
    expect(await processJob(app.jobHandlers, run)).toBe('already-posted');
    expect(app.platform.posts).toHaveLength(1);
    expect(await app.deps.instances.get(app.channel, 'daily-C1-20261124')).toBeDefined();
  });

  it('after today’s scheduled post, moving today’s time later promises the next scheduled day, not a post that never comes', async () => {
    app = createTestApp();
    const admin = app.user('admin', { isAdmin: true });
    // A zone where it is between 01:00 and 21:59 now, so "two hours later" is still today there.
    const zone = ['UTC', 'Asia/Tokyo', 'America/New_York', 'Asia/Kolkata', 'America/Los_Angeles'].find((z) => {
      const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: z, hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
      return hour >= 1 && hour <= 21;
    });
    const local = (at: Date) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
    const hourNow = Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
    const today = local(new Date());
    await app.text(admin, `/daily set ${String(hourNow - 1).padStart(2, '0')}:00 tz=${zone}`);
    // Today's scheduled run happened.
    expect(await processJob(app.jobHandlers, job('daily-post', { channel: app.channel }, { timestamp: Date.now(), delay: 0 }))).toBe(
      'posted',
    );

    const later = `${String(hourNow + 2).padStart(2, '0')}:00`;
    const [reply] = await app.text(admin, `/daily set ${later} tz=${zone}`);
    expect(reply?.text).not.toContain(`Next post: ${today} ${later}`);
    expect(reply?.text).toMatch(/Next post: \d{4}-\d\d-\d\d \d\d:00 \(today’s question has already been posted\)/);
    const [status] = await app.text(admin, '/daily status');
    expect(status?.text).not.toContain(`${today} ${later}`);
    expect(status?.text).toContain('already been posted');
    // And indeed: the run due later today posts nothing.
    expect(
      await processJob(app.jobHandlers, job('daily-post', { channel: app.channel }, { timestamp: Date.now() + 3600_000, delay: 0 })),
    ).toBe('already-posted');
  });

  it('fails permanently when the channel’s platform is not running here', async () => {
    app = createTestApp();
    await app.text(app.user('admin', { isAdmin: true }), '/daily set 09:00');
    delete app.deps.platforms.slack;
    await expect(processJob(app.jobHandlers, job('daily-post', { channel: app.channel }))).rejects.toBeInstanceOf(UnrecoverableError);
  });
});
