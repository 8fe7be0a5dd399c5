import type { Worker } from 'bullmq';
import { CronExpressionParser } from 'cron-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { dailyScheduleId } from '../../src/core/daily/daily-jobs.js';
import { cronPattern, type DailySchedule } from '../../src/core/daily/daily-schedule.js';
import { postDailyQuestion } from '../../src/core/daily/post-daily-question.js';
import { revealDailyQuestion } from '../../src/core/daily/reveal-daily-question.js';
import type { ChannelRef } from '../../src/core/types.js';
import { actionOf, instanceIdOf } from '../support/actions.js';
import { createTestApp } from '../support/test-app.js';

let app: ReturnType<typeof createTestApp>;
afterEach(async () => {
  await app.close();
});

function startWorker(lockDurationMs = 30_000): Worker {
  return app.startWorker('slack', { lockDurationMs });
}

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const admin = () => app.user('admin', { isAdmin: true });

describe('daily question schedules', () => {
  it('upserting a schedule twice leaves one scheduler, with the new settings', async () => {
    app = createTestApp();
    await app.text(admin(), '/daily set 09:30 tz=Asia/Shanghai');
    const [reply] = await app.text(admin(), '/daily set 18:00 tz=Europe/Berlin days=weekdays reveal=2h');
    expect(reply?.text).toContain('weekdays at 18:00 (Europe/Berlin)');
    const schedulers = await app.jobs.queue('slack').getJobSchedulers();
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]?.key).toBe(dailyScheduleId(app.channel));
    expect(schedulers[0]?.pattern).toBe('0 18 * * 1,2,3,4,5');
    expect(schedulers[0]?.tz).toBe('Europe/Berlin');
    const [status] = await app.text(admin(), '/daily status');
    expect(status?.text).toMatch(/Next post: \d{4}-\d\d-\d\d 18:00 \(Europe\/Berlin\)/);
    await app.text(admin(), '/daily off');
    expect(await app.jobs.queue('slack').getJobSchedulers()).toHaveLength(0);
  });

  it('names days in the member’s language and shows every reveal time with its zone', async () => {
    app = createTestApp();
    const [en] = await app.text(admin(), '/daily set 09:30 tz=Asia/Shanghai days=mon,wed,sat');
    expect(en?.text).toContain('Mon, Wed, Sat at 09:30 (Asia/Shanghai)');
    await app.text(admin(), '/lang zh');
    const [zh] = await app.text(admin(), '/daily set 09:30 tz=Asia/Shanghai days=sat-sun');
    expect(zh?.text).toContain('周末 09:30（Asia/Shanghai）');
    const [zhList] = await app.text(admin(), '/daily set 09:30 tz=Asia/Shanghai days=周一,周三');
    expect(zhList?.text).toContain('周一、周三 09:30');
    await app.text(admin(), '/lang en');
    const [now] = await app.text(admin(), '/daily now');
    expect(now?.text).toMatch(/the reveal is at \d{4}-\d\d-\d\d \d\d:\d\d Asia\/Shanghai/);
    expect(app.platform.posts[0]?.message.footer).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d Asia\/Shanghai/); // posted in the schedule's language
    const [status] = await app.text(admin(), '/daily status');
    expect(status?.text).toMatch(/reveal at \d{4}-\d\d-\d\d \d\d:\d\d Asia\/Shanghai/);
  });

  it('reads topic= with the same resolver as /quiz: topic=tcp is TCP & UDP', async () => {
    app = createTestApp();
    const [reply] = await app.text(admin(), '/daily set 09:30 topic=tcp');
    expect(reply?.text).toContain('topic TCP & UDP');
    await app.text(admin(), '/daily now');
    const posted = app.platform.posts[0]?.message.title ?? '';
    expect(app.deps.bank.byId(posted.split(' · ').at(-1) ?? '')?.topic).toBe('tcp-udp');
  });

  it('a second /daily now first reveals the open question, so nothing is orphaned', async () => {
    app = createTestApp();
    await app.text(admin(), '/daily set 09:00 topic=tcp-udp reveal=2h');
    await app.text(admin(), '/daily now');
    const first = app.platform.posts[0]?.message;
    const firstId = first?.title?.split(' · ').at(-1) ?? '';
    await app.text(app.user('ann'), '/answer A');
    const [reply] = await app.text(admin(), '/daily now');
    expect(reply?.text).toContain(`The open question ${firstId} was revealed first`);
    // The first question's reveal went out before the second question.
    expect(app.platform.posts.map((p) => p.message.title?.split(' · ')[0])).toEqual([
      expect.stringContaining('Daily question'),
      'Revealed',
      expect.stringContaining('Daily question'),
    ]);
    expect(app.platform.posts[1]?.message.title).toBe(`Revealed · ${firstId}`);
    // /daily reveal now finds the second one open.
    const [revealed] = await app.text(admin(), '/daily reveal');
    expect(revealed?.text).not.toContain('no open daily question');
    expect(app.platform.posts).toHaveLength(4);
  });

  it('a scheduled post reveals a /daily now question still open, but a retried run never reveals its own', async () => {
    app = createTestApp();
    await app.text(admin(), '/daily set 09:00 tz=UTC topic=tcp-udp reveal=2h');
    await app.text(admin(), '/daily now');
    const run = { dueAt: Date.parse('2026-11-24T09:00:00Z'), attempt: 1 };
    expect(await app.jobHandlers['daily-post']({ channel: app.channel }, run)).toBe('posted');
    expect(app.platform.posts.map((p) => p.message.title?.split(' · ')[0])).toEqual([
      expect.stringContaining('Daily question'),
      'Revealed',
      expect.stringContaining('Daily question'),
    ]);
    expect(await app.jobHandlers['daily-post']({ channel: app.channel }, run)).toBe('already-posted');
    expect(app.platform.posts).toHaveLength(3);
  });

  it('is admin-only and explains a bad time, zone, day list or reveal delay', async () => {
    app = createTestApp();
    const [denied] = await app.text(app.user('member'), '/daily set 09:00');
    expect(denied?.text).toContain('Only admins');
    const cases: Array<[string, RegExp]> = [
      ['/daily set 25:00', /"25:00" is not a time/],
      ['/daily set 09:00 tz=Mars/Olympus', /"Mars\/Olympus" is not an IANA time zone/],
      ['/daily set 09:00 days=someday', /"someday" is not a day list/],
      ['/daily set 09:00 reveal=10y', /"10y" is not a reveal delay/],
      ['/daily set 09:00 topic=astrology', /Unknown topic "astrology"/],
    ];
    for (const [line, message] of cases) {
      const [reply] = await app.text(admin(), line);
      expect(reply?.text).toMatch(message);
    }
    expect(await app.jobs.queue('slack').getJobSchedulers()).toHaveLength(0);
  });

  it('follows the zone across a daylight-saving change (America/New_York, March 2026)', async () => {
    const schedule: DailySchedule = {
      time: '09:00',
      timezone: 'America/New_York',
      days: [1, 2, 3, 4, 5, 6, 7],
      revealAfterMs: 3600_000,
      feedback: 'reveal',
      locale: 'en',
    };
    // cron-parser is the library BullMQ's job schedulers use to compute the next run.
    const runs = CronExpressionParser.parse(cronPattern(schedule), {
      currentDate: new Date('2026-03-06T00:00:00Z'),
      tz: schedule.timezone,
    });
    const next = Array.from({ length: 4 }, () => runs.next().toDate().toISOString());
    expect(next).toEqual([
      '2026-03-06T14:00:00.000Z', // EST, UTC-5
      '2026-03-07T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z', // EDT from 2026-03-08, UTC-4: still 09:00 local
      '2026-03-09T13:00:00.000Z',
    ]);
    // And BullMQ's own scheduler agrees with the same computation from now.
    app = createTestApp();
    const id = dailyScheduleId(app.channel);
    await app.jobs.repeat(
      id,
      { cron: cronPattern(schedule), timezone: schedule.timezone },
      { name: 'daily-post', payload: { channel: app.channel } },
    );
    const expected = CronExpressionParser.parse(cronPattern(schedule), { currentDate: new Date(), tz: schedule.timezone }).next().getTime();
    expect(await app.jobs.nextRun(app.channel, id)).toBe(expected);
  });
});

describe('posting, answering and revealing', () => {
  it('a due schedule posts to the channel through the worker, with buttons and no answer', async () => {
    app = createTestApp();
    await app.text(admin(), '/daily set 09:00 topic=tcp-udp reveal=1h');
    startWorker();
    // The scheduler keeps the next run as a delayed job; promoting it is "the time has come".
    const [due] = await app.jobs.queue('slack').getDelayed();
    expect(due?.name).toBe('daily-post');
    await due?.promote();
    await until(() => app.platform.posts.length === 1, 'the daily post');
    const post = app.platform.posts[0]?.message;
    expect(post?.visibility).toBe('public');
    expect(post?.title).toContain('Daily question');
    expect(actionOf(post, 'select').type).toBe('select');
    expect(post?.text).not.toMatch(/All four are TCP control bits|The three-way handshake/);
    // The post is recorded before the worker finishes the job (open pointer, reveal job): wait for those.
    await until(async () => (await app.deps.instances.channelPointer(app.channel, 'daily')) !== undefined, 'the open question pointer');
    expect((await app.deps.instances.channelPointer(app.channel, 'daily'))?.id).toMatch(/^daily-C1-/);
  });

  it('answers are private, locked in, hidden until the reveal, and the reveal happens once', async () => {
    app = createTestApp();
    await app.text(admin(), '/daily set 09:00 topic=tcp-udp reveal=2h');
    await app.text(admin(), '/daily now');
    expect(app.platform.posts[0]?.message.title).toContain('t-flags');
    const post = app.platform.posts[0]?.message;
    const instanceId = instanceIdOf(post);
    const ann = app.user('ann');
    const bob = app.user('bob');
    const [annReply] = (await app.click(ann, actionOf(post, 'select').id, ['A', 'B', 'C', 'D'])).messages;
    expect(annReply?.visibility).toBe('private');
    expect(annReply?.text).not.toContain('All four are TCP control bits');
    const [annAgain] = await app.text(ann, '/answer A');
    expect(annAgain?.text).toContain('already answered'); // the daily is still the channel's open question; her first answer counts
    await app.text(bob, '/answer A');
    expect(app.platform.posts).toHaveLength(1); // nothing public before the reveal

    const outcomes = await Promise.allSettled([
      revealDailyQuestion(app.deps, app.channel, instanceId, 'command'),
      revealDailyQuestion(app.deps, app.channel, instanceId, 'job'),
      revealDailyQuestion(app.deps, app.channel, instanceId, 'command'),
      revealDailyQuestion(app.deps, app.channel, instanceId, 'job'),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled' && o.value === 'revealed')).toHaveLength(1);
    // A job that lost the race retries later and then finds the reveal done.
    expect(await revealDailyQuestion(app.deps, app.channel, instanceId, 'job')).toBe('already-revealed');
    const reveals = app.platform.posts.slice(1);
    expect(reveals).toHaveLength(1);
    const reveal = reveals[0]?.message;
    expect(reveal?.text).toContain('All four are TCP control bits');
    expect(reveal?.text).toContain('1/2 correct (50%)');
    expect(reveal?.text).toContain('A 2 · B 1 · C 1 · D 1');
    expect(reveal?.text).toContain('First correct: ann');

    const [late] = (await app.click(app.user('cy'), actionOf(post, 'select').id, ['A', 'B', 'C', 'D'])).messages;
    expect(late?.text).toContain('already been revealed');
    expect(await app.deps.leaderboards.standing({ workspace: app.channel, period: 'all' }, app.user('cy').userId)).toBeUndefined();
  });

  it('counts a streak of consecutive days in the member’s own zone', async () => {
    const { FixedClock } = await import('../support/test-app.js');
    const clock = new FixedClock(new Date('2026-11-23T15:00:00Z'));
    app = createTestApp({ clock });
    await app.text(admin(), '/daily set 09:00 topic=tcp-udp reveal=1h feedback=instant');
    const ann = app.user('ann', { timezone: 'Asia/Shanghai' });
    const streaks: string[] = [];
    for (const at of ['2026-11-23T15:00:00Z', '2026-11-24T15:00:00Z', '2026-11-25T17:00:00Z']) {
      clock.at = new Date(at);
      await app.text(admin(), '/daily now');
      const title = app.platform.posts.at(-1)?.message.title ?? '';
      const replies = await app.text(ann, title.includes('t-flags') ? '/answer A B C D' : '/answer B');
      streaks.push(
        replies
          .map((r) => r.text)
          .join(' ')
          .match(/Streak: (\d+)/)?.[1] ?? '-',
      );
    }
    // 23:00, then 23:00 the next day, then 01:00 two days later in Shanghai: the third is a gap day.
    expect(streaks).toEqual(['1', '2', '1']);
  });

  it('a worker closed between post and reveal leaves the reveal to the next worker, once', async () => {
    app = createTestApp();
    await app.text(admin(), '/daily set 09:00 reveal=1m');
    const { instance } = await postDailyQuestion(app.deps, app.channel, '20261123');
    const first = startWorker();
    await first.close();
    const [reveal] = await app.jobs.queue('slack').getDelayed();
    expect(reveal?.name).toBe('daily-reveal');
    // A retry or a restart adds the same reveal again: the deterministic job id keeps it single.
    await postDailyQuestion(app.deps, app.channel, '20261123');
    expect((await app.jobs.queue('slack').getDelayed()).filter((j) => j.name === 'daily-reveal')).toHaveLength(1);
    startWorker();
    await reveal?.promote();
    await until(async () => (await app.deps.instances.get(app.channel, instance.id))?.revealPosted === true, 'the reveal');
    expect(app.platform.posts.map((p) => p.message.title)).toEqual([
      expect.stringContaining('Daily question'),
      expect.stringContaining('Revealed'),
    ]);
  });

  it('a worker that stops mid-way through a fan-out leaves the unfinished channels to the next worker, each posted once (the SIGKILL case is test/e2e/exactly-once)', async () => {
    app = createTestApp();
    const channels: ChannelRef[] = Array.from({ length: 6 }, (_, i) => ({ ...app.channel, channelId: `C${i + 1}` }));
    for (const ch of channels) await app.text(admin(), '/daily set 09:00', ch);
    const first = startWorker(1000);
    let killed = false;
    let hang: Promise<void> = Promise.resolve();
    app.platform.beforePost = async (ch) => {
      if (ch.channelId === 'C3' && !killed) {
        killed = true;
        // The process dies mid-post: the worker stops renewing its lock and never finishes this job.
        void first.close(true);
        hang = new Promise(() => undefined);
        await hang;
      }
    };
    const due = await app.jobs.queue('slack').getDelayed();
    expect(due).toHaveLength(6);
    for (const job of due) await job.promote();
    await until(() => killed, 'the crash');
    startWorker(1000); // the restarted process
    await until(() => channels.every((c) => app.platform.postsTo(c.channelId).length >= 1), 'every channel posted');
    await new Promise((r) => setTimeout(r, 300));
    for (const c of channels) expect(app.platform.postsTo(c.channelId), c.channelId).toHaveLength(1);
  });
});

describe('keeping the daily answer secret and fresh', () => {
  it('does not hand out an open team question as personal practice until its reveal', async () => {
    app = createTestApp();
    await app.text(admin(), '/daily set 09:00 topic=tcp-udp');
    await app.text(admin(), '/daily now');
    const instanceId = instanceIdOf(app.platform.posts[0]?.message);
    const open = (await app.deps.instances.get(app.channel, instanceId))?.questionId ?? '';
    const sneaky = app.user('sneaky');
    const [refused] = await app.text(sneaky, `/quiz ${open}`);
    expect(refused?.text).toContain('open team question');
    for (let i = 0; i < 4; i++) {
      const [card] = await app.text(sneaky, '/quiz tcp');
      expect(card?.title).not.toContain(open);
    }
    // Another channel of the same workspace is no way around it either.
    const [elsewhere] = await app.text(sneaky, `/quiz ${open}`, { ...app.channel, channelId: 'C9' });
    expect(elsewhere?.text).toContain('open team question');
    await app.text(admin(), '/daily reveal');
    const [after] = await app.text(sneaky, `/quiz ${open}`);
    expect(after?.title).toContain(open);
  });

  it('posts no question twice in a channel until its pool is used up', async () => {
    app = createTestApp({ random: Math.random });
    await app.text(admin(), '/daily set 09:00 topic=tcp-udp');
    await app.text(admin(), '/daily now');
    await app.text(admin(), '/daily now');
    // Each /daily now first reveals the one still open: count the questions, not the reveals.
    const questions = () => app.platform.posts.filter((p) => p.message.title?.startsWith('Daily question'));
    const firstTwo = questions().map((p) => p.message.title?.split(' · ').at(-1));
    expect(new Set(firstTwo).size).toBe(2);
    await app.text(admin(), '/daily now'); // pool of two used up: the cycle starts again
    expect(questions()).toHaveLength(3);
  });
});
