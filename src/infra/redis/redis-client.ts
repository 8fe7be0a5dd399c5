import { Redis, type RedisOptions } from 'ioredis';

export type { Redis };

/**
 * One place that builds ioredis clients. `maxRetriesPerRequest: null` is what BullMQ workers
 * require; commands issued while Redis is away wait for the reconnect instead of failing at once.
 */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false, ...options });
}
