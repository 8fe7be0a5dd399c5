import { afterEach, describe, expect, it } from 'vitest';
import type { BoardRef } from '../../src/core/ports.js';
import { RedisKeys } from '../../src/infra/redis/keys.js';
import { RedisLeaderboardStore } from '../../src/infra/redis/redis-leaderboard-store.js';
import { dropPrefix, testRedis } from '../support/redis.js';

let redis: ReturnType<typeof testRedis>['redis'];
let prefix: string;
afterEach(async () => {
  await dropPrefix(redis, prefix);
  await redis.quit();
});

/** A board of `n` members, m1 first; the score layout record-answer.lua writes (points * 2^32 + tie-break). */
async function board(n: number) {
  ({ redis, prefix } = testRedis());
  const keys = new RedisKeys(prefix);
  const store = new RedisLeaderboardStore(redis, keys);
  const ref: BoardRef = { workspace: { platform: 'slack', workspaceId: 'T1' }, period: 'all' };
  const key = keys.board(ref.workspace, undefined, 'all');
  for (let i = 1; i <= n; i++) await redis.zadd(key, (1000 - i) * 2 ** 32, `m${i}`);
  return { store, ref };
}

describe('the leaderboard page', () => {
  it('skips hidden members at the top however many they are, and ranks the rest among visible members', async () => {
    const { store, ref } = await board(40);
    // Fewer hidden members than the page reads ahead, then more (the page is read again, longer).
    for (const hidden of [3, 15]) {
      for (let i = 1; i <= hidden; i++) await store.setHidden(ref.workspace, `m${i}`, true);
      const top = await store.top(ref, 10);
      expect(top.map((s) => s.userId)).toEqual(Array.from({ length: 10 }, (_, i) => `m${hidden + 1 + i}`));
      expect(top.map((s) => s.rank)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
      expect(top[0]?.points).toBe(1000 - hidden - 1);
      expect((await store.standing(ref, `m${hidden + 11}`))?.rank).toBe(11);
    }
  });
});
