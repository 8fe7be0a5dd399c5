import { afterEach, describe, expect, it } from 'vitest';
import { DiscordPlatform } from '../../src/adapters/discord/discord-platform.js';
import { SlackPlatform } from '../../src/adapters/slack/slack-platform.js';
import { dailyScheduleId } from '../../src/core/daily/daily-jobs.js';
import type { DailySchedule } from '../../src/core/daily/daily-schedule.js';
import type { ChannelRef } from '../../src/core/types.js';
import { createLogger } from '../../src/infra/logger.js';
import { DEFAULT_JOB_OPTIONS } from '../../src/infra/queue/jobs.js';
import { startFakeDiscord } from '../support/fake-discord/fake-discord.js';
import { startFakeSlack } from '../support/fake-slack/index.js';
import { createTestApp } from '../support/test-app.js';
import { until } from '../support/until.js';

const CHANNELS = 20;
const schedule: DailySchedule = {
  time: '09:00',
  timezone: 'UTC',
  days: [1, 2, 3, 4, 5, 6, 7],
  revealAfterMs: 3600_000,
  feedback: 'reveal',
  locale: 'en',
};

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

/** Each channel's scheduled run, due now (one job per channel, as a scheduler makes them). */
async function fanOut(app: ReturnType<typeof createTestApp>, channels: ChannelRef[]): Promise<void> {
  await Promise.all(channels.map((ch) => app.deps.schedules.set(ch, schedule)));
  await app.jobs
    .queue(channels[0]?.platform ?? 'slack')
    .addBulk(
      channels.map((channel, i) => ({ name: 'daily-post', data: { channel }, opts: { ...DEFAULT_JOB_OPTIONS, jobId: `run-${i}` } })),
    );
}

describe('a platform API answering 429 and 5xx for a while', () => {
  it('Slack: posts wait out each Retry-After, 5xx answers are retried (a post Slack took before failing is found, not made again): every channel posted once; a channel that is gone ends its schedule', async () => {
    const fake = await startFakeSlack({ retryAfterSeconds: 1 });
    cleanups.push(() => fake.close());
    // Production's policy (five retries, growing delays) scaled down in time.
    const slack = new SlackPlatform({
      botToken: 'xoxb-fault',
      signingSecret: 'unused',
      apiUrl: fake.apiUrl,
      admins: [],
      port: 0,
      defaultLocale: 'en',
      logger: createLogger('silent', process.stderr),
      retryConfig: { retries: 5, minTimeout: 20, factor: 2 },
    });
    const app = createTestApp({ platforms: { slack } });
    cleanups.push(() => app.close());
    const channels: ChannelRef[] = Array.from({ length: CHANNELS }, (_, i) => ({
      platform: 'slack',
      workspaceId: `T${Math.floor(i / 4)}`,
      channelId: `C0ERR${i}`,
    }));
    // An id Slack does not know: the channel was deleted. Its schedule is a real recurring one.
    const gone: ChannelRef = { platform: 'slack', workspaceId: 'TGONE', channelId: 'Cdeleted' };
    await app.text(app.user('admin', { isAdmin: true }), '/daily set 09:00', gone);
    expect(await app.jobs.nextRun(gone, dailyScheduleId(gone))).toBeDefined();

    // Rate limited three times, down (500, 503) twice, and twice Slack posts and then answers 502.
    fake.failNext('chat.postMessage', 429, 3);
    fake.failNext('chat.postMessage', 500, 1);
    fake.failNext('chat.postMessage', 502, 2, { applied: true, match: (args) => args.channel !== gone.channelId });
    fake.failNext('chat.postMessage', 503, 1);
    app.startWorker('slack');
    await fanOut(app, [...channels, gone]);
    await until(
      async () => (await app.jobs.queue('slack').getJobCounts('completed', 'failed')).completed === CHANNELS,
      30_000,
      'every post',
    );
    await until(async () => (await app.jobs.queue('slack').getJobCounts('failed')).failed === 1, 5000, 'the gone channel');

    for (const ch of channels)
      expect(
        fake.workspace.messages.filter((m) => m.channel === ch.channelId),
        ch.channelId,
      ).toHaveLength(1);
    expect(fake.workspace.messages).toHaveLength(CHANNELS);
    const posts = fake.callsTo('chat.postMessage');
    // Each rate-limited post was sent again only after its Retry-After (1 s); posts queued meanwhile waited too.
    for (const [i, limited] of posts.entries()) {
      if (limited.response.status !== 429) continue;
      const next = posts.slice(i + 1).find((c) => c.args.channel === limited.args.channel);
      expect((next?.at ?? 0) - limited.at, `the retry in ${String(limited.args.channel)}`).toBeGreaterThanOrEqual(1000);
    }
    // The posts Slack took before answering 502 were looked for, and found.
    expect(fake.callsTo('conversations.history').length).toBeGreaterThanOrEqual(2);
    // The gone channel: one attempt, the job failed for good with Slack's reason, its schedule ended.
    expect(posts.filter((c) => c.args.channel === gone.channelId)).toHaveLength(1);
    const [failed] = await app.jobs.queue('slack').getFailed();
    expect(failed?.failedReason).toMatch(/channel_not_found/);
    expect(failed?.attemptsMade).toBe(1);
    expect(await app.deps.schedules.get(gone)).toBeUndefined();
    expect(await app.jobs.nextRun(gone, dailyScheduleId(gone))).toBeUndefined();
    expect(app.errors).toHaveLength(1);
  }, 40_000);

  it('Discord: discord.js waits out each 429 and retries 5xx with the same nonce, so a post Discord took before failing is not made again: every channel posted once', async () => {
    const token = 'fault-discord-token';
    const fake = await startFakeDiscord({
      token,
      guilds: [{ channels: Array.from({ length: CHANNELS }, (_, i) => ({ name: `daily-${i}` })) }],
    });
    cleanups.push(() => fake.close());
    const discord = new DiscordPlatform({
      token,
      applicationId: fake.applicationId,
      apiUrl: fake.apiUrl,
      defaultLocale: 'en',
      logger: createLogger('silent', process.stderr),
    });
    const app = createTestApp({ platforms: { discord } });
    cleanups.push(() => app.close());
    await discord.start(app.bot);
    cleanups.push(() => discord.stop());
    const guild = fake.world.guilds[0];
    const channels: ChannelRef[] = (guild?.channels ?? []).map((c) => ({
      platform: 'discord',
      workspaceId: guild?.id ?? '',
      channelId: c.id,
    }));
    expect(channels).toHaveLength(CHANNELS);

    const route = /^POST \/channels\/\d+\/messages$/;
    fake.failNext(route, 429, { retry_after: 0.3 }, 2);
    fake.failNext(route, 500, undefined, 1);
    fake.failNext(route, 502, undefined, 2, { applied: true });
    fake.failNext(route, 503, undefined, 1);
    app.startWorker('discord');
    await fanOut(app, channels);
    await until(async () => (await app.jobs.queue('discord').getJobCounts('completed')).completed === CHANNELS, 30_000, 'every post');

    const messages = [...fake.world.messages.values()];
    for (const ch of channels)
      expect(
        messages.filter((m) => m.channel_id === ch.channelId),
        ch.channelId,
      ).toHaveLength(1);
    expect(messages).toHaveLength(CHANNELS);
    const posts = fake.callsTo('POST', /^\/channels\/\d+\/messages$/);
    // Every retry of a post carried its first attempt's nonce.
    const nonces = new Map<string, Set<unknown>>();
    for (const c of posts) nonces.set(c.path, (nonces.get(c.path) ?? new Set()).add((c.body as { nonce?: unknown }).nonce));
    expect([...nonces.values()].filter((n) => n.size !== 1)).toEqual([]);
    // After each 429, that channel's next attempt waited its retry_after.
    for (const [i, limited] of posts.entries()) {
      if (limited.status !== 429) continue;
      const next = posts.slice(i + 1).find((c) => c.path === limited.path);
      expect((next?.at ?? 0) - limited.at).toBeGreaterThanOrEqual(290);
    }
    expect(await app.jobs.queue('discord').getJobCounts('failed')).toEqual({ failed: 0 });
    expect(fake.problems()).toEqual([]);
    expect(app.errors).toEqual([]);
  }, 40_000);
});
