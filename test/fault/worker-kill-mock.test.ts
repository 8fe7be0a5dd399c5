import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackPlatform } from '../../src/adapters/slack/slack-platform.js';
import { beginMock } from '../../src/core/mock/mock-panel.js';
import { type MockSession, roundInstanceId, roundTimerJobId } from '../../src/core/mock/mock-session.js';
import type { ChannelRef } from '../../src/core/types.js';
import { createLogger } from '../../src/infra/logger.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack/index.js';
import { kill, problems, type SlackBotProcess, startSlackBot } from '../support/slack-bot-process.js';
import { createTestApp } from '../support/test-app.js';
import { until } from '../support/until.js';

const PANELS = 200;
const MEMBERS = ['host', 'ann', 'bob'];

let fake: FakeSlack;
let app: ReturnType<typeof createTestApp>;
const bots: SlackBotProcess[] = [];
beforeAll(async () => {
  fake = await startFakeSlack();
  // The core in this process posts round 1 through the real Slack adapter (never started: no receiver, no worker).
  const slack = new SlackPlatform({
    botToken: 'xoxb-fault',
    signingSecret: 'unused',
    apiUrl: fake.apiUrl,
    admins: [],
    port: 0,
    defaultLocale: 'en',
    logger: createLogger('silent', process.stderr),
    retryConfig: { retries: 0 },
  });
  app = createTestApp({ platforms: { slack } });
});
afterAll(async () => {
  for (const bot of bots) await kill(bot);
  await app?.close();
  await fake?.close();
});

/** The key a PrepBot post carries in its metadata (the idempotency key of that post). */
const keyOf = (m: { metadata?: unknown }) => (m.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key ?? '';

function postsByKey(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of fake.workspace.messages) counts.set(keyOf(m), (counts.get(keyOf(m)) ?? 0) + 1);
  return counts;
}

describe('a worker SIGKILLed half-way through the round timers of mock panels', () => {
  it(`ends each round of ${PANELS} panels exactly once after a restart: one result, one next round, standings counted once`, async () => {
    const panels: MockSession[] = [];
    // One workspace per panel: a workspace never has one question open in two channels.
    for (let i = 0; i < PANELS; i++) {
      const channel: ChannelRef = { platform: 'slack', workspaceId: `TM${i}`, channelId: `CM${String(i).padStart(5, '0')}` };
      const session: MockSession = {
        id: `s${i}`,
        channel,
        hostId: 'U-host',
        topic: 'tcp-udp',
        rounds: 2,
        seconds: 15,
        state: 'lobby',
        questionIds: [],
        round: 0,
        scores: {},
        wrong: {},
        createdAt: Date.now(),
        locale: 'en',
      };
      panels.push(session);
    }
    await Promise.all(
      panels.map(async (s) => {
        await app.deps.mocks.create(s);
        for (const m of MEMBERS) await app.deps.mocks.join(s.channel, s.id, `U-${m}`, 50);
        await beginMock(app.deps, s);
        // Two of three answer, so the timer, not the last answer, ends the round.
        await app.text(app.user('ann'), '/answer A', s.channel);
        await app.text(app.user('bob'), '/answer B', s.channel);
      }),
    );
    expect(app.errors).toEqual([]);
    expect(fake.workspace.messages).toHaveLength(PANELS);

    const queue = app.jobs.queue('slack');
    const timer = (s: MockSession, round: number) => roundTimerJobId(roundInstanceId(s.id, round));
    const promoteAll = async (round: number) => {
      for (const s of panels) await (await queue.getJob(timer(s, round)))?.promote();
    };
    const completed = async (round: number) =>
      (await Promise.all(panels.map(async (s) => (await queue.getJobState(timer(s, round))) === 'completed'))).every(Boolean);

    const first = await startSlackBot(fake, app.prefix);
    bots.push(first);
    await first.waitFor('PrepBot ready');
    await promoteAll(1);
    // Each round end posts twice (the result, then the next round's question). Half-way, Slack takes
    // the results of even panels and never answers; the next question of odd panels never reaches
    // it and never gets an answer either. The worker dies waiting for both.
    await until(() => fake.workspace.messages.length >= PANELS * 2, 30_000, 'half the round ends posted');
    const panelOf = (key: string) => Number(/-s(\d+)-r/.exec(key)?.[1] ?? -1);
    const heldResult = (args: Record<string, unknown>) => keyOf(args).startsWith('mock-result:') && panelOf(keyOf(args)) % 2 === 0;
    const heldRound = (args: Record<string, unknown>) => keyOf(args).startsWith('mock-round:') && panelOf(keyOf(args)) % 2 === 1;
    fake.failNext('chat.postMessage', 500, 1_000_000, { applied: true, hold: true, match: heldResult });
    fake.failNext('chat.postMessage', 500, 1_000_000, { hold: true, match: heldRound });
    const held = (match: (args: Record<string, unknown>) => boolean) =>
      fake.callsTo('chat.postMessage').filter((c) => c.response.status === 0 && match(c.args)).length;
    await until(() => held(heldResult) >= 3 && held(heldRound) >= 3, 10_000, 'results and next questions held');
    await kill(first);
    fake.reset();

    const second = await startSlackBot(fake, app.prefix);
    bots.push(second);
    await until(() => completed(1), 60_000, 'every round-1 timer completed');
    let counts = postsByKey();
    for (const s of panels) {
      expect(counts.get(`mock-result:${roundInstanceId(s.id, 1)}`), s.id).toBe(1);
      expect(counts.get(`mock-round:${roundInstanceId(s.id, 2)}`), s.id).toBe(1);
    }
    // The standings count round 1 once: each participant's points are those of their one answer.
    for (const s of panels) {
      const session = await app.deps.mocks.get(s.channel);
      const answers = await app.deps.instances.answers(s.channel, roundInstanceId(s.id, 1));
      expect(session?.round, s.id).toBe(2);
      for (const m of MEMBERS) {
        const answer = answers.find((a) => a.userId === `U-${m}`);
        expect(session?.scores[`U-${m}`], `${s.id} ${m}`).toMatchObject({
          points: Math.round(answer?.result.points ?? 0),
          answered: answer ? 1 : 0,
        });
      }
    }

    await promoteAll(2);
    await until(() => completed(2), 30_000, 'every round-2 timer completed');
    counts = postsByKey();
    for (const s of panels) {
      expect(counts.get(`mock-result:${roundInstanceId(s.id, 2)}`), s.id).toBe(1);
      expect(counts.get(`mock-summary:${s.id}`), s.id).toBe(1);
    }
    expect(fake.workspace.messages).toHaveLength(PANELS * 5);
    expect(await queue.getJobCounts('failed')).toEqual({ failed: 0 });
    expect(problems(second)).toEqual([]);
  }, 120_000);
});
