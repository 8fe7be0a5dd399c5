import type { BotDeps } from '../bot-deps.js';
import type { ChannelRef } from '../types.js';
import type { DailySchedule } from './daily-schedule.js';

/** Each channel's daily settings. */
export interface DailyScheduleStore {
  get(channel: ChannelRef): Promise<DailySchedule | undefined>;
  set(channel: ChannelRef, schedule: DailySchedule): Promise<void>;
  delete(channel: ChannelRef): Promise<void>;
}

export interface DailyDeps extends BotDeps {
  schedules: DailyScheduleStore;
}
