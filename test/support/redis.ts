import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { Cluster, createRedis, type RedisClient } from '../../src/infra/redis/redis-client.js';

/**
 * A client to the test run's redis-server (or the one `connect` builds, e.g. to a Redis Cluster)
 * and a key prefix no other test uses.
 */
export function testRedis(connect?: () => RedisClient): { redis: RedisClient; prefix: string; url: string } {
  const url = inject('redisUrl');
  return { redis: connect ? connect() : createRedis(url), prefix: `t-${randomBytes(5).toString('hex')}`, url };
}

/** Deletes every key under a test prefix (hash-tagged keys included), on every master of a cluster. */
export async function dropPrefix(redis: RedisClient, prefix: string): Promise<void> {
  // SCAN on a cluster client asks one node only, and a DEL of keys from several slots is refused.
  const nodes = redis instanceof Cluster ? redis.nodes('master') : [redis];
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', `*${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length === 0) continue;
      if (redis instanceof Cluster) await node.pipeline(keys.map((k) => ['del', k])).exec();
      else await node.del(...keys);
    } while (cursor !== '0');
  }
}
