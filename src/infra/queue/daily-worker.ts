import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DailyDeps } from '../../core/daily/daily-ports.js';
import { PermanentPostError, postDailyQuestion, scheduledRunKey } from '../../core/daily/post-daily-question.js';
import { revealDailyQuestion } from '../../core/daily/reveal-daily-question.js';
import type { Platform } from '../../core/types.js';
import { dailyPostPayloadSchema, dailyRevealPayloadSchema, JOBS, queueName } from './jobs.js';

export interface WorkerOptions {
  concurrency?: number;
  /**
   * How long a job's lock lasts without renewal, and how often workers look for stalled jobs:
   * a worker that dies mid-job leaves its job to another worker after about this long.
   */
  lockDurationMs?: number;
  onError?: (error: unknown, job: Job | undefined) => void;
}

/** Runs one platform's scheduled work by calling the same use cases the commands use. */
export function createDailyWorker(
  connection: Redis,
  prefix: string,
  deps: DailyDeps,
  platform: Platform,
  options: WorkerOptions = {},
): Worker {
  const worker = new Worker(queueName(platform), (job) => processJob(deps, job), {
    connection,
    prefix,
    concurrency: options.concurrency ?? 5,
    lockDuration: options.lockDurationMs ?? 30_000,
    stalledInterval: options.lockDurationMs ?? 30_000,
  });
  worker.on('failed', (job, error) => options.onError?.(error, job));
  worker.on('error', (error) => options.onError?.(error, undefined));
  return worker;
}

export async function processJob(deps: DailyDeps, job: Job): Promise<string> {
  try {
    switch (job.name) {
      case JOBS.dailyPost: {
        const payload = parse(dailyPostPayloadSchema, job);
        const schedule = await deps.schedules.get(payload.channel);
        if (!schedule) return 'no-schedule'; // turned off after this run was queued
        // The time this run was due, not when a busy or restarted worker got to it.
        const dueAt = job.timestamp + (job.delay ?? 0);
        const outcome = await postDailyQuestion(deps, payload.channel, scheduledRunKey(new Date(dueAt), schedule.timezone));
        return outcome.status;
      }
      case JOBS.dailyReveal: {
        const payload = parse(dailyRevealPayloadSchema, job);
        return await revealDailyQuestion(deps, payload.channel, payload.instanceId, 'job');
      }
      default:
        throw new UnrecoverableError(`unknown job name ${job.name}`);
    }
  } catch (error) {
    if (error instanceof PermanentPostError) throw new UnrecoverableError(error.message);
    throw error;
  }
}

function parse<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { message: string } } },
  job: Job,
): T {
  const result = schema.safeParse(job.data);
  if (!result.success) throw new UnrecoverableError(`invalid ${job.name} payload: ${result.error.message}`);
  return result.data;
}
