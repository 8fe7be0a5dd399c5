import { Cluster, Redis, type RedisOptions } from 'ioredis';
import { type ClusterNodes, describeClusterNodes } from './cluster-nodes.js';

export { Cluster, Redis };

/**
 * What the stores, the Lua scripts and BullMQ talk to: one Redis or a Redis Cluster. Both have the
 * same command API; every multi-key command, script and MULTI stays inside one workspace hash tag
 * (see keys.ts), so none of them needs to know which it has.
 */
export type RedisClient = Redis | Cluster;

/** Where Redis is: a URL (REDIS_URL or the private server) or a cluster's seed nodes. */
export type RedisTarget = { url: string } | { cluster: ClusterNodes };

export interface ClientOptions {
  /** Independent commands of one tick share a round trip (per node on a cluster). */
  enableAutoPipelining?: boolean;
}

/**
 * `maxRetriesPerRequest: null` is what BullMQ workers require; commands issued while Redis is away
 * wait for the reconnect instead of failing at once.
 */
const COMMON: RedisOptions = { maxRetriesPerRequest: null, enableReadyCheck: true };

/** One place that builds ioredis clients for a single Redis. */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { ...COMMON, lazyConnect: false, ...options });
}

/** One place that builds the bot's clients, whatever the deployment. */
export function connectRedis(target: RedisTarget, options: ClientOptions = {}): RedisClient {
  if ('url' in target) return createRedis(target.url, options);
  const c = target.cluster;
  return new Cluster(c.nodes, {
    ...options,
    redisOptions: {
      ...COMMON,
      username: c.username,
      password: c.password,
      // An empty object: TLS with Node's defaults (the system's CA store, the node's host name checked).
      tls: c.tls ? {} : undefined,
    },
  });
}

/** The target for messages, without any password. */
export function describeTarget(target: RedisTarget): string {
  if ('cluster' in target) return `the Redis Cluster at ${describeClusterNodes(target.cluster)}`;
  try {
    const u = new URL(target.url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid URL)';
  }
}
