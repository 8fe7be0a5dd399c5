import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { periodBuckets } from '../../src/core/calendar.js';
import type { BoardRef } from '../../src/core/ports.js';
import type { ChannelRef, InboundEvent } from '../../src/core/types.js';
import { actionOf, instanceIdOf } from '../support/actions.js';
import { createTestApp } from '../support/test-app.js';

const PROCESSES = 2;
const MEMBERS = 100;
const DUPLICATES = 25;
// Two workspaces with two channels each: a workspace never has one question open in two channels,
// and the fixture bank's tcp-udp topic has two.
const CHANNELS: ChannelRef[] = [
  { platform: 'slack', workspaceId: 'TA', channelId: 'CA1' },
  { platform: 'slack', workspaceId: 'TA', channelId: 'CA2' },
  { platform: 'slack', workspaceId: 'TB', channelId: 'CB1' },
  { platform: 'slack', workspaceId: 'TB', channelId: 'CB2' },
];
/** A right, a partly right and a wrong pick for each question (unknown keys are left out by the grader). */
const PICKS: Record<string, string[][]> = {
  't-flags': [['A', 'B', 'C', 'D'], ['A', 'B'], ['A']],
  't-handshake-count': [['B'], ['A'], ['C']],
};

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'prepbot-dup-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** A bot process that sends `events` when told to; resolves `ready` once it is connected. */
function burst(url: string, prefix: string, events: InboundEvent[], n: number) {
  const file = join(dir, `events-${n}.json`);
  writeFileSync(file, JSON.stringify(events));
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/answer-burst.ts', url, prefix, file], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr?.on('data', (c: Buffer) => {
    err += c.toString();
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.startsWith('ready\n')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`burst ${n} exited with ${code}:\n${err}`)));
  });
  const done = new Promise<{ replies: string[]; errors: string[] }>((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.slice('ready\n'.length))) : reject(new Error(`burst ${n}: ${code}\n${err}`)),
    ),
  );
  return { ready, go: () => child.stdin?.write('go\n'), done };
}

describe('concurrent duplicate answers from several bot processes', () => {
  it(`${MEMBERS * CHANNELS.length * DUPLICATES} submissions (${MEMBERS} members × ${CHANNELS.length} questions × ${DUPLICATES} copies, right and wrong mixed) through ${PROCESSES} processes: each (member, question) scored once, every board the sum of the recorded answers`, async () => {
    const app = createTestApp();
    try {
      const admin = app.user('admin', { isAdmin: true });
      const cards = [];
      for (const channel of CHANNELS) {
        await app.text(admin, '/daily set 09:00 topic=tcp-udp feedback=instant', channel);
        await app.text(admin, '/daily now', channel);
        const post = app.platform.postsTo(channel.channelId)[0];
        const instanceId = instanceIdOf(post);
        const questionId = /· ([\w-]+)$/.exec(post?.title ?? '')?.[1] ?? '';
        // A multiple-choice card answers through its menu, a single-choice one through a button per option.
        const click = (keys: string[]) =>
          questionId === 't-flags'
            ? { actionId: actionOf(post, 'select').id, values: keys }
            : { actionId: actionOf(post, keys[0] ?? '').id };
        cards.push({ channel, instanceId, questionId, click });
      }
      expect(new Set(cards.map((c) => c.questionId))).toEqual(new Set(Object.keys(PICKS)));

      // Each copy picks differently (by member and copy): only the first one recorded may count.
      // Even copies click the card, odd ones type /answer (routed by the channel's pointer).
      const perProcess: InboundEvent[][] = Array.from({ length: PROCESSES }, () => []);
      for (let d = 0; d < DUPLICATES; d++) {
        for (let m = 0; m < MEMBERS; m++) {
          for (const card of cards) {
            const user = app.user(`m${m}`);
            const keys = PICKS[card.questionId]?.[(m + d) % 3] ?? [];
            const event: InboundEvent =
              d % 2 === 0
                ? { kind: 'action', ...card.click(keys), channel: card.channel, user }
                : { kind: 'text', text: `/answer ${keys.join(' ')}`, channel: card.channel, user };
            perProcess[d % PROCESSES]?.push(event);
          }
        }
      }
      const bursts = perProcess.map((events, n) => burst(app.url, app.prefix, events, n));
      await Promise.all(bursts.map((b) => b.ready));
      for (const b of bursts) b.go();
      const results = await Promise.all(bursts.map((b) => b.done));
      expect(results.flatMap((r) => r.errors)).toEqual([]);
      const replies = results.flatMap((r) => r.replies);
      expect(replies).toHaveLength(MEMBERS * CHANNELS.length * DUPLICATES);
      const graded = replies.filter((r) => /^\*\*(Correct|Partly right|Not quite)/.test(r));
      const already = replies.filter((r) => r.startsWith('You already answered this one'));
      expect(graded).toHaveLength(MEMBERS * CHANNELS.length);
      expect(already).toHaveLength(replies.length - graded.length);

      const { week, month } = periodBuckets(new Date(), 'UTC');
      const expected = new Map<string, number>(); // board key + member -> points
      const add = (board: string, userId: string, points: number) =>
        expected.set(`${board} ${userId}`, (expected.get(`${board} ${userId}`) ?? 0) + points);
      const boards: Array<{ key: string; ref: BoardRef }> = [];
      for (const workspaceId of ['TA', 'TB']) {
        const ws = { platform: 'slack' as const, workspaceId };
        boards.push(
          { key: `${workspaceId}`, ref: { workspace: ws, period: 'all' } },
          { key: `${workspaceId}`, ref: { workspace: ws, period: 'week', bucket: week } },
          { key: `${workspaceId}`, ref: { workspace: ws, period: 'month', bucket: month } },
        );
      }
      for (const card of cards) {
        const answers = await app.deps.instances.answers(card.channel, card.instanceId);
        expect(answers.map((a) => a.userId).sort()).toEqual(Array.from({ length: MEMBERS }, (_, m) => `U-m${m}`).sort());
        for (const a of answers) {
          add(card.channel.workspaceId, a.userId, Math.round(a.result.points));
          add(card.channel.channelId, a.userId, Math.round(a.result.points));
        }
        const ch = card.channel;
        boards.push(
          { key: ch.channelId, ref: { workspace: ch, channelId: ch.channelId, period: 'all' } },
          { key: ch.channelId, ref: { workspace: ch, channelId: ch.channelId, period: 'week', bucket: week } },
          { key: ch.channelId, ref: { workspace: ch, channelId: ch.channelId, period: 'month', bucket: month } },
        );
      }
      for (const { key, ref } of boards) {
        const top = await app.deps.leaderboards.top(ref, MEMBERS + 10);
        const scored = [...expected].filter(([k, p]) => k.startsWith(`${key} `) && p > 0);
        expect(top.map((s) => [`${key} ${s.userId}`, s.points]).sort(), `${key} ${ref.period}`).toEqual(scored.sort());
      }
      // And each member's statistics count one answer per question.
      for (let m = 0; m < MEMBERS; m++) {
        for (const workspaceId of ['TA', 'TB']) {
          const stats = await app.deps.stats.get({ platform: 'slack', workspaceId }, `U-m${m}`);
          expect(stats.answered, `m${m} ${workspaceId}`).toBe(2);
        }
      }
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  }, 60_000);
});
