import type { Platform } from '../../core/types.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics/metrics.js';
import { createPromMetrics } from '../metrics/prom-metrics.js';
import type { BullmqJobQueue } from '../queue/bullmq-job-queue.js';
import type { RedisClient } from '../redis/redis-client.js';
import { checkHealth, queueCheck, queueDepth, redisCheck } from './health.js';
import { type OpsRoute, opsRoutes } from './ops-routes.js';
import { type OpsServer, startOpsServer } from './ops-server.js';

export interface OpsOptions {
  /** The queue's connection (BullMQ) and the stores' one: health needs both. */
  queueRedis: RedisClient;
  storeRedis: RedisClient;
  jobs: BullmqJobQueue;
  /** The platforms this process runs: their queues are checked and measured. */
  platforms: readonly Platform[];
  logger: Logger;
}

export interface Ops {
  metrics: Metrics;
  /** `/healthz` and `/metrics`, for the Slack receiver or `serveOps`. */
  routes: OpsRoute[];
}

/** The metrics registry and the two ops routes over this process's Redis clients and queues. */
export function createOps(o: OpsOptions): Ops {
  const metrics = createPromMetrics(queueDepth(o.jobs, o.platforms, o.queueRedis));
  const routes = opsRoutes({
    registry: metrics.registry,
    health: () =>
      checkHealth({
        redis: redisCheck([o.queueRedis, o.storeRedis]),
        queue: queueCheck(o.jobs, o.platforms, o.queueRedis),
      }),
    onError: (error, path) => o.logger.warn({ err: error, path }, 'could not answer an ops request'),
  });
  return { metrics, routes };
}

/**
 * Serves the ops routes on their own port. A port already taken (shards of one machine all given
 * the same PORT) is one warning, not a bot that will not start: the endpoints are for operators.
 */
export async function serveOps(ops: Ops, port: number, logger: Logger): Promise<OpsServer | undefined> {
  try {
    const server = await startOpsServer(port, ops.routes);
    logger.info({ port: server.port, paths: ops.routes.map((r) => r.path) }, 'serving health and metrics');
    return server;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    logger.warn({ port, code }, 'could not serve /healthz and /metrics: the port is taken (set PORT, or METRICS=0)');
    return undefined;
  }
}
