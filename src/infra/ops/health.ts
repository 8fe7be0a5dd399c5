import type { Platform } from '../../core/types.js';
import type { BullmqJobQueue } from '../queue/bullmq-job-queue.js';
import type { RedisClient } from '../redis/redis-client.js';

/** A health probe and a metrics scrape wait this long for Redis at most: a prober must get an answer. */
export const PROBE_TIMEOUT_MS = 1000;

/** Resolves when the thing it names answers; rejects (or never settles) when it does not. */
export type Check = () => Promise<unknown>;

export type HealthReport = { ok: boolean; checks: Record<string, 'ok' | 'down'> };

/** Runs every check at once, each bounded by `timeoutMs`; healthy only when all answered. */
export async function checkHealth(checks: Record<string, Check>, timeoutMs = PROBE_TIMEOUT_MS): Promise<HealthReport> {
  const names = Object.keys(checks);
  const results = await Promise.all(names.map((name) => within(timeoutMs, () => (checks[name] as Check)())));
  const report: HealthReport = { ok: results.every(Boolean), checks: {} };
  names.forEach((name, i) => {
    report.checks[name] = results[i] ? 'ok' : 'down';
  });
  return report;
}

/**
 * Every client answers PING. A client that is not connected fails at once: commands wait for the
 * reconnect (maxRetriesPerRequest: null), so a PING sent now would only pile up behind it.
 */
export function redisCheck(clients: readonly RedisClient[]): Check {
  return () => Promise.all(clients.map((c) => (c.status === 'ready' ? c.ping() : Promise.reject(new Error(`redis ${c.status}`)))));
}

/** Each platform's queue answers a job count through BullMQ (its keys and scripts, not only the socket). */
export function queueCheck(jobs: BullmqJobQueue, platforms: readonly Platform[], connection: RedisClient): Check {
  return async () => {
    if (connection.status !== 'ready') throw new Error(`queue connection ${connection.status}`);
    await Promise.all(platforms.map((p) => jobs.queue(p).getJobCounts('waiting')));
  };
}

/** The states a queue's depth is shown in. */
const DEPTH_STATES = ['waiting', 'prioritized', 'delayed', 'active', 'failed'] as const;

/** Job counts per platform for the queue-depth gauge; undefined when the queue cannot be read in time. */
export function queueDepth(jobs: BullmqJobQueue, platforms: readonly Platform[], connection: RedisClient, timeoutMs = PROBE_TIMEOUT_MS) {
  return async (): Promise<Array<{ platform: string; counts: Record<string, number> }> | undefined> => {
    if (connection.status !== 'ready') return undefined;
    let depth: Array<{ platform: string; counts: Record<string, number> }> | undefined;
    const read = async () => {
      depth = await Promise.all(
        platforms.map(async (platform) => ({ platform, counts: await jobs.queue(platform).getJobCounts(...DEPTH_STATES) })),
      );
    };
    return (await within(timeoutMs, read)) ? depth : undefined;
  };
}

/** True when `work` resolved within `ms`; false when it rejected or took longer. */
async function within(ms: number, work: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work().then(() => true as const), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
