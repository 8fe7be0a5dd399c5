import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from '../support/fake-discord/fake-discord.js';
import { spawnBot } from '../support/spawn-bot.js';

let fake: FakeDiscord;

beforeAll(async () => {
  // Two shards may identify at once here, so the launcher need not wait 5 s between them.
  fake = await startFakeDiscord({ token: 'shard-token', shards: 2, maxConcurrency: 2 });
});
afterAll(async () => {
  await fake?.close();
});

describe('npm run start:shards', () => {
  it('runs one bot process per shard on one Redis, answers in the owning shard, and stops every shard on SIGTERM', async () => {
    const launcher = spawnBot(
      {
        DISCORD_TOKEN: 'shard-token',
        DISCORD_APP_ID: fake.applicationId,
        DISCORD_API_URL: fake.apiUrl,
        DISCORD_SHARDS: 'auto',
        REDIS_URL: inject('redisUrl'),
        REDIS_PREFIX: `e2e-shards-${Math.random().toString(36).slice(2, 8)}`,
      },
      'src/discord-shards.ts',
    );
    try {
      await launcher.waitFor('every Discord shard is ready');
      const identified = fake.gateway.received.filter((p) => p.op === 2).map((p) => (p.d as { shard: number[] }).shard);
      expect(identified.sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      const injected = await fake.inject.slashCommand({ name: 'help', options: [] });
      const reply = await fake.waitForCall('PATCH', `/webhooks/${fake.applicationId}/${injected.token}/messages/@original`, 5000);
      expect((reply.body as { embeds: Array<{ title?: string }> }).embeds[0]?.title).toBe('PrepBot commands');
    } finally {
      launcher.child.kill('SIGTERM');
    }
    expect(await launcher.exited).toBe(0);
    // Every shard process closed its gateway session on the way out.
    for (let i = 0; i < 100 && fake.gateway.sessions.size > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(fake.gateway.sessions.size).toBe(0);
  }, 60_000);
});
