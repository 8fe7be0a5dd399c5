import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from '../support/fake-discord/fake-discord.js';

const root = join(import.meta.dirname, '..', '..');
const tsxCli = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
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
    const child = spawn(process.execPath, [tsxCli, 'src/discord-shards.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        LOG_LEVEL: 'info',
        DEFAULT_LOCALE: 'en',
        DISCORD_TOKEN: 'shard-token',
        DISCORD_APP_ID: fake.applicationId,
        DISCORD_API_URL: fake.apiUrl,
        DISCORD_SHARDS: 'auto',
        REDIS_URL: inject('redisUrl'),
        REDIS_PREFIX: `e2e-shards-${Math.random().toString(36).slice(2, 8)}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      for (let i = 0; i < 600 && !stderr.includes('every Discord shard is ready'); i++) await new Promise((r) => setTimeout(r, 50));
      expect(stderr).toContain('every Discord shard is ready');
      const identified = fake.gateway.received.filter((p) => p.op === 2).map((p) => (p.d as { shard: number[] }).shard);
      expect(identified.sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      const injected = await fake.inject.slashCommand({ name: 'help', options: [] });
      const reply = await fake.waitForCall('PATCH', `/webhooks/${fake.applicationId}/${injected.token}/messages/@original`, 5000);
      expect((reply.body as { embeds: Array<{ title?: string }> }).embeds[0]?.title).toBe('PrepBot commands');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    // Every shard process closed its gateway session on the way out.
    for (let i = 0; i < 100 && fake.gateway.sessions.size > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(fake.gateway.sessions.size).toBe(0);
  }, 60_000);
});
