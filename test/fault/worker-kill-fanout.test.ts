import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dailyInstanceId } from '../../src/core/daily/daily-jobs.js';
import { scheduledRunKey } from '../../src/core/daily/post-daily-question.js';
import type { ChannelRef } from '../../src/core/types.js';
import { DEFAULT_JOB_OPTIONS, queueName } from '../../src/infra/queue/jobs.js';
import { RedisKeys } from '../../src/infra/redis/keys.js';
import { createRedis } from '../../src/infra/redis/redis-client.js';
import { RedisDailyScheduleStore } from '../../src/infra/redis/redis-daily-schedule-store.js';
import { RedisInstanceStore } from '../../src/infra/redis/redis-instance-store.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack/index.js';
import { dropPrefix } from '../support/redis.js';
import { kill, problems, type SlackBotProcess, startSlackBot } from '../support/slack-bot-process.js';
import { until } from '../support/until.js';

const CHANNELS = 1000;
// A workspace never has one question open in two channels, and the fixture bank has four.
const CHANNELS_PER_WORKSPACE = 4;
const prefix = `fault-fanout-${Math.random().toString(36).slice(2, 8)}`;

let fake: FakeSlack;
const bots: SlackBotProcess[] = [];
beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(async () => {
  for (const bot of bots) await kill(bot);
  await fake?.close();
});

describe('a worker SIGKILLed half-way through a daily fan-out', () => {
  it(`posts in each of ${CHANNELS} channels exactly once after a restart, also where Slack had taken the post and the worker died waiting`, async () => {
    const redis = createRedis(inject('redisUrl'));
    const keys = new RedisKeys(prefix);
    const queue = new Queue(queueName('slack'), { connection: redis, prefix: keys.bullPrefix() });
    try {
      const channels: ChannelRef[] = Array.from({ length: CHANNELS }, (_, i) => ({
        platform: 'slack',
        workspaceId: `T${Math.floor(i / CHANNELS_PER_WORKSPACE)}`,
        channelId: `C${String(i).padStart(6, '0')}`,
      }));
      const schedules = new RedisDailyScheduleStore(redis, keys);
      const schedule = {
        time: '09:00',
        timezone: 'UTC',
        days: [1, 2, 3, 4, 5, 6, 7],
        revealAfterMs: 3600_000,
        feedback: 'reveal' as const,
        locale: 'en' as const,
      };
      await Promise.all(channels.map((ch) => schedules.set(ch, schedule)));
      // Every channel's scheduled run due at once, as when their schedulers fire in the same minute.
      await queue.addBulk(
        channels.map((channel, i) => ({ name: 'daily-post', data: { channel }, opts: { ...DEFAULT_JOB_OPTIONS, jobId: `fanout-${i}` } })),
      );

      const first = await startSlackBot(fake, prefix);
      bots.push(first);
      await until(() => fake.callsTo('chat.postMessage').length >= CHANNELS / 2, 60_000, 'half the channels posted');
      // From here Slack takes each post and the answer never comes back: the worker dies waiting for it.
      fake.failNext('chat.postMessage', 500, 1_000_000, { applied: true, hold: true });
      await until(() => fake.held >= 3, 10_000, 'posts held while the worker waits');
      await kill(first);
      fake.reset();
      const postedBeforeRestart = new Set(fake.workspace.messages.map((m) => m.channel));
      expect(postedBeforeRestart.size).toBeGreaterThan(CHANNELS / 2);
      expect(postedBeforeRestart.size).toBeLessThan(CHANNELS);

      const second = await startSlackBot(fake, prefix);
      bots.push(second);
      await until(async () => (await queue.getJobCounts('completed')).completed === CHANNELS, 60_000, 'every job completed');

      const perChannel = new Map<string, string[]>();
      for (const m of fake.workspace.messages) perChannel.set(m.channel, [...(perChannel.get(m.channel) ?? []), m.ts]);
      const counts = channels.map((ch) => perChannel.get(ch.channelId)?.length ?? 0);
      expect(counts.filter((n) => n !== 1)).toEqual([]);
      expect(fake.workspace.messages).toHaveLength(CHANNELS);
      // The restarted worker looked for the posts Slack had taken before the crash and recorded those.
      expect(fake.callsTo('conversations.history').length).toBeGreaterThanOrEqual(3);
      const instances = new RedisInstanceStore(redis, keys);
      const runKey = scheduledRunKey(new Date(), 'UTC');
      const posted = await Promise.all(channels.map((ch) => instances.get(ch, dailyInstanceId(ch, runKey))));
      expect(posted.filter((inst, i) => inst?.posted?.messageId !== perChannel.get(channels[i]?.channelId ?? '')?.[0])).toEqual([]);
      expect(await queue.getJobCounts('failed')).toEqual({ failed: 0 });
      expect(problems(second)).toEqual([]);
    } finally {
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      await dropPrefix(redis, prefix);
      await redis.quit();
    }
  }, 120_000);
});
