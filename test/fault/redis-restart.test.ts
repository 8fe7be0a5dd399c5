import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeBot, systemClock } from '../../src/compose.js';
import { QuestionBank } from '../../src/core/questions/question-bank.js';
import type { ChannelRef } from '../../src/core/types.js';
import { BullmqJobQueue } from '../../src/infra/queue/bullmq-job-queue.js';
import { findRedisServer, freePort } from '../../src/infra/redis/embedded-redis.js';
import { RedisKeys } from '../../src/infra/redis/keys.js';
import { createRedis } from '../../src/infra/redis/redis-client.js';
import { actionOf } from '../support/actions.js';
import { RecordingPlatform } from '../support/recording-platform.js';
import { fixtureBank } from '../support/test-app.js';

const MEMBERS = 300;
const WAVE = 15;
const dir = mkdtempSync(join(tmpdir(), 'prepbot-aof-'));
let server: ChildProcess | undefined;
afterAll(async () => {
  if (server && server.exitCode === null) server.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** A private redis-server that fsyncs every write to its append-only file before it answers. */
async function startServer(port: number, appendonly = 'yes'): Promise<ChildProcess> {
  const binary = findRedisServer(process.env.PATH ?? '');
  if (!binary) throw new Error('redis-server is not on PATH');
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', appendonly, '--appendfsync', 'always', '--save', ''],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', () => reject(new Error(`redis-server exited:\n${out}`)));
  });
  return child;
}

describe('Redis restarted between answers (append-only file, fsync always)', () => {
  it(`SIGKILLed and restarted while ${MEMBERS} members answer: every answer acknowledged is still recorded, and on the boards`, async () => {
    const port = await freePort();
    server = await startServer(port);
    const url = `redis://127.0.0.1:${port}`;
    const storeRedis = createRedis(url, { enableAutoPipelining: true });
    const queueRedis = createRedis(url);
    // Reconnects are expected here; ioredis reports each failed attempt as an 'error' event.
    const connectionErrors: string[] = [];
    for (const r of [storeRedis, queueRedis]) r.on('error', (e: Error) => connectionErrors.push(e.message));
    const prefix = 'aof';
    const jobs = new BullmqJobQueue(queueRedis, new RedisKeys(prefix).bullPrefix(), systemClock);
    jobs.queue('slack').on('error', (e: Error) => connectionErrors.push(e.message));
    const errors: unknown[] = [];
    const platform = new RecordingPlatform();
    const { bot, deps } = composeBot({
      redis: storeRedis,
      prefix,
      bank: new QuestionBank(fixtureBank()),
      defaultLocale: 'en',
      defaultTimezone: 'UTC',
      errorSink: (e) => errors.push(e),
      jobs,
      platforms: { slack: platform },
      clock: systemClock,
    });
    try {
      const channel: ChannelRef = { platform: 'slack', workspaceId: 'T1', channelId: 'C1' };
      const user = (name: string, isAdmin = false) => ({
        platform: 'slack' as const,
        userId: `U-${name}`,
        displayName: name,
        locale: 'en' as const,
        isAdmin,
      });
      const admin = user('admin', true);
      await platform.deliver(bot, { kind: 'text', text: '/daily set 09:00 topic=tcp-udp feedback=instant', channel, user: admin });
      await platform.deliver(bot, { kind: 'text', text: '/daily now', channel, user: admin });
      const card = platform.posts[0]?.message;
      const instanceId = /daily-[^:]+/.exec(card?.actions?.[0]?.id ?? '')?.[0] ?? '';
      const multi = card?.actions?.some((a) => a.type === 'select') ?? false;

      /** One member's answer; true when the member was told it was graded (acknowledged). */
      const answer = async (m: number): Promise<boolean> => {
        // Right or wrong by member, whichever tcp-udp question the channel drew (multiple or single choice).
        const keys = multi ? (m % 2 === 0 ? ['A', 'B', 'C', 'D'] : ['B']) : [m % 2 === 0 ? 'B' : 'A'];
        const event = multi
          ? { kind: 'action' as const, actionId: actionOf(card, 'select').id, values: keys, channel, user: user(`m${m}`) }
          : { kind: 'text' as const, text: `/answer ${keys.join(' ')}`, channel, user: user(`m${m}`) };
        const reply = (await platform.deliver(bot, event)).messages[0]?.text ?? '';
        return /^\*\*(Correct|Partly right|Not quite)/.test(reply);
      };
      const acknowledged = new Set<string>();
      const inFlight: Array<Promise<void>> = [];
      for (let start = 0; start < MEMBERS; start += WAVE) {
        const wave = Array.from({ length: WAVE }, (_, i) => start + i).map(async (m) => {
          if (await answer(m)) acknowledged.add(`U-m${m}`);
        });
        inFlight.push(...wave);
        // Half-way, with a wave on the wire: the server dies at once (no shutdown save) and comes back
        // on the same port and folder, from its append-only file.
        if (start === Math.floor(MEMBERS / WAVE / 2) * WAVE) {
          server.kill('SIGKILL');
          await new Promise((r) => server?.once('exit', r));
          await new Promise((r) => setTimeout(r, 200));
          server = await startServer(port);
        }
        await Promise.all(wave);
      }
      await Promise.all(inFlight);
      expect(connectionErrors.length).toBeGreaterThan(0); // the outage happened
      expect(errors).toEqual([]);
      expect(acknowledged.size).toBe(MEMBERS);

      const stored = await deps.instances.answers(channel, instanceId);
      expect(stored.map((a) => a.userId).sort()).toEqual([...acknowledged].sort());
      const top = await deps.leaderboards.top({ workspace: channel, period: 'all' }, MEMBERS + 10);
      const expected = stored.filter((a) => Math.round(a.result.points) > 0).map((a) => [a.userId, Math.round(a.result.points)]);
      expect(top.map((s) => [s.userId, s.points]).sort()).toEqual(expected.sort());
    } finally {
      await jobs.close();
      storeRedis.disconnect();
      queueRedis.disconnect();
    }
  }, 60_000);
});
