import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlack, type ResponseUrlBody, sendSlashCommand, startFakeSlack } from '../support/fake-slack/index.js';
import { kill, problems, SLACK_SIGNING_SECRET, type SlackBotProcess, startSlackBot } from '../support/slack-bot-process.js';
import { until } from '../support/until.js';

const MEMBERS = Array.from({ length: 40 }, (_, i) => ({ id: `U0DR${String(i).padStart(3, '0')}`, name: `dr${i}`, locale: 'en-US' }));
/** The fixture bank's tcp-udp questions and their right answers. */
const RIGHT: Record<string, string> = { 't-flags': 'A B C D', 't-handshake-count': 'B' };
const prefix = `fault-drill-${Math.random().toString(36).slice(2, 8)}`;

let fake: FakeSlack;
const bots: SlackBotProcess[] = [];
beforeAll(async () => {
  fake = await startFakeSlack({ users: MEMBERS });
});
afterAll(async () => {
  for (const bot of bots) await kill(bot);
  await fake?.close();
});

const textOf = (body: ResponseUrlBody): string =>
  [String(body.text ?? ''), ...((body.blocks ?? []) as Array<{ text?: { text?: string } }>).map((b) => b.text?.text ?? '')].join('\n');

/** `/prep <text>` from a member; resolves with the first answer posted to its response URL. */
async function prep(bot: SlackBotProcess, member: (typeof MEMBERS)[number], text: string, responseId: string): Promise<string> {
  const sent = await sendSlashCommand(bot.eventsUrl, SLACK_SIGNING_SECRET, {
    text,
    userId: member.id,
    userName: member.name,
    responseUrl: fake.responseUrl(responseId),
  });
  expect(sent.status).toBe(200);
  return textOf((await fake.waitForResponse(responseId, 10_000)).body);
}

/** The question a drill card shows, from its title (`Drill 1/2 · t-flags`). */
const stepOf = (card: string) => /Drill (\d)\/2 · ([\w-]+)/.exec(card)?.slice(1) ?? [];

describe('a bot SIGKILLed half-way through drill sessions', () => {
  it(`${MEMBERS.length} members' drills go on after a restart with the next question: each step answered and counted once`, async () => {
    const first = await startSlackBot(fake, prefix);
    bots.push(first);
    await first.waitFor('PrepBot ready');
    const firstQuestion = new Map<string, string>();
    await Promise.all(
      MEMBERS.map(async (m) => {
        const card = await prep(first, m, 'drill tcp-udp', `start-${m.id}`);
        const [step, question] = stepOf(card);
        expect(step).toBe('1');
        firstQuestion.set(m.id, question ?? '');
      }),
    );
    // Every member answers the first question right; for half of them the answer is recorded and the
    // bot dies before its grade reaches Slack (and before the drill moved on).
    const held = MEMBERS.filter((_, i) => i % 2 === 0);
    for (const m of held) fake.holdResponse(`a1-${m.id}`);
    await Promise.all(MEMBERS.map((m) => prep(first, m, `answer ${RIGHT[firstQuestion.get(m.id) ?? '']}`, `a1-${m.id}`)));
    await until(() => fake.held === held.length, 5000, 'the held grades');
    await kill(first);

    const second = await startSlackBot(fake, prefix);
    bots.push(second);
    await second.waitFor('PrepBot ready');
    await Promise.all(
      MEMBERS.map(async (m) => {
        const card = await prep(second, m, 'drill resume', `resume-${m.id}`);
        const [step, question] = stepOf(card);
        expect(step, `${m.name}: ${card}`).toBe('2');
        expect(question).not.toBe(firstQuestion.get(m.id));
        await prep(second, m, `answer ${RIGHT[question ?? '']}`, `a2-${m.id}`);
        const summary = await fake.waitForResponse(`a2-${m.id}`, 5000, (r) => textOf(r.body).includes('Drill summary'));
        expect(textOf(summary.body), m.name).toContain('2/2 right');
      }),
    );
    expect(fake.responses.filter((r) => textOf(r.body).includes('already answered'))).toEqual([]);
    expect(problems(second)).toEqual([]);
  }, 60_000);
});
