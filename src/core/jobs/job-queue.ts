import type { ChannelRef } from '../types.js';
import type { JobName, JobPayload, JobSpec } from './job-definitions.js';

/** A repeating schedule: five-field cron in an IANA zone. */
export interface RepeatRule {
  cron: string;
  timezone: string;
}

/**
 * Work nobody asked for right now: the daily post, its reveal, the next mock round. One-off jobs
 * have deterministic ids, so scheduling the same job twice (a retry, a restart) is a no-op, and can
 * be cancelled; recurring jobs are upserted by schedule id. Times come from the core's Clock.
 */
export interface JobQueue {
  /** Runs the job once at `at` (epoch ms); a job with the same id already waiting is left alone. */
  scheduleAt(job: JobSpec, at: number): Promise<void>;
  /** Cancels a waiting job; false when there was none (already run, running, or never scheduled). */
  cancel(channel: ChannelRef, jobId: string): Promise<boolean>;
  /** Creates or replaces a recurring schedule. */
  repeat<N extends JobName>(scheduleId: string, rule: RepeatRule, job: { name: N; payload: JobPayload<N> }): Promise<void>;
  stopRepeat(channel: ChannelRef, scheduleId: string): Promise<void>;
  /** Epoch ms of the schedule's next run, if it exists. */
  nextRun(channel: ChannelRef, scheduleId: string): Promise<number | undefined>;
}
