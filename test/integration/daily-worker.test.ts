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

  it('fails permanently when the channel’s platform is not running here', async () => {
    app = createTestApp();
    await app.text(app.user('admin', { isAdmin: true }), '/daily set 09:00');
    delete app.deps.platforms.slack;
    await expect(processJob(app.jobHandlers, job('daily-post', { channel: app.channel }))).rejects.toBeInstanceOf(UnrecoverableError);
  });
});
