import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DailyScheduler } from '../../core/daily/daily-ports.js';
import { cronPattern, type DailySchedule } from '../../core/daily/daily-schedule.js';
import type { ChannelRef, Platform } from '../../core/types.js';
import {
  type DailyPostPayload,
  type DailyRevealPayload,
  DEFAULT_JOB_OPTIONS,
  dailySchedulerId,
  JOBS,
  queueName,
  revealJobId,
} from './jobs.js';

/**
 * Daily work on BullMQ: `upsertJobScheduler` per channel (cron + IANA zone, so setting it again
 * replaces it and a restart never duplicates it) and one delayed reveal job per instance whose
 * deterministic id makes a second add a no-op.
 */
export class BullmqDailyScheduler implements DailyScheduler {
  private readonly queues = new Map<Platform, Queue>();

  constructor(
    private readonly connection: Redis,
    private readonly prefix: string,
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

  async upsert(channel: ChannelRef, schedule: DailySchedule): Promise<void> {
    const data: DailyPostPayload = { channel };
    await this.queue(channel.platform).upsertJobScheduler(
      dailySchedulerId(channel),
      { pattern: cronPattern(schedule), tz: schedule.timezone },
      { name: JOBS.dailyPost, data, opts: DEFAULT_JOB_OPTIONS },
    );
  }

  async remove(channel: ChannelRef): Promise<void> {
    await this.queue(channel.platform).removeJobScheduler(dailySchedulerId(channel));
  }

  async nextRun(channel: ChannelRef): Promise<number | undefined> {
    const scheduler = await this.queue(channel.platform).getJobScheduler(dailySchedulerId(channel));
    return scheduler?.next ?? undefined;
  }

  async scheduleReveal(channel: ChannelRef, instanceId: string, at: number): Promise<void> {
    const data: DailyRevealPayload = { channel, instanceId };
    await this.queue(channel.platform).add(JOBS.dailyReveal, data, { jobId: revealJobId(instanceId), delay: Math.max(0, at - Date.now()) });
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
