import { ApplicationCommandOptionType as T } from 'discord.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from '../support/fake-discord/fake-discord.js';
import { spawnBot } from '../support/spawn-bot.js';

let fake: FakeDiscord;

beforeAll(async () => {
  fake = await startFakeDiscord({ token: 'start-token' });
});
afterAll(async () => {
  await fake?.close();
});

describe('npm start with the Discord variables set', () => {
  it('runs the Discord adapter (no console), answers a slash command, and stops cleanly on SIGTERM', async () => {
    const bot = spawnBot({
      DISCORD_TOKEN: 'start-token',
      DISCORD_APP_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      REDIS_URL: inject('redisUrl'),
      REDIS_PREFIX: `e2e-discord-${Math.random().toString(36).slice(2, 8)}`,
    });
    try {
      await bot.waitFor('PrepBot ready');
      expect(bot.output().stderr).toContain('connected to Discord');
      // The bot never registers commands on boot: that is `npm run discord:register`.
      expect(fake.callsTo('PUT', /commands/)).toHaveLength(0);
      const injected = await fake.inject.slashCommand({ name: 'help', options: [] });
      const reply = await fake.waitForCall('PATCH', `/webhooks/${fake.applicationId}/${injected.token}/messages/@original`, 5000);
      expect((reply.body as { embeds: Array<{ title?: string }> }).embeds[0]?.title).toBe('PrepBot commands');
      const quiz = await fake.inject.slashCommand({ name: 'quiz', options: [{ name: 'target', type: T.String, value: 'tcp' }] });
      await fake.waitForCall('PATCH', `/webhooks/${fake.applicationId}/${quiz.token}/messages/@original`, 5000);
    } finally {
      bot.child.kill('SIGTERM');
    }
    expect(await bot.exited).toBe(0);
    expect(bot.output().stdout).toBe(''); // stdout belongs to the console, which does not run
    expect(bot.output().stderr).not.toContain('start-token');
  });
});
