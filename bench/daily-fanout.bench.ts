/**
 * Scenario 3, the daily fan-out: 10,000 channels (500 workspaces of 20) whose daily question is due at the same second,
 * through the real BullMQ job schedulers (the ones `/daily set` creates) and a job worker as main.ts
 * starts it, posting to the recording test platform behind a send limit of 500 posts/s. The floor
 * is what the limit allows (10,000 / 500 = 20 s). Figures: time from the due second to the last
 * post, duplicates (a channel posted twice) and misses (a channel never posted).
 */
import { dailyScheduleId } from '../src/core/daily/daily-jobs.js';
import { type DailySchedule, DEFAULT_REVEAL_MS } from '../src/core/daily/daily-schedule.js';
import type { ChannelRef } from '../src/core/types.js';
import { type BenchResult, costRatio } from './bench-result.js';
import { benchApp } from './support/bench-app.js';
import { knob, privateRedis, redisCpuSeconds } from './support/private-redis.js';
import { RateLimitedPlatform } from './support/rate-limited-platform.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `fn` over `items` with `limit` at a time. */
async function inBatches<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++] as T);
    }),
  );
}

/** A cron pattern with seconds for one moment of each day (UTC): `S M H * * *`. */
function cronAt(at: number): string {
  const d = new Date(at);
  return `${d.getUTCSeconds()} ${d.getUTCMinutes()} ${d.getUTCHours()} * * *`;
}

export default async function bench(): Promise<BenchResult[]> {
  const count = knob('BENCH_CHANNELS', 10_000, 1_000);
  const perSecond = knob('BENCH_SEND_LIMIT', 500, 500);
  const floorMs = (count / perSecond) * 1000;
  const redis = await privateRedis();
  const platform = new RateLimitedPlatform(perSecond);
  const app = benchApp(redis.server.url, { platform });
  try {
    // Teams of 20 channels: a question open in one channel of a workspace is kept out of its others.
    const channels = Array.from(
      { length: count },
      (_, i): ChannelRef => ({ platform: 'slack', workspaceId: `T${Math.floor(i / 20)}`, channelId: `C${i}` }),
    );
    const schedule: DailySchedule = {
      time: '00:00',
      timezone: 'UTC',
      days: [1, 2, 3, 4, 5, 6, 7],
      revealAfterMs: DEFAULT_REVEAL_MS,
      feedback: 'reveal',
      locale: 'en',
    };
    await inBatches(channels, 64, (ch) => app.deps.schedules.set(ch, schedule));
    const upsertAll = (cron: string) =>
      inBatches(channels, 64, (channel) =>
        app.jobs.repeat(dailyScheduleId(channel), { cron, timezone: 'UTC' }, { name: 'daily-post', payload: { channel } }),
      );
    // Every schedule once for a far-off time, to learn how long setting them all takes; then all
    // again (an upsert replaces) for one second just after that much more time.
    const setupStart = Date.now();
    await upsertAll('0 0 0 1 1 *');
    const setupMs = Date.now() - setupStart;
    const dueAt = Math.ceil((Date.now() + setupMs * 1.5 + 3000) / 1000) * 1000;
    await upsertAll(cronAt(dueAt));
    const delayed = await app.jobs.queue('slack').getDelayedCount();
    if (delayed !== count) throw new Error(`${delayed} jobs wait for the due second, not ${count}`);
    app.startWorker(knob('BENCH_WORKER_CONCURRENCY', 0, 0) ? { concurrency: knob('BENCH_WORKER_CONCURRENCY', 0, 0) } : {});
    console.log(`  ${count} schedules set in ${(setupMs / 1000).toFixed(1)} s; all due in ${((dueAt - Date.now()) / 1000).toFixed(1)} s`);

    // Until every channel has its post, or long past the floor.
    await sleep(Math.max(0, dueAt - Date.now() - 200));
    const cpuBefore = process.cpuUsage();
    const redisCpuBefore = await redisCpuSeconds(redis.admin);
    const waitStart = Date.now();
    const giveUp = dueAt + floorMs * 3 + 30_000;
    while (new Set(platform.recording.posts.map((p) => p.channel.channelId)).size < count && Date.now() < giveUp) await sleep(250);
    const cpu = process.cpuUsage(cpuBefore);
    const botUs = (cpu.user + cpu.system) / count;
    const redisUs = (((await redisCpuSeconds(redis.admin)) - redisCpuBefore) * 1e6) / count;
    await sleep(2000); // a late duplicate would show up here
    console.log(`  waited ${((Date.now() - waitStart) / 1000).toFixed(1)} s`);
    const perChannel = new Map<string, number>();
    for (const p of platform.recording.posts) perChannel.set(p.channel.channelId, (perChannel.get(p.channel.channelId) ?? 0) + 1);
    const duplicates = [...perChannel.values()].filter((n) => n > 1).length;
    const misses = count - perChannel.size;
    const lastMs = Math.max(...platform.postedAt) - dueAt;
    const firstMs = Math.min(...platform.postedAt) - dueAt;
    if (app.errors.length > 0) console.log(`  ${app.errors.length} job errors, first:`, app.errors[0]);
    const note = `${count.toLocaleString('en-US')} channels due at one second, ${perSecond} posts/s send limit, 1 worker (production settings); first post after ${(firstMs / 1000).toFixed(2)} s; CPU per post: bot ${Math.round(botUs)} µs, Redis ${Math.round(redisUs)} µs; ${app.errors.length} job errors`;
    return [
      {
        name: 'time from the due second to the last post',
        value: lastMs / 1000,
        unit: 's',
        baseline: { name: 'the send limit floor', value: floorMs / 1000, unit: 's' },
        ratio: costRatio(lastMs, floorMs),
        target: '<= 1.10 x the floor (ratio >= 0.91 x)',
        met: lastMs <= floorMs * 1.1,
        note,
      },
      {
        name: 'duplicate posts',
        value: duplicates,
        unit: 'channels',
        target: '0',
        met: duplicates === 0,
        note: 'channels posted more than once',
      },
      { name: 'missed posts', value: misses, unit: 'channels', target: '0', met: misses === 0, note: 'channels never posted' },
    ];
  } finally {
    await app.close();
    await redis.stop();
  }
}
