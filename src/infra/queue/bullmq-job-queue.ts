import { Queue } from 'bullmq';
import type { JobName, JobPayload, JobSpec } from '../../core/jobs/job-definitions.js';
import type { JobQueue, RepeatRule } from '../../core/jobs/job-queue.js';
import type { Clock } from '../../core/ports.js';
import type { ChannelRef, Platform } from '../../core/types.js';
import type { RedisClient } from '../redis/redis-client.js';
import { DEFAULT_JOB_OPTIONS, queueName } from './jobs.js';

/**
 * The job queue port on BullMQ: delayed jobs with deterministic ids (a second add of a waiting id
 * is a no-op), `remove` to cancel, and `upsertJobScheduler` (cron + IANA zone) for recurring work,
 * so setting a schedule again replaces it and a restart never duplicates it.
 */
export class BullmqJobQueue implements JobQueue {
  private readonly queues = new Map<Platform, Queue>();

  constructor(
    private readonly connection: RedisClient,
    private readonly prefix: string,
    private readonly clock: Clock,
  ) {}

  /** The queue of one platform's channels (created on first use). */
  queue(platform: Platform): Queue {
    let q = this.queues.get(platform);
    if (!q) {
      q = new Queue(queueName(platform), { connection: this.connection, prefix: this.prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
      this.queues.set(platform, q);
    }
    return q;
  }

  async scheduleAt(job: JobSpec, at: number): Promise<void> {
    const delay = Math.max(0, at - this.clock.now().getTime());
    await this.queue(job.payload.channel.platform).add(job.name, job.payload, { jobId: job.id, delay });
  }

  async cancel(channel: ChannelRef, jobId: string): Promise<boolean> {
    const queue = this.queue(channel.platform);
    // BullMQ's remove also "succeeds" for a missing or finished job, so look first; it refuses a job
    // a worker holds (running), which leaves that run to the handler's own state checks.
    const state = await queue.getJobState(jobId);
    if (state !== 'delayed' && state !== 'waiting' && state !== 'prioritized' && state !== 'waiting-children') return false;
    return (await queue.remove(jobId)) === 1;
  }

  async repeat<N extends JobName>(scheduleId: string, rule: RepeatRule, job: { name: N; payload: JobPayload<N> }): Promise<void> {
    await this.queue(job.payload.channel.platform).upsertJobScheduler(
      scheduleId,
      { pattern: rule.cron, tz: rule.timezone },
      { name: job.name, data: job.payload, opts: DEFAULT_JOB_OPTIONS },
    );
  }

  async stopRepeat(channel: ChannelRef, scheduleId: string): Promise<void> {
    await this.queue(channel.platform).removeJobScheduler(scheduleId);
  }

  async nextRun(channel: ChannelRef, scheduleId: string): Promise<number | undefined> {
    const scheduler = await this.queue(channel.platform).getJobScheduler(scheduleId);
    return scheduler?.next ?? undefined;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
