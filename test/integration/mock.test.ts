import { afterEach, describe, expect, it } from 'vitest';
import { encodeForm } from '../../src/core/actions/action-codec.js';
import { mockPoints } from '../../src/core/mock/mock-scoring.js';
import { MAX_PARTICIPANTS, roundInstanceId, roundTimerJobId } from '../../src/core/mock/mock-session.js';
import { createJobWorker } from '../../src/infra/queue/job-worker.js';
import { actionOf } from '../support/actions.js';
import { createTestApp, FixedClock } from '../support/test-app.js';

let app: ReturnType<typeof createTestApp>;
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0)) await fn();
  await app.close();
  expect(app.errors).toEqual([]);
});

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const titles = () => app.platform.posts.map((p) => p.message.title ?? '');
const board = async (userId: string) =>
  (await app.deps.leaderboards.standing({ workspace: app.channel, period: 'all' }, userId))?.points ?? 0;

describe('panel mock interviews', () => {
  it('runs a 3-participant, 3-round panel to its podium: speed and streak scoring, early end, a late answer, skip, a restart mid-round', async () => {
    const clock = new FixedClock(new Date('2026-12-04T10:00:00Z'));
    app = createTestApp({ clock });
    const [ann, bob, cy] = [app.user('ann'), app.user('bob'), app.user('cy')];
    const [lobby] = await app.text(ann, '/mock start rounds=3 seconds=60');
    expect(lobby?.visibility).toBe('public');
    expect(lobby?.text).toContain('Participants (1/50): ann');
    const [second] = await app.text(bob, '/mock start');
    expect(second?.text).toContain('already has a mock interview');
    await app.click(bob, actionOf(lobby, 'Join').id);
    await app.text(cy, '/mock join');
    // The lobby message shows who is in.
    expect(app.platform.edits.at(-1)?.message.text).toContain('Participants (3/50): ann, bob, cy');
    const [help] = await app.text(bob, '/help mock');
    expect(help?.text).toContain('up to 50% for speed');
    const [notHost] = await app.text(bob, '/mock begin');
    expect(notHost?.text).toContain('Only the host (ann)');
    await app.text(ann, '/mock begin');

    // Round 1 (g-gil-name, 10 points): ann at 6 s, bob at 30 s, cy wrong. All answered: it ends at once.
    const session = await app.deps.mocks.get(app.channel);
    const r1 = roundInstanceId(session?.id ?? '', 1);
    expect(titles()).toEqual([expect.stringMatching(/^Round 1\/3 · g-gil-name/)]);
    expect(await app.jobs.queue('slack').getJob(roundTimerJobId(r1))).toBeDefined();
    clock.advance(6_000);
    const [receipt] = await app.text(ann, '/answer GIL');
    expect(receipt?.text).toBe('Answer recorded: GIL. Results come when the round ends.'); // no verdict before the round ends
    clock.advance(24_000);
    await app.text(bob, '/answer global interpreter lock');
    await app.text(cy, '/answer a mutex');
    const annR1 = mockPoints({ gradePoints: 10, correct: true, roundStart: 0, deadline: 60_000, answeredAt: 6_000, streakBefore: 0 });
    const bobR1 = mockPoints({ gradePoints: 10, correct: true, roundStart: 0, deadline: 60_000, answeredAt: 30_000, streakBefore: 0 });
    expect([annR1, bobR1]).toEqual([15, 13]);
    expect(titles().slice(1)).toEqual([expect.stringMatching(/^Round 1\/3 results/), expect.stringMatching(/^Round 2\/3 · g-why-gil/)]);
    const result1 = app.platform.posts[1]?.message.text ?? '';
    expect(result1).toContain('Right, in order: ann, bob');
    expect(result1).toContain(`Top three so far: 1. ann ${annR1} · 2. bob ${bobR1} · 3. cy 0`);
    expect(await app.jobs.queue('slack').getJob(roundTimerJobId(r1))).toBeUndefined(); // its timer was cancelled
    // A late answer to round 1: "round over", no points; its timer firing now does nothing.
    const late = await app.interact({
      kind: 'form',
      formId: encodeForm('answer', r1),
      fields: { answer: 'GIL' },
      channel: app.channel,
      user: cy,
    });
    expect(late.messages[0]?.text).toContain('That round is over');
    expect(
      await app.jobHandlers['mock-round-end'](
        { channel: app.channel, sessionId: session?.id ?? '', instanceId: r1 },
        { dueAt: 0, attempt: 1 },
      ),
    ).toBe('not-open');

    // Round 2 (open): ann answers wrongly, then skips the round; its timer is cancelled.
    clock.advance(1_000);
    await app.text(ann, '/answer no idea');
    const r2 = roundInstanceId(session?.id ?? '', 2);
    const [skipped] = await app.text(ann, '/mock skip');
    expect(skipped?.text).toContain('Round 2 skipped');
    expect(await app.jobs.queue('slack').getJob(roundTimerJobId(r2))).toBeUndefined();
    expect(app.platform.posts[3]?.message.text).toContain('No answer from: bob, cy');
    expect(titles().at(-1)).toMatch(/^Round 3\/3 · t-flags/);

    // Round 3 (t-flags, 10 points): answers, then the bot restarts before the timer fires.
    const r3Start = clock.now().getTime();
    clock.advance(12_000);
    await app.text(ann, '/answer A B C D');
    clock.advance(18_000);
    await app.text(bob, '/answer A B'); // half right
    const restarted = app.anotherBot({ platforms: { slack: app.platform } });
    const worker = createJobWorker(app.redis, app.keys.bullPrefix(), 'slack', restarted.jobHandlers, {
      onError: (e) => app.errors.push(e),
    });
    cleanups.push(() => worker.close(true));
    const timer = await app.jobs.queue('slack').getJob(roundTimerJobId(roundInstanceId(session?.id ?? '', 3)));
    await timer?.promote(); // "the time has come", for the restarted process's worker
    await until(() => titles().includes('Mock interview · final results'), 'the final results');

    const annR3 = mockPoints({
      gradePoints: 10,
      correct: true,
      roundStart: r3Start,
      deadline: r3Start + 60_000,
      answeredAt: r3Start + 12_000,
      streakBefore: 0,
    });
    const bobR3 = mockPoints({
      gradePoints: 5,
      correct: false,
      roundStart: r3Start,
      deadline: r3Start + 60_000,
      answeredAt: r3Start + 30_000,
      streakBefore: 1,
    });
    const summary = app.platform.posts.at(-1)?.message.text ?? '';
    expect(summary).toContain(`Podium: 1. ann ${annR1 + annR3} · 2. bob ${bobR1 + bobR3} · 3. cy 0`);
    expect(summary).toContain(`ann: ${annR1 + annR3} points, 2/3 right`);
    expect(summary).toContain('Most missed: g-why-gil (3)');
    expect(await board(ann.userId)).toBe(annR1 + annR3);
    expect(await board(bob.userId)).toBe(bobR1 + bobR3);
    expect(await app.deps.mocks.get(app.channel)).toBeUndefined();
    // Answers fed spaced repetition.
    expect((await app.deps.reviews.get(app.channel, cy.userId, 'g-gil-name'))?.card.reps).toBe(1);
  });

  it('a streak of right rounds earns its bonus, and only participants may answer', async () => {
    const clock = new FixedClock(new Date('2026-12-04T10:00:00Z'));
    app = createTestApp({ clock });
    const [dee, eve] = [app.user('dee'), app.user('eve')];
    await app.text(dee, '/mock start tcp rounds=2 seconds=30');
    await app.text(dee, '/mock begin');
    const [outsider] = await app.text(eve, '/answer B');
    expect(outsider?.text).toMatch(/no open question|Only participants/);
    // Round 1 t-flags then t-handshake-count (pool order with random 0); dee answers both right at 0 s.
    await app.text(dee, '/answer A B C D');
    await app.text(dee, '/answer B');
    const r1 = mockPoints({ gradePoints: 10, correct: true, roundStart: 0, deadline: 1, answeredAt: 0, streakBefore: 0 });
    const r2 = mockPoints({ gradePoints: 20, correct: true, roundStart: 0, deadline: 1, answeredAt: 0, streakBefore: 1 });
    expect(r2).toBe(20 + 10 + 2);
    expect(await board(dee.userId)).toBe(r1 + r2);
  });

  it('takes at most 50 participants, however many join at once', async () => {
    app = createTestApp();
    await app.text(app.user('host'), '/mock start');
    const replies = await Promise.all(Array.from({ length: 60 }, (_, i) => app.text(app.user(`p${i}`), '/mock join')));
    const session = await app.deps.mocks.get(app.channel);
    const people = await app.deps.mocks.participants(app.channel, session?.id ?? '');
    expect(people).toHaveLength(MAX_PARTICIPANTS);
    expect(replies.filter(([r]) => r?.text.includes('is full'))).toHaveLength(60 - (MAX_PARTICIPANTS - 1));
  });

  it('/mock end by the host posts the results early; others are refused', async () => {
    app = createTestApp();
    const [fay, gus] = [app.user('fay'), app.user('gus')];
    await app.text(fay, '/mock start rounds=3');
    await app.text(gus, '/mock join');
    await app.text(fay, '/mock begin');
    await app.text(gus, '/answer GIL');
    const [refused] = await app.text(gus, '/mock end');
    expect(refused?.text).toContain('Only the host (fay) or an admin');
    await app.text(fay, '/mock end');
    expect(titles()).toEqual([
      expect.stringMatching(/^Round 1\/3/),
      expect.stringMatching(/^Round 1\/3 results/),
      'Mock interview · final results',
    ]);
    const [none] = await app.text(fay, '/mock skip');
    expect(none?.text).toContain('no mock interview');
  });
});

describe('pair mock interviews', () => {
  it('the interviewer marks key points privately (buttons and typed), adds a note, swaps roles, and both get the summary', async () => {
    app = createTestApp();
    const [ann, bob] = [app.user('ann'), app.user('bob')];
    const [self] = await app.text(ann, `/mock pair <@${ann.userId}>`);
    expect(self?.text).toContain('Pick someone else');
    const started = await app.interact({
      kind: 'text',
      // bob has not said anything yet: his name comes from the mention (Slack writes <@id|name>).
      text: `/mock pair <@${bob.userId}|bob> gil questions=1`,
      channel: app.channel,
      user: ann,
    });
    const rubric = started.responses.find((r) => r.message.title?.startsWith('Rubric'))?.message;
    expect(rubric?.visibility).toBe('private');
    expect(rubric?.text).toContain('Reference answer');
    // The channel sees the question only: no reference, no key points.
    const question = app.platform.posts[0]?.message;
    expect(question?.title).toMatch(/^Interview question 1\/1 for bob · g-why-gil/);
    expect(question?.text).not.toContain('Reference counting is not thread-safe');

    const [bobTries] = (await app.click(bob, actionOf(rubric, '1 ○').id)).messages;
    expect(bobTries?.text).toContain('Only the interviewer (ann)');
    const marked = await app.click(ann, actionOf(rubric, '1 ○').id);
    expect(marked.responses[0]?.kind).toBe('update');
    expect(marked.messages[0]?.text).toContain('1. ✓');
    const [typed] = await app.text(ann, '/mock mark 2 partly');
    expect(typed?.text).toContain('2. ½');
    const noteForm = await app.click(ann, actionOf(rubric, 'Note').id);
    const form = noteForm.forms[0];
    const [saved] = (
      await app.interact({
        kind: 'form',
        formId: form?.id ?? '',
        fields: { note: 'Explain the C API part' },
        channel: app.channel,
        user: ann,
      })
    ).messages;
    expect(saved?.text).toBe('Note saved.');

    // bob swaps: now he interviews ann on the question, with a fresh rubric of his own.
    const swap = await app.interact({ kind: 'text', text: '/mock swap', channel: app.channel, user: bob });
    expect(swap.messages[0]?.text).toBe('Roles swapped: bob now interviews ann.');
    const bobRubric = swap.responses.find((r) => r.message.title?.startsWith('Rubric'))?.message;
    expect(bobRubric?.text).toContain('1. ○');
    expect(app.platform.posts.at(-1)?.message.title).toMatch(/for ann · g-why-gil/);
    const [annNow] = await app.text(ann, '/mock mark 1 covered');
    expect(annNow?.text).toContain('Only the interviewer (bob)');
    await app.text(bob, '/mock mark 1 covered');
    await app.text(bob, '/mock mark 2 covered');
    await app.text(bob, '/mock mark 3 missed');
    const done = await app.click(bob, actionOf(bobRubric, 'Score and next').id);
    const summary = done.responses.at(-1)?.message;
    expect(summary?.title).toBe('Interview summary');
    expect(summary?.text).toContain('**g-why-gil** (ann): 67%');
    // The other person gets the same summary privately.
    expect(app.platform.privatePosts.map((p) => [p.userId, p.message.title])).toEqual([[ann.userId, 'Interview summary']]);
    // The candidate's result fed spaced repetition ("good" at 67%).
    expect((await app.deps.reviews.get(app.channel, ann.userId, 'g-why-gil'))?.card.reps).toBe(1);
    expect(await app.deps.mocks.getPair(app.channel)).toBeUndefined();
  });
});
