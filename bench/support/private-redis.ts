import { type EmbeddedRedis, startEmbeddedRedis } from '../../src/infra/redis/embedded-redis.js';
import { createRedis, type Redis } from '../../src/infra/redis/redis-client.js';

/**
 * A redis-server of the scenario's own on a free loopback port (never 6379), keeping nothing on
 * disk, and a plain client to it for set-up and INFO.
 */
export async function privateRedis(): Promise<{ server: EmbeddedRedis; admin: Redis; stop: () => Promise<void> }> {
  const server = await startEmbeddedRedis({ pathEnv: process.env.PATH ?? '' });
  const admin = createRedis(server.url);
  return {
    server,
    admin,
    async stop() {
      await admin.quit();
      await server.stop();
    },
  };
}

/** One field of INFO, as a number. */
export async function info(redis: Redis, section: string, field: string): Promise<number> {
  const text = await redis.info(section);
  const line = text.split('\r\n').find((l) => l.startsWith(`${field}:`));
  return Number(line?.slice(field.length + 1));
}

/** CPU seconds the server has used so far (user + sys, all threads). */
export async function redisCpuSeconds(redis: Redis): Promise<number> {
  return (await info(redis, 'cpu', 'used_cpu_user')) + (await info(redis, 'cpu', 'used_cpu_sys'));
}

/** Scale knobs: BENCH_QUICK=1 runs every scenario small (a smoke run of a minute or two). */
export const QUICK = process.env.BENCH_QUICK === '1';

/** A positive integer from the environment, or the default (quick or full). */
export function knob(name: string, full: number, quick: number): number {
  const raw = process.env[name];
  const n = raw ? Number(raw) : Number.NaN;
  return Number.isInteger(n) && n > 0 ? n : QUICK ? quick : full;
}
