import type { TestProject } from 'vitest/node';
import { type EmbeddedRedis, startEmbeddedRedis } from '../../src/infra/redis/embedded-redis.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

let server: EmbeddedRedis | undefined;

/**
 * One private redis-server for the whole run, on a free port, never the one on 6379.
 * TEST_REDIS_URL points the tests at another server instead (each test isolates by key prefix).
 */
export async function setup(project: TestProject): Promise<void> {
  const external = process.env.TEST_REDIS_URL;
  if (external) {
    project.provide('redisUrl', external);
    return;
  }
  server = await startEmbeddedRedis({ pathEnv: process.env.PATH ?? '' });
  project.provide('redisUrl', server.url);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
