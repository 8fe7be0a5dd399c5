import type { MemberStats, MemberStatsStore } from '../../core/ports.js';
import type { WorkspaceRef } from '../../core/types.js';
import type { RedisKeys } from './keys.js';
import type { RedisClient } from './redis-client.js';

/** Reads the statistics hash record-answer.lua keeps per member. */
export class RedisMemberStatsStore implements MemberStatsStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  async get(ws: WorkspaceRef, userId: string): Promise<MemberStats> {
    const h = await this.redis.hgetall(this.keys.memberStats(ws, userId));
    const byTopic: MemberStats['byTopic'] = {};
    for (const [field, value] of Object.entries(h)) {
      const m = /^([acs]):(.+)$/.exec(field);
      if (!m?.[1] || !m[2]) continue;
      const t = byTopic[m[2]] ?? { answered: 0, correct: 0, score: 0 };
      byTopic[m[2]] = t;
      if (m[1] === 'a') t.answered = Number(value);
      else if (m[1] === 'c') t.correct = Number(value);
      else t.score = Number(value) / 1000;
    }
    return { answered: Number(h.answered ?? 0), correct: Number(h.correct ?? 0), byTopic };
  }
}
