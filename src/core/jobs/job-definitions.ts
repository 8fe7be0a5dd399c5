import { z } from 'zod';

/**
 * Every job name and its payload schema. The worker validates each payload against its schema
 * before a handler sees it; every payload names its channel, whose platform picks the queue.
 */
export const channelRefSchema = z.object({
  platform: z.enum(['discord', 'slack', 'console']),
  workspaceId: z.string().min(1),
  channelId: z.string().min(1),
});

export const JOB_SCHEMAS = {
  'daily-post': z.object({ channel: channelRefSchema }),
  'daily-reveal': z.object({ channel: channelRefSchema, instanceId: z.string().min(1) }),
  'mock-lobby-start': z.object({ channel: channelRefSchema, sessionId: z.string().min(1) }),
  'mock-round-end': z.object({ channel: channelRefSchema, sessionId: z.string().min(1), instanceId: z.string().min(1) }),
} as const;

export type JobName = keyof typeof JOB_SCHEMAS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOB_SCHEMAS)[N]>;

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOB_SCHEMAS, name);
}

/** A job with its name, payload and deterministic id. */
export type JobSpec = { [N in JobName]: { name: N; id: string; payload: JobPayload<N> } }[JobName];

/** When and how often a job ran: handlers use the due time, not the time a busy worker got to it. */
export interface JobRun {
  dueAt: number;
  attempt: number;
}

export type JobHandlers = { [N in JobName]: (payload: JobPayload<N>, run: JobRun) => Promise<string> };
