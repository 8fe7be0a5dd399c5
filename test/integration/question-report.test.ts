import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { revealDailyQuestion } from '../../src/core/daily/reveal-daily-question.js';
import { INPUT_LIMITS } from '../../src/core/input-limits.js';
import type { ChannelRef, OutboundMessage } from '../../src/core/types.js';
import { actionOf, instanceIdOf } from '../support/actions.js';
import { createTestApp, FixedClock } from '../support/test-app.js';

let app: ReturnType<typeof createTestApp>;
afterEach(async () => {
  await app.close();
  expect(app.errors).toEqual([]);
});

const start = new Date('2026-05-04T09:00:00Z');
const admin = () => app.user('admin', { isAdmin: true });
const flagsOn = async (questionId: string) => (await app.deps.flags.flagsOf(app.channel, [questionId])).get(questionId) ?? [];
const report = async (line: string): Promise<OutboundMessage[]> => app.text(admin(), line);
const allText = (messages: OutboundMessage[]) => messages.map((m) => `${m.title}\n${m.text}\n${m.footer ?? ''}`).join('\n');

/** Each member gets their own /quiz of `id` and answers it as typed. */
async function answerAll(id: string, answers: Record<string, string>): Promise<void> {
  for (const [name, answer] of Object.entries(answers)) {
    await app.text(app.user(name), `/quiz ${id}`);
    const [graded] = await app.text(app.user(name), `/answer ${answer}`);
    expect(graded?.tone, `${name}: ${answer}`).not.toBe('error');
  }
}

describe('/flag', () => {
  it('flags the last question the member saw, privately, with who, when and why; flagging again updates it and counts once', async () => {
    const clock = new FixedClock(start);
    app = createTestApp({ clock });
    const ann = app.user('ann');
    await app.text(ann, '/quiz t-handshake-count');
    clock.advance(60_000);

    const [confirm] = await app.text(ann, '/flag option C wording is odd');
    expect(confirm?.visibility).toBe('private');
    expect(confirm?.title).toBe('Flagged · t-handshake-count');
    expect(confirm?.text).toContain('“How many segments open a TCP connection?”');
    expect(confirm?.text).toContain('Your reason: option C wording is odd');
    expect(confirm?.text).toContain('Thanks');
    expect(await flagsOn('t-handshake-count')).toEqual([
      { userId: 'U-ann', reason: 'option C wording is odd', at: start.getTime() + 60_000, instanceId: 'id1', mode: 'quiz' },
    ]);

    // Again without a reason: the earlier reason stays, the time moves, the count stays 1.
    clock.advance(60_000);
    const [again] = await app.text(ann, '/flag');
    expect(again?.text).toContain('flagged this question already');
    expect(again?.text).toContain('Your reason: option C wording is odd');
    clock.advance(60_000);
    await app.text(ann, '/flag "four" is also defensible');
    const [annFlag] = await flagsOn('t-handshake-count');
    expect(annFlag).toMatchObject({ reason: '"four" is also defensible', at: start.getTime() + 180_000 });
    expect(await app.deps.flags.flagCounts(app.channel)).toEqual([{ questionId: 't-handshake-count', count: 1 }]);

    // A second member: two flags.
    const bob = app.user('bob');
    await app.text(bob, '/quiz t-handshake-count');
    const [bobs] = await app.text(bob, '/flag');
    expect(bobs?.text).toContain('No reason given');
    expect(await app.deps.flags.flagCounts(app.channel)).toEqual([{ questionId: 't-handshake-count', count: 2 }]);
  });

  it('says so when there is no last question, and refuses an over-long reason', async () => {
    app = createTestApp({ clock: new FixedClock(start) });
    const [none] = await app.text(app.user('new'), '/flag this is wrong');
    expect(none?.text).toContain('There is no question to flag');
    expect(await app.deps.flags.flagCounts(app.channel)).toEqual([]);

    const ann = app.user('ann');
    await app.text(ann, '/quiz t-flags');
    const [tooLong] = await app.text(ann, `/flag ${'x'.repeat(INPUT_LIMITS.flagReason + 1)}`);
    expect(tooLong?.tone).toBe('error');
    expect(tooLong?.text).toContain(`${INPUT_LIMITS.flagReason + 1} characters`);
    expect(await app.deps.flags.flagCounts(app.channel)).toEqual([]);
    const [fits] = await app.text(ann, `/flag ${'x'.repeat(INPUT_LIMITS.flagReason)}`);
    expect(fits?.title).toBe('Flagged · t-flags');
  });

  it('follows the member across modes and channels: an answered question, a drill step, a mock round, the channel’s open daily', async () => {
    const clock = new FixedClock(start);
    app = createTestApp({ clock });
    const ann = app.user('ann');
    const elsewhere: ChannelRef = { ...app.channel, channelId: 'C2' };
    const tick = () => clock.advance(1_000);

    // Shown t-flags, then t-handshake-count; then answers the first card's buttons: the answer is the latest.
    const [flagsCard] = await app.text(ann, '/quiz t-flags');
    tick();
    await app.text(ann, '/quiz t-handshake-count');
    tick();
    await app.click(ann, actionOf(flagsCard, 'select').id, ['A', 'B']);
    tick();
    expect((await app.text(ann, '/flag', elsewhere))[0]?.title).toBe('Flagged · t-flags'); // the workspace, not the channel

    // A drill step.
    tick();
    const [step] = await app.text(ann, '/drill gil count=1');
    const drilled = step?.title?.split(' · ')[1];
    tick();
    expect((await app.text(ann, '/flag'))[0]?.title).toBe(`Flagged · ${drilled}`);

    // A mock round: its participants are shown it when it opens (bob flags from another channel).
    const bob = app.user('bob');
    tick();
    await app.text(ann, '/mock start rounds=1', elsewhere);
    await app.text(bob, '/mock join', elsewhere);
    await app.text(ann, '/mock begin', elsewhere);
    const round = app.platform.postsTo('C2').at(-1)?.title ?? '';
    const roundQuestion = /· (\S+)$/.exec(round)?.[1];
    expect(roundQuestion).toBeTruthy();
    tick();
    expect((await app.text(bob, '/flag'))[0]?.title).toBe(`Flagged · ${roundQuestion}`);

    // The channel's daily question, posted after everything ann saw: a member of the channel flags it
    // without answering, and the confirmation gives nothing of the secret answer away.
    tick();
    await app.text(admin(), '/daily set 09:00 topic=tcp-udp reveal=2h');
    await app.text(admin(), '/daily now');
    const daily = app.platform.postsTo('C1').at(-1);
    const dailyQuestion = /· (\S+)$/.exec(daily?.title ?? '')?.[1] ?? '';
    tick();
    const [flagged] = await app.text(ann, '/flag is RST really common?');
    expect(flagged?.title).toBe(`Flagged · ${dailyQuestion}`);
    const question = app.deps.bank.byId(dailyQuestion);
    if (question?.kind !== 'multi') throw new Error('the fixture daily is t-flags');
    for (const secret of [question.explanation.en, ...question.options.map((o) => o.why.en)]) expect(flagged?.text).not.toContain(secret);
    expect(flagged?.text).not.toMatch(/answer|correct|right/i);
    expect((await flagsOn(dailyQuestion)).find((f) => f.userId === ann.userId)).toMatchObject({
      mode: 'daily',
      instanceId: instanceIdOf(daily),
    });

    // A quiz after the daily post is newer than it.
    tick();
    await app.text(ann, '/quiz t-handshake-count');
    tick();
    expect((await app.text(ann, '/flag'))[0]?.title).toBe('Flagged · t-handshake-count');
  });
});

describe('/questions report', () => {
  it('is for admins only', async () => {
    app = createTestApp({ clock: new FixedClock(start) });
    const [refused] = await app.text(app.user('ann'), '/questions report');
    expect(refused?.tone).toBe('error');
    expect(refused?.text).toBe('Only admins can use /questions report.');
    const [help] = await app.text(app.user('ann'), '/help questions');
    expect(help?.text).toContain('/questions report [topic] [limit]');
  });

  it('computes accuracy, the hardest items, the most flagged and the answer distribution from several members’ recorded answers', async () => {
    const clock = new FixedClock(start);
    app = createTestApp({ clock });
    // Single choice (B right): 5 answers, 2 right; A is the distractor that catches people.
    await answerAll('t-handshake-count', { ann: 'A', bob: 'B', cy: 'B', dee: 'C', eve: 'A' });
    // Multiple choice (all four right): 3 answers, 1 fully right, 2 partly.
    await answerAll('t-flags', { ann: 'A B C D', bob: 'A B', cy: 'A' });
    // Short answer: 2 answers, 1 right.
    await answerAll('g-gil-name', { ann: 'GIL', bob: 'mutex' });

    expect(await app.deps.questionStats.get(app.channel, ['t-handshake-count', 't-flags', 'g-gil-name', 'g-why-gil'])).toEqual(
      new Map([
        ['t-handshake-count', { answered: 5, correct: 2, score: 2, picked: { A: 2, B: 2, C: 1 } }],
        ['t-flags', { answered: 3, correct: 1, score: 1.75, picked: { A: 3, B: 2, C: 1, D: 1 } }],
        ['g-gil-name', { answered: 2, correct: 1, score: 1, picked: {} }],
      ]),
    );

    clock.advance(60_000);
    await app.text(app.user('bob'), '/flag option B is not right'); // bob saw g-gil-name last
    await app.text(app.user('bob'), '/quiz t-handshake-count');
    await app.text(app.user('bob'), '/flag two segments if you count SYN+ACK as one');
    await app.text(app.user('cy'), '/quiz t-handshake-count');
    await app.text(app.user('cy'), '/flag');

    const messages = await report('/questions report');
    expect(messages).toHaveLength(1);
    const [page] = messages;
    expect(page?.visibility).toBe('private');
    expect(page?.title).toBe('Question report · all topics');
    expect(page?.text.split('\n')).toEqual([
      '10 recorded answers to 3 questions · 40% right',
      '',
      '**Accuracy per question** (most answered first)',
      '**t-handshake-count** · 5 answers · 40% right',
      '**t-flags** · 3 answers · 33% right',
      '**g-gil-name** · 2 answers · 50% right',
      '',
      '**Hardest** (lowest accuracy, at least 5 answers)',
      '1. **t-handshake-count** · 40% right of 5 · mean score 40%',
      '    most picked wrong option: **A** (2 · 40%)',
      '',
      '**Most flagged**',
      '**t-handshake-count** · flagged by 2',
      '    “two segments if you count SYN+ACK as one” (bob, 2026-05-04)',
      '    1 more without a reason',
      '**g-gil-name** · flagged by 1',
      '    “option B is not right” (bob, 2026-05-04)',
      '',
      '**Answer distribution** (how many answers picked each option; ✓ right)',
      '**t-handshake-count** · 5 answers · 40% right',
      '```',
      'A   ████░░░░░░ 2  40%',
      'B ✓ ████░░░░░░ 2  40%',
      'C   ██░░░░░░░░ 1  20%',
      '```',
      '**t-flags** · 3 answers · 33% right',
      '```',
      'A ✓ ██████████ 3 100%',
      'B ✓ ███████░░░ 2  67%',
      'C ✓ ███░░░░░░░ 1  33%',
      'D ✓ ███░░░░░░░ 1  33%',
      '```',
    ]);

    // A topic and a limit narrow it.
    const [tcp] = await report('/questions report tcp 1');
    expect(tcp?.title).toBe('Question report · tcp-udp');
    expect(tcp?.text).toContain('8 recorded answers to 2 questions · 38% right');
    expect(tcp?.text).toContain('… and 1 more');
    expect(tcp?.text).not.toContain('g-gil-name');
    expect(tcp?.text).not.toContain('**t-flags** · 3 answers');
    const [unknown] = await report('/questions report nonsense');
    expect(unknown?.text).toContain('No topic or question called "nonsense"');
  });

  it('leaves a question out while it is open in a secret daily, and counts its answers from the reveal on', async () => {
    const clock = new FixedClock(start);
    app = createTestApp({ clock });
    await app.text(admin(), '/daily set 09:00 topic=tcp-udp reveal=2h');
    await app.text(admin(), '/daily now'); // t-flags
    const post = app.platform.postsTo('C1').at(-1);
    await app.click(app.user('ann'), actionOf(post, 'select').id, ['A', 'B', 'C', 'D']);
    await app.click(app.user('bob'), actionOf(post, 'select').id, ['B']);
    await app.text(app.user('bob'), '/flag B is not a flag?');

    const before = allText(await report('/questions report'));
    expect(before).not.toContain('t-flags');
    expect(before).toContain('No recorded answers yet.');
    expect(before).toContain('1 question(s) open in a channel are left out until their reveal.');

    expect(await revealDailyQuestion(app.deps, app.channel, instanceIdOf(post), 'job')).toBe('revealed');
    const after = allText(await report('/questions report'));
    expect(after).toContain('**t-flags** · 2 answers · 50% right');
    expect(after).toContain('**t-flags** · flagged by 1');
    expect(after).toContain('B ✓ ██████████ 2 100%');
    expect(after).not.toContain('left out');
  });

  it('works in the console: a piped script flags a question and prints the report', async () => {
    app = createTestApp();
    const script = [
      '/quiz t-handshake-count',
      '/answer A',
      '/as bob',
      '/quiz t-handshake-count',
      '/answer B',
      '/flag option A reads like B',
      '/questions report tcp',
    ].join('\n');
    const run = await runConsole(script);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('== Flagged · t-handshake-count ==');
    expect(run.stdout).toContain('== Question report · tcp-udp ==');
    expect(run.stdout).toContain('t-handshake-count · 2 answers · 50% right');
    expect(run.stdout).toContain('t-handshake-count · flagged by 1');
    expect(run.stdout).toMatch(/“option A reads like B” \(bob, \d{4}-\d\d-\d\d\)/);
    expect(run.stdout).toContain('A   █████░░░░░ 1  50%');
  });
});

/** The real console bot (src/main.ts) on the test Redis, fed a script on stdin. */
function runConsole(script: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const root = join(import.meta.dirname, '..', '..');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DEFAULT_LOCALE: 'en',
      REDIS_URL: inject('redisUrl'),
      REDIS_PREFIX: app.prefix,
      QUESTIONS_DIR: join(root, 'test', 'fixtures', 'bank'),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  child.stdin.end(`${script}\n`);
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}
