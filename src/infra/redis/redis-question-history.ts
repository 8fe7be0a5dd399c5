import type { QuestionHistoryStore } from '../../core/ports.js';
import type { ChannelRef } from '../../core/types.js';
import type { RedisKeys } from './keys.js';
import type { RedisClient } from './redis-client.js';

export class RedisQuestionHistory implements QuestionHistoryStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  async used(ch: ChannelRef, pool: string): Promise<Set<string>> {
    return new Set(await this.redis.smembers(this.keys.history(ch, pool)));
  }
  async markUsed(ch: ChannelRef, pool: string, questionId: string): Promise<void> {
    await this.redis.sadd(this.keys.history(ch, pool), questionId);
  }
  async reset(ch: ChannelRef, pool: string): Promise<void> {
    await this.redis.del(this.keys.history(ch, pool));
  }
}
