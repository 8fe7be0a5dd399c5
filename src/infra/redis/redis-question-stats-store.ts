import type { QuestionStats, QuestionStatsStore } from '../../core/report/question-stats.js';
import type { WorkspaceRef } from '../../core/types.js';
import type { RedisKeys } from './keys.js';
import type { StoreClient } from './lua-scripts.js';

/** Reads the per-question counts record-answer.lua keeps (n, c, s in thousandths, p:<key>). */
export class RedisQuestionStatsStore implements QuestionStatsStore {
  constructor(
    private readonly redis: StoreClient,
    private readonly keys: RedisKeys,
  ) {}

  async get(ws: WorkspaceRef, questionIds: readonly string[]): Promise<Map<string, QuestionStats>> {
    // Issued together: auto-pipelining sends a whole topic's (or the bank's) reads in one round trip.
    const hashes = await Promise.all(questionIds.map((id) => this.redis.hgetall(this.keys.questionStats(ws, id))));
    const out = new Map<string, QuestionStats>();
    questionIds.forEach((id, i) => {
      const h = hashes[i] ?? {};
      const answered = Number(h.n ?? 0);
      if (!(answered > 0)) return;
      const picked: Record<string, number> = {};
      for (const [field, value] of Object.entries(h)) if (field.startsWith('p:')) picked[field.slice(2)] = Number(value);
      out.set(id, { answered, correct: Number(h.c ?? 0), score: Number(h.s ?? 0) / 1000, picked });
    });
    return out;
  }
}
