import { z } from 'zod';
import type { ReviewStore, StoredReview } from '../../core/srs/review-card.js';
import type { WorkspaceRef } from '../../core/types.js';
import type { RedisKeys } from './keys.js';
import { withScripts } from './lua-scripts.js';
import { parseStoredJson } from './parse-stored-json.js';
import type { RedisClient } from './redis-client.js';

const cardSchema = z.object({
  due: z.number(),
  stability: z.number(),
  difficulty: z.number(),
  elapsedDays: z.number(),
  scheduledDays: z.number(),
  learningSteps: z.number(),
  reps: z.number(),
  lapses: z.number(),
  state: z.enum(['new', 'learning', 'review', 'relearning']),
  lastReview: z.number().optional(),
});
const storedSchema = z.object({ card: cardSchema, previous: cardSchema.optional(), instanceId: z.string(), topic: z.string() });

/** A stored card, or undefined for none (or one this version cannot read: it starts afresh). */
export function parseStoredReview(raw: string | null | undefined): StoredReview | undefined {
  return parseStoredJson(raw, storedSchema);
}

/** Kept two days: long enough to cover any zone's "today". */
const NEW_COUNT_TTL_S = 2 * 86_400;

/** Cards in a hash per member (question id -> JSON) and a due index (sorted set by due ms), never expiring. */
export class RedisReviewStore implements ReviewStore {
  private readonly redis;
  constructor(
    redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {
    this.redis = withScripts(redis);
  }

  async get(ws: WorkspaceRef, userId: string, questionId: string): Promise<StoredReview | undefined> {
    return parseStoredReview(await this.redis.hget(this.keys.reviewCards(ws, userId), questionId));
  }

  async save(ws: WorkspaceRef, userId: string, questionId: string, review: StoredReview, newOnDay?: string): Promise<void> {
    // One script call, not a MULTI of four commands: it follows every recorded answer, and a MULTI
    // costs the bot about four times the CPU (and a socket write of its own).
    await this.redis.saveReview(
      this.keys.reviewCards(ws, userId),
      this.keys.reviewDue(ws, userId),
      // Unused without a new card, but always given: a script's keys are fixed in number, in one slot.
      this.keys.reviewNew(ws, userId, newOnDay ?? '-'),
      questionId,
      JSON.stringify(review),
      review.card.due,
      newOnDay ? '1' : '0',
      NEW_COUNT_TTL_S,
    );
  }

  async due(ws: WorkspaceRef, userId: string, now: number, limit: number): Promise<string[]> {
    return this.redis.zrangebyscore(this.keys.reviewDue(ws, userId), '-inf', now, 'LIMIT', 0, limit);
  }

  async dueCount(ws: WorkspaceRef, userId: string, until: number): Promise<number> {
    return this.redis.zcount(this.keys.reviewDue(ws, userId), '-inf', until);
  }

  async seen(ws: WorkspaceRef, userId: string): Promise<Set<string>> {
    return new Set(await this.redis.zrange(this.keys.reviewDue(ws, userId), 0, -1));
  }

  async newOn(ws: WorkspaceRef, userId: string, day: string): Promise<number> {
    return Number((await this.redis.get(this.keys.reviewNew(ws, userId, day))) ?? 0);
  }
}
