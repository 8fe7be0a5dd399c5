import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ApplicationCommandOptionType as T } from 'discord.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from '../support/fake-discord/fake-discord.js';

const root = join(import.meta.dirname, '..', '..');
const tsxCli = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
let fake: FakeDiscord;

beforeAll(async () => {
  fake = await startFakeDiscord({ token: 'start-token' });
});
afterAll(async () => {
  await fake?.close();
});

describe('npm start with the Discord variables set', () => {
  it('runs the Discord adapter (no console), answers a slash command, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [tsxCli, 'src/main.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        LOG_LEVEL: 'info',
        DEFAULT_LOCALE: 'en',
        DISCORD_TOKEN: 'start-token',
        DISCORD_APP_ID: fake.applicationId,
        DISCORD_API_URL: fake.apiUrl,
        REDIS_URL: inject('redisUrl'),
        REDIS_PREFIX: `e2e-discord-${Math.random().toString(36).slice(2, 8)}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      for (let i = 0; i < 300 && !stderr.includes('PrepBot ready'); i++) await new Promise((r) => setTimeout(r, 50));
      expect(stderr).toContain('connected to Discord');
      // The bot never registers commands on boot: that is `npm run discord:register`.
      expect(fake.callsTo('PUT', /commands/)).toHaveLength(0);
      const injected = await fake.inject.slashCommand({ name: 'help', options: [] });
      const reply = await fake.waitForCall('PATCH', `/webhooks/${fake.applicationId}/${injected.token}/messages/@original`, 5000);
      expect((reply.body as { embeds: Array<{ title?: string }> }).embeds[0]?.title).toBe('PrepBot commands');
      const quiz = await fake.inject.slashCommand({ name: 'quiz', options: [{ name: 'target', type: T.String, value: 'tcp' }] });
      await fake.waitForCall('PATCH', `/webhooks/${fake.applicationId}/${quiz.token}/messages/@original`, 5000);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stdout).toBe(''); // stdout belongs to the console, which does not run
    expect(stderr).not.toContain('start-token');
  });
});
