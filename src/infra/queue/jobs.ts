import { z } from 'zod';
import type { ChannelRef, Platform } from '../../core/types.js';

/**
 * Job names and their payloads. The worker validates every payload before using it.
 * One queue per platform: a process works only the queues of the platforms it runs, so a Slack-only
 * and a Discord-only process can share one Redis without taking each other's jobs.
 */
export function queueName(platform: Platform): string {
  return `prepbot-${platform}`;
}

export const JOBS = { dailyPost: 'daily-post', dailyReveal: 'daily-reveal' } as const;

export const channelRefSchema = z.object({
  platform: z.enum(['discord', 'slack', 'console']),
  workspaceId: z.string().min(1),
  channelId: z.string().min(1),
});

export const dailyPostPayloadSchema = z.object({ channel: channelRefSchema });
export type DailyPostPayload = z.infer<typeof dailyPostPayloadSchema>;

export const dailyRevealPayloadSchema = z.object({ channel: channelRefSchema, instanceId: z.string().min(1) });
export type DailyRevealPayload = z.infer<typeof dailyRevealPayloadSchema>;

/** BullMQ ids must not contain ':' (its key separator); ours are built from dashes only. */
export function dailySchedulerId(ch: ChannelRef): string {
  return `daily-${ch.platform}-${ch.workspaceId}-${ch.channelId}`;
}

export function revealJobId(instanceId: string): string {
  return `reveal-${instanceId}`;
}

/** Retries for transient failures (platform or Redis hiccups); history kept for inspection. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: { age: 30 * 24 * 3600 },
} as const;
