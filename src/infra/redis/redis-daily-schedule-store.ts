import type { DailyScheduleStore } from '../../core/daily/daily-ports.js';
import { type DailySchedule, dailyScheduleSchema } from '../../core/daily/daily-schedule.js';
import type { ChannelRef } from '../../core/types.js';
import type { RedisKeys } from './keys.js';
import type { RedisClient } from './redis-client.js';

export class RedisDailyScheduleStore implements DailyScheduleStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  async get(ch: ChannelRef): Promise<DailySchedule | undefined> {
    const raw = await this.redis.get(this.keys.dailySchedule(ch));
    return raw ? dailyScheduleSchema.parse(JSON.parse(raw)) : undefined;
  }
  async set(ch: ChannelRef, schedule: DailySchedule): Promise<void> {
    await this.redis.set(this.keys.dailySchedule(ch), JSON.stringify(dailyScheduleSchema.parse(schedule)));
  }
  async delete(ch: ChannelRef): Promise<void> {
    await this.redis.del(this.keys.dailySchedule(ch));
  }
}
