import { z } from 'zod';
import { DRILL_TTL_MS } from '../../core/drill/drill-commands.js';
import type { DrillSession, DrillStore } from '../../core/drill/drill-session.js';
import { channelRefSchema } from '../../core/jobs/job-definitions.js';
import type { ChannelRef } from '../../core/types.js';
import type { RedisKeys } from './keys.js';
import { parseStoredJson } from './parse-stored-json.js';
import type { RedisClient } from './redis-client.js';

const sessionSchema = z.object({
  id: z.string(),
  userId: z.string(),
  channel: channelRefSchema,
  topic: z.string().optional(),
  difficulty: z.number().optional(),
  questionIds: z.array(z.string()),
  step: z.number().int().min(0),
  results: z.array(z.object({ questionId: z.string(), topic: z.string(), score: z.number(), correct: z.boolean(), points: z.number() })),
  startedAt: z.number(),
});

/** One JSON value per member and channel, expiring when the drill is abandoned (each step renews it). */
export class RedisDrillStore implements DrillStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  async get(ch: ChannelRef, userId: string): Promise<DrillSession | undefined> {
    return parseStoredJson(await this.redis.get(this.keys.drill(ch, userId)), sessionSchema);
  }

  async save(session: DrillSession): Promise<void> {
    await this.redis.set(this.keys.drill(session.channel, session.userId), JSON.stringify(session), 'PX', DRILL_TTL_MS);
  }

  async delete(ch: ChannelRef, userId: string): Promise<void> {
    await this.redis.del(this.keys.drill(ch, userId));
  }
}
