import type { Platform } from '../../core/types.js';

/**
 * One queue per platform: a process works only the queues of the platforms it runs, so a Slack-only
 * and a Discord-only process can share one Redis without taking each other's jobs.
 */
export function queueName(platform: Platform): string {
  return `prepbot-${platform}`;
}

/** Retries for transient failures (platform or Redis hiccups); history kept for inspection. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: { age: 30 * 24 * 3600 },
} as const;
