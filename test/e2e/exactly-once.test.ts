import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { systemClock } from '../../src/compose.js';
import { revealJobId } from '../../src/core/daily/daily-jobs.js';
import { BullmqJobQueue } from '../../src/infra/queue/bullmq-job-queue.js';
import { RedisKeys } from '../../src/infra/redis/keys.js';
import { createRedis } from '../../src/infra/redis/redis-client.js';
import { RedisDailyScheduleStore } from '../../src/infra/redis/redis-daily-schedule-store.js';
import { type FakeDiscord, startFakeDiscord } from '../support/fake-discord/fake-discord.js';
import { spawnBot } from '../support/spawn-bot.js';

const prefix = `e2e-once-${Math.random().toString(36).slice(2, 8)}`;
let fake: FakeDiscord;
const children: ChildProcess[] = [];

beforeAll(async () => {
  fake = await startFakeDiscord({ token: 'once-token' });
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await fake?.close();
});

/** A whole bot process (Discord adapter, its job worker) that takes over a dead worker's job after 1.5 s. */
function startBot(): { child: ChildProcess; ready: Promise<void>; exited: Promise<number | null> } {
  const bot = spawnBot({
    DISCORD_TOKEN: 'once-token',
    DISCORD_APP_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    REDIS_URL: inject('redisUrl'),
    REDIS_PREFIX: prefix,
    QUEUE_LOCK_MS: '1500',
  });
  children.push(bot.child);
  return { child: bot.child, ready: bot.waitFor('PrepBot ready'), exited: bot.exited };
}

describe('exactly-once daily posts across a crash', () => {
  it('a worker SIGKILLed after Discord took the post (and later the reveal) and before it was recorded: the restarted worker posts nothing new', async () => {
    const redis = createRedis(inject('redisUrl'));
    const keys = new RedisKeys(prefix);
    const channel = { platform: 'discord' as const, workspaceId: fake.guildId, channelId: fake.channelId };
    await new RedisDailyScheduleStore(redis, keys).set(channel, {
      time: '09:00',
      timezone: 'UTC',
      days: [1, 2, 3, 4, 5, 6, 7],
      revealAfterMs: 3600_000,
      feedback: 'reveal',
      locale: 'en',
    });
    const jobs = new BullmqJobQueue(redis, keys.bullPrefix(), systemClock);
    try {
      const first = startBot();
      await first.ready;
      // Discord writes the message, and its answer never reaches the worker: it is killed waiting.
      fake.failNext(`/channels/${fake.channelId}/messages`, 200, undefined, 1, { hold: true });
      await jobs.scheduleAt({ name: 'daily-post', id: 'run-1', payload: { channel } }, Date.now());
      const held = await fake.waitForCall('POST', `/channels/${fake.channelId}/messages`, 15_000);
      first.child.kill('SIGKILL');
      await first.exited;
      const written = [...fake.world.messages.values()].filter((m) => m.channel_id === fake.channelId);
      expect(written).toHaveLength(1);

      // The restarted bot takes the dead worker's job over and posts again, with the same nonce.
      const second = startBot();
      await second.ready;
      const calls = await fake.waitForCalls('POST', `/channels/${fake.channelId}/messages`, 2, 20_000);
      const nonces = calls.map((c) => (c.body as { nonce?: string }).nonce);
      expect(nonces[1]).toBe(nonces[0]);
      expect((held.body as { enforce_nonce?: boolean }).enforce_nonce).toBe(true);
      // Wait for the job to record the post, then count what members see: one question.
      for (let i = 0; i < 200; i++) {
        const [instanceKey] = await redis.keys(`${prefix}:*inst:daily-*`);
        if (instanceKey && (await redis.hget(instanceKey, 'posted'))) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const messages = [...fake.world.messages.values()].filter((m) => m.channel_id === fake.channelId);
      expect(messages.map((m) => m.embeds?.[0]?.title)).toEqual([expect.stringMatching(/^Daily question/)]);

      // The reveal, the same way: Discord takes it, the worker is killed waiting, a third bot takes over
      // once the abandoned claim is stale (twice the job lock).
      fake.failNext(`/channels/${fake.channelId}/messages`, 200, undefined, 1, { hold: true });
      const [instanceKey] = await redis.keys(`${prefix}:*inst:daily-*`);
      const instanceId = instanceKey?.split(':inst:')[1]?.split(':')[0] ?? '';
      // The bot schedules the reveal right after recording the post: wait for the job, then make it due.
      let revealJob = await jobs.queue('discord').getJob(revealJobId(instanceId));
      for (let i = 0; i < 200 && !revealJob; i++) {
        await new Promise((r) => setTimeout(r, 50));
        revealJob = await jobs.queue('discord').getJob(revealJobId(instanceId));
      }
      expect(revealJob).toBeDefined();
      await revealJob?.promote();
      const heldReveal = await fake.waitForCalls('POST', `/channels/${fake.channelId}/messages`, 3, 15_000);
      const revealBody = (heldReveal[2]?.body ?? {}) as { embeds?: Array<{ title?: string }> };
      expect(revealBody.embeds?.[0]?.title).toMatch(/^Revealed/);
      second.child.kill('SIGKILL');
      await second.exited;
      const third = startBot();
      await third.ready;
      const reveals = await fake.waitForCalls('POST', `/channels/${fake.channelId}/messages`, 4, 30_000);
      const nonceOf = (i: number) => ((reveals[i]?.body ?? {}) as { nonce?: string }).nonce;
      expect(nonceOf(3)).toBe(nonceOf(2));
      for (let i = 0; i < 200; i++) {
        if ((await redis.hget(instanceKey ?? '', 'revealPosted')) === '1') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const titles = [...fake.world.messages.values()].filter((m) => m.channel_id === fake.channelId).map((m) => m.embeds?.[0]?.title);
      expect(titles).toEqual([expect.stringMatching(/^Daily question/), expect.stringMatching(/^Revealed/)]);
      third.child.kill('SIGTERM');
      expect(await third.exited).toBe(0);
    } finally {
      await jobs.close();
      await redis.quit();
    }
  }, 90_000);
});
