import { afterEach, describe, expect, it } from 'vitest';
import { revealDailyQuestion } from '../../src/core/daily/reveal-daily-question.js';
import { actionOf, instanceIdOf } from '../support/actions.js';
import { createTestApp, FixedClock } from '../support/test-app.js';

let app: ReturnType<typeof createTestApp>;
afterEach(async () => {
  await app.close();
});

const admin = () => app.user('admin', { isAdmin: true });
const allTime = (userId: string) => app.deps.leaderboards.standing({ workspace: app.channel, period: 'all' }, userId);

describe('daily results stay secret until the reveal', () => {
  it('answers get a receipt, nothing reaches a board or /stats before the reveal; the reveal applies it all once, with private verdicts', async () => {
    const clock = new FixedClock(new Date('2026-12-04T08:00:00Z'));
    app = createTestApp({ clock });
    await app.text(admin(), '/daily set 09:00 tz=Asia/Shanghai topic=tcp-udp reveal=2h');
    await app.text(admin(), '/daily now'); // t-flags, multiple choice
    const post = app.platform.posts[0]?.message;
    const [ann, bob] = [app.user('ann', { timezone: 'Asia/Shanghai' }), app.user('bob')];
    const [annReceipt] = (await app.click(ann, actionOf(post, 'select').id, ['A', 'B', 'C', 'D'])).messages;
    clock.advance(1_000);
    const [bobReceipt] = await app.text(bob, '/answer A B');
    expect(annReceipt?.text).toBe(
      'Answer recorded: A B C D. Results at the reveal (2026-12-04 18:00 Asia/Shanghai); your first answer counts.',
    );
    expect(bobReceipt?.text).toMatch(/^Answer recorded: A B\./);
    for (const r of [annReceipt, bobReceipt]) expect(r?.text).not.toMatch(/Correct|points|Partly|Not quite/i);

    // Nobody can tell who is right: no board, no standing, no /stats, no streak, no card yet.
    const [board] = await app.text(bob, '/leaderboard');
    expect(board?.text).toContain('No points yet');
    expect(await allTime(ann.userId)).toBeUndefined();
    const [stats] = await app.text(ann, '/stats');
    expect(stats?.text).toContain('No answers yet');
    expect(await app.deps.leaderboards.streak(app.channel, ann.userId)).toBeUndefined();
    expect(await app.deps.reviews.get(app.channel, ann.userId, 't-flags')).toBeUndefined();

    // The reveal post fails once after the points were applied (a crash half-way), then is retried.
    let failOnce = true;
    app.platform.beforePost = (_ch, message) => {
      if (failOnce && message.title?.startsWith('Revealed')) {
        failOnce = false;
        throw new Error('platform down');
      }
    };
    const instanceId = instanceIdOf(post);
    await expect(revealDailyQuestion(app.deps, app.channel, instanceId, 'job')).rejects.toThrow('platform down');
    clock.advance(61_000); // the abandoned claim goes stale
    expect(await revealDailyQuestion(app.deps, app.channel, instanceId, 'job')).toBe('revealed');
    expect(await revealDailyQuestion(app.deps, app.channel, instanceId, 'job')).toBe('already-revealed');

    // Boards equal the sum of the recorded answers, applied once.
    const answers = await app.deps.instances.answers(app.channel, instanceId);
    for (const a of answers) expect((await allTime(a.userId))?.points ?? 0, a.userId).toBe(Math.round(a.result.points));
    expect((await allTime(ann.userId))?.points).toBe(10);
    expect((await allTime(bob.userId))?.points).toBe(5);
    const week = await app.deps.leaderboards.top(
      { workspace: app.channel, channelId: app.channel.channelId, period: 'week', bucket: { id: '2026-W49', expireAt: 0 } },
      10,
    );
    expect(week.map((s) => [s.userId, s.points])).toEqual([
      [ann.userId, 10],
      [bob.userId, 5],
    ]);
    expect((await app.deps.leaderboards.streak(app.channel, ann.userId))?.count).toBe(1);
    expect((await app.deps.stats.get(app.channel, ann.userId)).correct).toBe(1);
    expect((await app.deps.reviews.get(app.channel, bob.userId, 't-flags'))?.card.reps).toBe(1);

    // Each answerer got their own verdict, once.
    const verdicts = app.platform.privatePosts.map((p) => [p.userId, p.message.title, p.message.tone]);
    expect(verdicts).toEqual([
      [ann.userId, 'Your result · t-flags', 'correct'],
      [bob.userId, 'Your result · t-flags', 'partial'],
    ]);
    expect(app.platform.privatePosts[0]?.message.text).toContain('Streak: 1');
  });

  it('never posts a question that is open in another channel of the workspace (its reveal would give it away)', async () => {
    app = createTestApp();
    const other = { ...app.channel, channelId: 'C2' };
    await app.text(admin(), '/daily set 09:00 topic=tcp-udp');
    await app.text(admin(), '/daily set 09:00 topic=tcp-udp', other);
    await app.text(admin(), '/daily now'); // C1: t-flags, the first pick
    await app.text(admin(), '/daily now', other);
    const [c1, c2] = [app.platform.postsTo('C1')[0]?.title, app.platform.postsTo('C2')[0]?.title];
    expect(c1).toMatch(/· t-flags$/);
    expect(c2).toMatch(/· t-handshake-count$/);
    // C2's reveal shows its own answer only; C1's question is still secret.
    await app.text(admin(), '/daily reveal', other);
    expect(app.platform.postsTo('C2').at(-1)?.title).toBe('Revealed · t-handshake-count');
    expect(await app.deps.instances.publiclyOpenQuestions(app.channel)).toEqual(new Set(['t-flags']));
  });

  it('feedback=instant keeps instant verdicts and points for teams that prefer them', async () => {
    app = createTestApp();
    await app.text(admin(), '/daily set 09:00 topic=tcp-udp feedback=instant');
    await app.text(admin(), '/daily now');
    const [reply] = await app.text(app.user('cy'), '/answer A B C D');
    expect(reply?.tone).toBe('correct');
    expect((await allTime(app.user('cy').userId))?.points).toBe(10);
    const [status] = await app.text(admin(), '/daily status');
    expect(status?.text).toBeDefined();
  });
});
