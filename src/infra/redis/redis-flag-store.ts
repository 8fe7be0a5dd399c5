import { z } from 'zod';
import type { FlagOutcome, FlagStore, QuestionFlag } from '../../core/flags/flag-ports.js';
import type { WorkspaceRef } from '../../core/types.js';
import type { RedisKeys } from './keys.js';
import { type StoreClient, withScripts } from './lua-scripts.js';
import { parseStoredJson } from './parse-stored-json.js';

const flagSchema = z.object({
  userId: z.string(),
  reason: z.string(),
  at: z.number(),
  instanceId: z.string(),
  mode: z.enum(['quiz', 'daily', 'drill', 'mock']),
});

/** Flags per question (one hash field per member) and an index of flagged questions by count (flag-question.lua). */
export class RedisFlagStore implements FlagStore {
  private readonly redis;
  constructor(
    redis: StoreClient,
    private readonly keys: RedisKeys,
  ) {
    this.redis = withScripts(redis);
  }

  async flag(ws: WorkspaceRef, questionId: string, flag: QuestionFlag): Promise<FlagOutcome> {
    const json = JSON.stringify({ userId: flag.userId, reason: flag.reason, at: flag.at, instanceId: flag.instanceId, mode: flag.mode });
    const [isNew, count, stored] = await this.redis.flagQuestion(
      this.keys.questionFlags(ws, questionId),
      this.keys.flaggedQuestions(ws),
      flag.userId,
      json,
      questionId,
    );
    const kept = parseStoredJson(stored, flagSchema);
    return { status: isNew === 1 ? 'new' : 'updated', count: Number(count), reason: kept?.reason ?? flag.reason };
  }

  async flagCounts(ws: WorkspaceRef): Promise<Array<{ questionId: string; count: number }>> {
    const flat = await this.redis.zrevrange(this.keys.flaggedQuestions(ws), 0, -1, 'WITHSCORES');
    const out: Array<{ questionId: string; count: number }> = [];
    for (let i = 0; i + 1 < flat.length; i += 2) out.push({ questionId: flat[i] as string, count: Number(flat[i + 1]) });
    return out;
  }

  async flagsOf(ws: WorkspaceRef, questionIds: readonly string[]): Promise<Map<string, QuestionFlag[]>> {
    const hashes = await Promise.all(questionIds.map((id) => this.redis.hgetall(this.keys.questionFlags(ws, id))));
    const out = new Map<string, QuestionFlag[]>();
    questionIds.forEach((id, i) => {
      const flags = Object.values(hashes[i] ?? {})
        .map((raw) => parseStoredJson(raw, flagSchema))
        .filter((f): f is QuestionFlag => f !== undefined)
        .sort((a, b) => b.at - a.at);
      out.set(id, flags);
    });
    return out;
  }
}
