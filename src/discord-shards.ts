import { join } from 'node:path';
import { REST, Routes, ShardingManager } from 'discord.js';
import { configSecrets, loadConfigOrReport } from './config.js';
import { createLogger } from './infra/logger.js';
import { type EmbeddedRedis, startEmbeddedRedis } from './infra/redis/embedded-redis.js';

/**
 * `npm run start:shards`: discord.js sharding for bots in more than 2,500 servers. Each shard is a
 * whole bot process (src/main.ts) owning some servers' gateway events; all share one Redis and one
 * job queue, and any shard's worker can post to any channel (posts go through REST, not the gateway).
 */
async function main(): Promise<number> {
  const config = loadConfigOrReport();
  if (!config) return 1;
  if (!config.discord) {
    process.stderr.write('Set DISCORD_TOKEN and DISCORD_APP_ID to run Discord shards (see docs/discord.md).\n');
    return 1;
  }
  const logger = createLogger(config.logLevel, process.stderr, { secrets: configSecrets(config) });
  let redis: EmbeddedRedis | undefined;
  if (!config.redis.url && !config.redis.cluster) {
    // One private redis-server for every shard: the launcher owns it and hands its URL down (a
    // REDIS_URL or REDIS_CLUSTER_NODES reaches the shards as it is, through the environment).
    redis = await startEmbeddedRedis({ dataDir: config.redis.dataDir, pathEnv: config.systemPath });
    process.env.REDIS_URL = redis.url;
  }
  const { shards, maxConcurrency } = await gatewayPlan(config.discord.token, config.discord.apiUrl, config.discord.shards);
  const manager = new ShardingManager(join(import.meta.dirname, 'main.ts'), {
    token: config.discord.token,
    totalShards: shards,
    mode: 'process',
    execArgv: ['--import', 'tsx'],
  });
  manager.on('shardCreate', (shard) => logger.info({ shard: shard.id, of: shards }, 'starting a Discord shard'));
  const stop = async (signal: string) => {
    logger.info({ signal }, 'stopping the Discord shards');
    for (const shard of manager.shards.values()) shard.kill();
    await redis?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  // Discord lets `max_concurrency` shards identify every 5 seconds.
  await manager.spawn({ amount: shards, delay: Math.ceil(5500 / maxConcurrency) });
  logger.info({ shards }, 'every Discord shard is ready');
  await new Promise<never>(() => undefined);
  return 0;
}

/** The shard count (Discord's recommendation for `auto`) and how many may identify at once, from GET /gateway/bot. */
async function gatewayPlan(token: string, apiUrl: string | undefined, wanted: 'auto' | number) {
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
  const info = (await rest.get(Routes.gatewayBot())) as { shards: number; session_start_limit: { max_concurrency: number } };
  return { shards: wanted === 'auto' ? info.shards : wanted, maxConcurrency: Math.max(1, info.session_start_limit.max_concurrency) };
}

main().then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
