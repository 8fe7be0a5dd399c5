import type { BotDeps } from '../bot-deps.js';
import type { ChatPlatform } from '../ports.js';
import type { ChannelRef, Platform } from '../types.js';
import type { DailySchedule } from './daily-schedule.js';

/** Each channel's daily settings. */
export interface DailyScheduleStore {
  get(channel: ChannelRef): Promise<DailySchedule | undefined>;
  set(channel: ChannelRef, schedule: DailySchedule): Promise<void>;
  delete(channel: ChannelRef): Promise<void>;
}

/**
 * Recurring and one-off daily work. Implemented with BullMQ: one job scheduler per channel
 * (setting it again replaces it) and one delayed reveal job per instance, by deterministic id.
 */
export interface DailyScheduler {
  upsert(channel: ChannelRef, schedule: DailySchedule): Promise<void>;
  remove(channel: ChannelRef): Promise<void>;
  /** Epoch ms of the channel's next scheduled post, if any. */
  nextRun(channel: ChannelRef): Promise<number | undefined>;
  scheduleReveal(channel: ChannelRef, instanceId: string, at: number): Promise<void>;
}

export interface DailyDeps extends BotDeps {
  schedules: DailyScheduleStore;
  scheduler: DailyScheduler;
  /** Where scheduled posts and reveals go, by platform. */
  platforms: Partial<Record<Platform, ChatPlatform>>;
}
