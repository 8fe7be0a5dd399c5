import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createRedis, type Redis } from '../../src/infra/redis/redis-client.js';

/** A client to the test run's redis-server and a key prefix no other test uses. */
export function testRedis(): { redis: Redis; prefix: string; url: string } {
  const url = inject('redisUrl');
  return { redis: createRedis(url), prefix: `t-${randomBytes(5).toString('hex')}`, url };
}

/** Deletes every key under a test prefix (hash-tagged keys included). */
export async function dropPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `*${prefix}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
}
