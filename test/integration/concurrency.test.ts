import { afterEach, describe, expect, it } from 'vitest';
import { periodBuckets } from '../../src/core/calendar.js';
import { createRedis } from '../../src/infra/redis/redis-client.js';
import { actionOf, instanceIdOf } from '../support/actions.js';
import { RecordingPlatform } from '../support/recording-platform.js';
import { createTestApp } from '../support/test-app.js';

let app: ReturnType<typeof createTestApp>;
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0)) await fn();
  await app.close();
});

const PROCESSES = 4;
const MEMBERS = 100;
const DUPLICATES = 10;

describe('concurrent duplicate answers', () => {
  it(`${MEMBERS} members × ${DUPLICATES} duplicate clicks through ${PROCESSES} bot processes (connections): each scores once, and every board and the stats equal the stored answers`, async () => {
    app = createTestApp();
    await app.text(app.user('admin', { isAdmin: true }), '/daily set 09:00 topic=tcp-udp feedback=instant');
    await app.text(app.user('admin', { isAdmin: true }), '/daily now');
    const post = app.platform.posts[0]?.message;
    const instanceId = instanceIdOf(post);
    const select = actionOf(post, 'select').id;
    // Several bot processes on their own Redis connections, as when a deployment scales out.
    const bots = Array.from({ length: PROCESSES }, () => {
      const redis = createRedis(app.url, { enableAutoPipelining: true });
      cleanups.push(() => redis.quit());
      return app.anotherBot({ redis }).bot;
    });
    const platform = new RecordingPlatform();
    // Members pick differently: some all four (right), some two (half right), some one wrong option.
    const picks = (m: number) => (m % 3 === 0 ? ['A', 'B', 'C', 'D'] : m % 3 === 1 ? ['A', 'B'] : ['A']);
    const sends = [];
    for (let d = 0; d < DUPLICATES; d++) {
      for (let m = 0; m < MEMBERS; m++) {
        const bot = bots[(m + d) % PROCESSES];
        if (!bot) continue;
        const user = app.user(`m${m}`);
        sends.push(platform.deliver(bot, { kind: 'action', actionId: select, values: picks(m), channel: app.channel, user }));
      }
    }
    const results = await Promise.all(sends);
    expect(app.errors).toEqual([]);
    const graded = results.filter((r) => /Correct|Partly|Not quite/.test(r.messages[0]?.text ?? ''));
    expect(graded).toHaveLength(MEMBERS);

    const answers = await app.deps.instances.answers(app.channel, instanceId);
    expect(answers).toHaveLength(MEMBERS);
    const stats = await app.deps.instances.stats(app.channel, instanceId);
    expect(stats.answered).toBe(MEMBERS);
    expect(stats.correct).toBe(answers.filter((a) => a.result.correct).length);
    expect(stats.distribution.A).toBe(MEMBERS);
    const expected = new Map(answers.map((a) => [a.userId, Math.round(a.result.points)]));
    const { week, month } = periodBuckets(new Date(), 'UTC');
    const boards = [
      { workspace: app.channel, period: 'all' as const },
      { workspace: app.channel, period: 'week' as const, bucket: week },
      { workspace: app.channel, period: 'month' as const, bucket: month },
      { workspace: app.channel, channelId: app.channel.channelId, period: 'all' as const },
      { workspace: app.channel, channelId: app.channel.channelId, period: 'week' as const, bucket: week },
      { workspace: app.channel, channelId: app.channel.channelId, period: 'month' as const, bucket: month },
    ];
    for (const board of boards) {
      const top = await app.deps.leaderboards.top(board, MEMBERS + 10);
      const scored = [...expected].filter(([, p]) => p > 0);
      expect(top).toHaveLength(scored.length);
      for (const s of top) expect(s.points, `${board.period} ${board.channelId ?? 'ws'} ${s.userId}`).toBe(expected.get(s.userId));
    }
  });
});
