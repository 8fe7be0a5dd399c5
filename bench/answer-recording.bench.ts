import { periodBuckets } from '../src/core/calendar.js';
import { startEmbeddedRedis } from '../src/infra/redis/embedded-redis.js';
import { RedisKeys } from '../src/infra/redis/keys.js';
import { RedisAnswerRecorder } from '../src/infra/redis/redis-answer-recorder.js';
import { createRedis } from '../src/infra/redis/redis-client.js';
import { RedisInstanceStore } from '../src/infra/redis/redis-instance-store.js';
import type { BenchResult } from './bench-result.js';

/**
 * Answers recorded per second through record-answer.lua (answer, points, streak, six boards in one
 * atomic step) on a private redis-server over loopback, 64 in flight on one connection.
 */
export default async function bench(): Promise<BenchResult[]> {
  const server = await startEmbeddedRedis({ pathEnv: process.env.PATH ?? '' });
  const redis = createRedis(server.url);
  try {
    const keys = new RedisKeys('bench');
    const instances = new RedisInstanceStore(redis, keys);
    const recorder = new RedisAnswerRecorder(redis, keys);
    const channel = { platform: 'slack' as const, workspaceId: 'T1', channelId: 'C1' };
    const now = Date.now();
    const { week, month } = periodBuckets(new Date(now), 'UTC');
    const instance = {
      id: 'daily-bench',
      questionId: 'q',
      mode: 'daily' as const,
      channel,
      audience: { kind: 'channel' as const },
      createdAt: now,
      state: 'open' as const,
    };
    await instances.create(instance);
    const result = { score: 1, points: 10, correct: true, picked: ['A', 'C'] };
    const total = 20_000;
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: 64 }, async () => {
        while (next < total) {
          const i = next++;
          const user = { platform: 'slack' as const, userId: `U${i}`, displayName: `u${i}`, isAdmin: false };
          await recorder.record({
            instance,
            user,
            result,
            topic: 'gil',
            scoreOncePerQuestion: false,
            clearUserPointer: false,
            makeRateable: false,
            defer: false,
            attemptId: `a${i}`,
            week,
            month,
            streak: { today: '2026-11-23', yesterday: '2026-11-22' },
            now,
          });
        }
      }),
    );
    const perSecond = (total * 1000) / (performance.now() - start);
    // The same user again: the lock-in path (one HGET and a return).
    const dupStart = performance.now();
    const dupUser = { platform: 'slack' as const, userId: 'U1', displayName: 'u1', isAdmin: false };
    await Promise.all(
      Array.from({ length: 5000 }, () =>
        recorder.record({
          instance,
          user: dupUser,
          result,
          topic: 'gil',
          scoreOncePerQuestion: false,
          clearUserPointer: false,
          makeRateable: false,
          defer: false,
          attemptId: 'dup',
          week,
          month,
          now,
        }),
      ),
    );
    const dupPerSecond = (5000 * 1000) / (performance.now() - dupStart);
    return [
      {
        name: 'first answers recorded (Lua, 6 boards + streak)',
        value: perSecond,
        unit: 'answers/s',
        note: `${total} users, 64 in flight, loopback`,
      },
      { name: 'duplicate answers rejected (lock-in)', value: dupPerSecond, unit: 'answers/s', note: '5000 concurrent repeats of one user' },
    ];
  } finally {
    await redis.quit();
    await server.stop();
  }
}
