import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { isJobName, JOB_SCHEMAS, type JobHandlers } from '../../core/jobs/job-definitions.js';
import { PermanentJobError } from '../../core/jobs/job-errors.js';
import type { Platform } from '../../core/types.js';
import type { RedisClient } from '../redis/redis-client.js';
import { queueName } from './jobs.js';

export interface WorkerOptions {
  concurrency?: number;
  /**
   * How long a job's lock lasts without renewal, and how often workers look for stalled jobs:
   * a worker that dies mid-job leaves its job to another worker after about this long.
   */
  lockDurationMs?: number;
  onError?: (error: unknown, job: Job | undefined) => void;
}

/**
 * Jobs a worker runs at once. A job mostly waits (a dozen Redis round trips, the platform's send
 * limit), so five in flight held a 10,000-channel daily fan-out to about 125 posts/s, a quarter of
 * a 500 posts/s send limit (`npm run bench daily-fanout`); fifty keep the limit busy.
 */
export const DEFAULT_CONCURRENCY = 50;

/** Works one platform's queue: each job name goes to its feature's handler with a checked payload. */
export function createJobWorker(
  connection: RedisClient,
  prefix: string,
  platform: Platform,
  handlers: JobHandlers,
  options: WorkerOptions = {},
): Worker {
  const worker = new Worker(queueName(platform), (job) => processJob(handlers, job), {
    connection,
    prefix,
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
    lockDuration: options.lockDurationMs ?? 30_000,
    stalledInterval: options.lockDurationMs ?? 30_000,
  });
  worker.on('failed', (job, error) => options.onError?.(error, job));
  worker.on('error', (error) => options.onError?.(error, undefined));
  return worker;
}

export async function processJob(handlers: JobHandlers, job: Job): Promise<string> {
  if (!isJobName(job.name)) throw new UnrecoverableError(`unknown job name ${job.name}`);
  const parsed = JOB_SCHEMAS[job.name].safeParse(job.data);
  if (!parsed.success) {
    // One line that says where: `channel.workspaceId: Invalid input: expected string, received undefined`.
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(the payload)'}: ${i.message}`).join('; ');
    throw new UnrecoverableError(`invalid ${job.name} payload: ${where}`);
  }
  // The time this run was due, not when a busy or restarted worker got to it. BullMQ clears
  // `job.delay` once a delayed job is promoted (and sets it to the backoff for a retry); the delay
  // it was queued with stays in `opts`. A job scheduler queues each run when the one before it
  // starts, so without `opts.delay` tomorrow's daily post had today's run key and posted nothing.
  const run = { dueAt: job.timestamp + (job.opts?.delay ?? job.delay ?? 0), attempt: job.attemptsMade + 1 };
  const handler = handlers[job.name] as (payload: unknown, r: typeof run) => Promise<string>;
  try {
    return await handler(parsed.data, run);
  } catch (error) {
    if (error instanceof PermanentJobError) throw new UnrecoverableError(error.message);
    throw error;
  }
}
