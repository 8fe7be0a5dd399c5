import type { BoardRef, LeaderboardStore, Standing, StreakRecord } from '../../core/ports.js';
import type { WorkspaceRef } from '../../core/types.js';
import type { RedisKeys } from './keys.js';
import type { RedisClient } from './redis-client.js';

const SHIFT = 2 ** 32;
const pointsOf = (score: string | number) => Math.floor(Number(score) / SHIFT);
/** Extra rows read with a page of the board, for hidden members who may sit among the top. */
const HIDDEN_ROOM = 10;

export class RedisLeaderboardStore implements LeaderboardStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  private key(board: BoardRef): string {
    return this.keys.board(board.workspace, board.channelId, board.period, board.bucket?.id);
  }

  async top(board: BoardRef, limit: number): Promise<Standing[]> {
    const key = this.key(board);
    // The hidden members and a page with room for a few of them travel together (one round trip);
    // only when more are hidden than that room is the page read again, long enough to fill it.
    const [hiddenIds, page] = await Promise.all([
      this.redis.smembers(this.keys.hiddenMembers(board.workspace)),
      this.redis.zrevrange(key, 0, limit + HIDDEN_ROOM - 1, 'WITHSCORES'),
    ]);
    const hidden = new Set(hiddenIds);
    const raw = hidden.size <= HIDDEN_ROOM ? page : await this.redis.zrevrange(key, 0, limit + hidden.size - 1, 'WITHSCORES');
    const out: Standing[] = [];
    for (let i = 0; i + 1 < raw.length && out.length < limit; i += 2) {
      const userId = raw[i] as string;
      if (hidden.has(userId)) continue;
      out.push({ userId, points: pointsOf(raw[i + 1] as string), rank: out.length + 1 });
    }
    return out;
  }

  async standing(board: BoardRef, userId: string): Promise<Standing | undefined> {
    const key = this.key(board);
    const [score, rank, hidden] = await Promise.all([
      this.redis.zscore(key, userId),
      this.redis.zrevrank(key, userId),
      this.redis.smembers(this.keys.hiddenMembers(board.workspace)),
    ]);
    if (score === null || rank === null) return undefined;
    // Rank among visible members: hidden members with a better score do not count.
    let above = 0;
    if (hidden.length > 0) {
      const scores = await this.redis.zmscore(key, ...hidden);
      above = scores.filter((s, i) => s !== null && hidden[i] !== userId && Number(s) > Number(score)).length;
    }
    return { userId, points: pointsOf(score), rank: rank + 1 - above };
  }

  async setHidden(ws: WorkspaceRef, userId: string, hidden: boolean): Promise<void> {
    const key = this.keys.hiddenMembers(ws);
    if (hidden) await this.redis.sadd(key, userId);
    else await this.redis.srem(key, userId);
  }

  async isHidden(ws: WorkspaceRef, userId: string): Promise<boolean> {
    return (await this.redis.sismember(this.keys.hiddenMembers(ws), userId)) === 1;
  }

  /** record-answer.lua keeps the streak hash (`count`, `last`, `best`). */
  async streak(ws: WorkspaceRef, userId: string): Promise<StreakRecord | undefined> {
    const h = await this.redis.hgetall(this.keys.streak(ws, userId));
    if (!h.last) return undefined;
    return { count: Number(h.count ?? 0), last: h.last, best: Number(h.best ?? h.count ?? 0) };
  }
}
