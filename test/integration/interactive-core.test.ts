import { afterEach, describe, expect, inject, it } from 'vitest';
import { encodeForm } from '../../src/core/actions/action-codec.js';
import { openInstance } from '../../src/core/instances/open-instance.js';
import { actionOf, instanceIdOf } from '../support/actions.js';
import { startRoundTripCounter } from '../support/round-trip-counter.js';
import { createTestApp } from '../support/test-app.js';

let app: ReturnType<typeof createTestApp>;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0)) await fn();
  await app.close();
  expect(app.errors).toEqual([]);
});

const admin = () => app.user('admin', { isAdmin: true });

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('open instances of different kinds in one channel', () => {
  it('a daily question and a mock round do not interfere, and /daily reveal touches only the daily one', async () => {
    app = createTestApp();
    const [ann, bob, cy] = [app.user('ann'), app.user('bob'), app.user('cy')];
    await app.text(admin(), '/daily set 09:00 topic=tcp-udp');
    await app.text(admin(), '/daily now');
    const daily = app.platform.posts[0]?.message;
    const dailyId = instanceIdOf(daily);
    // A mock round for ann and cy opens in the same channel after the daily question.
    await openInstance(app.deps, {
      id: 'mock-round-1',
      questionId: 'g-gil-name',
      mode: 'mock',
      channel: app.channel,
      audience: { kind: 'participants', userIds: [ann.userId, cy.userId] },
      session: { sessionId: 'mock-1', step: 1, of: 3 },
      createdAt: Date.now() + 1,
      state: 'open',
    });
    expect((await app.deps.instances.channelPointer(app.channel, 'daily'))?.id).toBe(dailyId);
    expect((await app.deps.instances.channelPointer(app.channel, 'mock'))?.session).toEqual({ sessionId: 'mock-1', step: 1, of: 3 });

    // ann takes part in the round, the newest question for her; bob does not, so his answer goes to the daily.
    const [annReply] = await app.text(ann, '/answer GIL');
    expect(annReply?.text).toBe('Answer recorded: GIL. Results come when the round ends.'); // a mock round's receipt
    const [bobReply] = await app.text(bob, '/answer A B C D');
    expect(bobReply?.text).toMatch(/^Answer recorded: A B C D\. Results at the reveal/); // the daily keeps its secret
    expect((await app.deps.instances.stats(app.channel, 'mock-round-1')).answered).toBe(1);
    expect((await app.deps.instances.stats(app.channel, dailyId)).answered).toBe(1);
    // With the round answered, ann's next typed answer goes to the daily question.
    const [annDaily] = await app.text(ann, '/answer A');
    expect(annDaily?.text).toMatch(/^Answer recorded: A\. Results at the reveal/);
    expect((await app.deps.instances.stats(app.channel, dailyId)).answered).toBe(2);

    const [revealed] = await app.text(admin(), '/daily reveal');
    expect(revealed?.text).toContain('Revealed t-flags');
    expect((await app.deps.instances.get(app.channel, dailyId))?.state).toBe('revealed');
    expect(await app.deps.instances.channelPointer(app.channel, 'daily')).toBeUndefined();
    // The mock round is untouched: still open, still pointed at, its question still kept out of practice.
    expect((await app.deps.instances.get(app.channel, 'mock-round-1'))?.state).toBe('open');
    expect((await app.deps.instances.channelPointer(app.channel, 'mock'))?.id).toBe('mock-round-1');
    expect(await app.deps.instances.publiclyOpenQuestions(app.channel)).toEqual(new Set(['g-gil-name']));
    const [cyReply] = await app.text(cy, '/answer global interpreter lock');
    expect(cyReply?.text).toContain('Answer recorded');
    // A second /daily reveal finds no daily question, whatever else is open.
    const [none] = await app.text(admin(), '/daily reveal');
    expect(none?.text).toContain('no open daily question');
    expect(app.platform.posts.map((p) => p.message.title)).toEqual([expect.stringContaining('Daily question'), 'Revealed · t-flags']);
  });

  it('at the reveal the question message is edited: buttons disabled, menus gone, a footer saying answers are closed', async () => {
    app = createTestApp();
    await app.text(admin(), '/daily set 09:00 topic=tcp-udp');
    await app.text(admin(), '/daily now'); // t-flags: multiple choice, a select menu
    const posted = app.platform.posts[0];
    await app.text(admin(), '/daily reveal');
    expect(app.platform.edits).toHaveLength(1);
    expect(app.platform.edits[0]?.ref).toEqual(posted?.ref);
    expect(app.platform.edits[0]?.message.actions).toBeUndefined();
    expect(app.platform.edits[0]?.message.footer).toContain('Answers are closed');
    expect(app.platform.edits[0]?.message.title).toBe(posted?.message.title); // it keeps its daily title
    await app.text(admin(), '/daily now'); // t-handshake-count: single choice, buttons
    await app.text(admin(), '/daily reveal');
    const buttons = app.platform.edits[1]?.message.actions ?? [];
    expect(buttons.map((b) => (b.type === 'button' ? [b.label, b.disabled] : b.type))).toEqual([
      ['A', true],
      ['B', true],
      ['C', true],
    ]);
    // A platform that cannot edit is not asked to.
    app.platform.capabilities = { ...app.platform.capabilities, edits: false };
    await app.text(admin(), '/daily now');
    await app.text(admin(), '/daily reveal');
    expect(app.platform.edits).toHaveLength(2);
    expect(app.platform.posts).toHaveLength(6);
  });
});

describe('responders: updates, follow-ups and forms', () => {
  it('a click on your own card updates it in place, with the grade and solution privately', async () => {
    app = createTestApp();
    const dan = app.user('dan');
    const [card] = await app.text(dan, '/quiz t-handshake-count');
    const click = await app.click(dan, actionOf(card, 'B').id);
    expect(click.responses.map((r) => [r.kind, r.message.visibility])).toEqual([
      ['reply', 'private'],
      ['followUp', 'private'],
      ['update', 'private'],
    ]);
    expect(click.responses[0]?.message.tone).toBe('correct');
    expect(click.responses[1]?.message.title).toBe('Solution');
    const updated = click.responses[2]?.message;
    expect(updated?.title).toBe(card?.title);
    expect(updated?.actions?.map((a) => (a.type === 'button' ? [a.label, a.disabled, a.style] : a.type))).toEqual([
      ['A', true, 'secondary'],
      ['B', true, 'primary'],
      ['C', true, 'secondary'],
    ]);
    // A second click (a double click, a retry) scores nothing and leaves the card alone.
    const again = await app.click(dan, actionOf(card, 'B').id);
    expect(again.responses.map((r) => r.kind)).toEqual(['reply']);
    expect(again.messages[0]?.text).toContain('already answered');
  });

  it('the Answer button opens a form, and the submitted form is graded', async () => {
    app = createTestApp();
    const eva = app.user('eva');
    const [card] = await app.text(eva, '/quiz g-gil-name');
    const opened = await app.click(eva, actionOf(card, 'form-button').id);
    expect(opened.messages).toEqual([]);
    const form = opened.forms[0];
    expect(form?.inputs).toHaveLength(1);
    const submitted = await app.interact({
      kind: 'form',
      formId: form?.id ?? '',
      fields: { [form?.inputs[0]?.id ?? '']: 'Global Interpreter Lock' },
      channel: app.channel,
      user: eva,
    });
    expect(submitted.messages[0]?.tone).toBe('correct');
    // A stale or forged form id is a clear message, never a crash.
    const stale = await app.interact({ kind: 'form', formId: 'p0:f-answer:x:', fields: {}, channel: app.channel, user: eva });
    expect(stale.messages[0]?.text).toContain('version of PrepBot that is gone');
    const gone = await app.interact({
      kind: 'form',
      formId: encodeForm('answer', 'no-such'),
      fields: { answer: 'x' },
      channel: app.channel,
      user: eva,
    });
    expect(gone.messages[0]?.text).toContain('no longer available');
  });

  it('a private post reaches one member through the platform port', async () => {
    app = createTestApp();
    const ref = await app.deps.platforms.slack?.postPrivate(app.channel, 'U-ann', { visibility: 'private', text: 'just for you' });
    expect(ref?.visibility).toBe('private');
    expect(app.platform.privatePosts.map((p) => [p.userId, p.message.text])).toEqual([['U-ann', 'just for you']]);
  });
});

describe('capabilities instead of platform names', () => {
  it('offers /as only where one keyboard plays several members, in help and when run', async () => {
    app = createTestApp();
    const ann = app.user('ann');
    const [refused] = await app.text(ann, '/as bob');
    expect(refused?.text).toContain('/as only works in the console');
    const [help] = await app.text(ann, '/help');
    expect(help?.text).not.toContain('/as');
    app.platform.capabilities = { ...app.platform.capabilities, actAs: true };
    const [helpHere] = await app.text(ann, '/help');
    expect(helpHere?.text).toContain('/as <name>');
  });

  it('renders the card for what the platform can show: button hints only with buttons', async () => {
    app = createTestApp();
    const [withButtons] = await app.text(app.user('ann'), '/quiz t-handshake-count');
    expect(withButtons?.footer).toContain('Answer with the buttons');
    app.platform.capabilities = { ...app.platform.capabilities, buttons: false };
    const [typed] = await app.text(app.user('bob'), '/quiz t-handshake-count');
    expect(typed?.footer).not.toContain('buttons');
    expect(typed?.footer).toContain('/answer <letters>');
  });
});

describe('the job queue port', () => {
  it('a cancelled job never runs; one left alone does, once', async () => {
    app = createTestApp();
    await app.text(admin(), '/daily set 09:00 topic=tcp-udp');
    const { postDailyQuestion } = await import('../../src/core/daily/post-daily-question.js');
    const { instance: kept } = await postDailyQuestion(app.deps, app.channel, 'keep');
    const { instance: cancelled } = await postDailyQuestion(app.deps, { ...app.channel, channelId: 'C2' }, 'drop');
    const soon = Date.now() + 400;
    for (const i of [kept, cancelled]) {
      // Re-scheduling the same job id is a no-op, so both are due "soon" now.
      await app.jobs.cancel(i.channel, `reveal-${i.id}`);
      await app.jobs.scheduleAt({ name: 'daily-reveal', id: `reveal-${i.id}`, payload: { channel: i.channel, instanceId: i.id } }, soon);
    }
    expect(await app.jobs.cancel(cancelled.channel, `reveal-${cancelled.id}`)).toBe(true);
    expect(await app.jobs.cancel(cancelled.channel, `reveal-${cancelled.id}`)).toBe(false);
    expect(await app.jobs.cancel(app.channel, 'reveal-never-scheduled')).toBe(false);
    app.startWorker('slack');
    await until(async () => (await app.deps.instances.get(app.channel, kept.id))?.revealPosted === true, 'the kept reveal');
    await new Promise((r) => setTimeout(r, 600)); // well past the cancelled job's time
    expect((await app.deps.instances.get(cancelled.channel, cancelled.id))?.state).toBe('open');
    expect(app.platform.postsTo('C2').map((m) => m.title)).toEqual([expect.stringContaining('Daily question')]);
    expect(app.platform.postsTo('C1').map((m) => m.title)).toEqual([expect.stringContaining('Daily question'), 'Revealed · t-flags']);
  });
});

describe('the answer hot path', () => {
  it('a typed /answer and a button answer each take at most 2 sequential Redis round trips before the reply', async () => {
    const counter = await startRoundTripCounter(inject('redisUrl'));
    cleanups.push(counter.close);
    app = createTestApp({ storeUrl: counter.url });
    const ann = app.user('ann');
    // Warm up: scripts loaded, a daily question open in the channel, so the typed answer has two candidates.
    await app.text(ann, '/quiz t-handshake-count');
    await app.text(ann, '/answer B');
    await app.text(admin(), '/daily set 09:00 topic=gil');
    await app.text(admin(), '/daily now');
    await app.text(ann, '/quiz t-flags');

    let atReply: number | undefined;
    app.platform.onResponse = () => {
      atReply ??= counter.trips().length;
    };
    counter.reset();
    const typed = await app.send({ kind: 'text', text: '/answer A B C D', channel: app.channel, user: ann, deliveryId: 'i-1' });
    expect(typed[0]?.tone).toBe('correct');
    const typedTrips = counter.trips();
    const typedBeforeReply = atReply;

    const [card] = await app.text(ann, '/quiz t-handshake-count');
    counter.reset();
    atReply = undefined;
    await app.interact({ kind: 'action', actionId: actionOf(card, 'B').id, channel: app.channel, user: ann, deliveryId: 'i-2' });
    const clickTrips = counter.trips();
    const clickBeforeReply = atReply;

    console.info('typed /answer round trips:', JSON.stringify(typedTrips), '\nbutton answer round trips:', JSON.stringify(clickTrips));
    // The member waits for two: the /lang choice and delivery check with the pointers (or the instance), then the record script.
    expect(typedBeforeReply).toBeLessThanOrEqual(2);
    expect(typedTrips[0]).toEqual(expect.arrayContaining(['MGET', 'SET']));
    expect(typedTrips[1]).toEqual(['EVALSHA']);
    expect(clickBeforeReply).toBeLessThanOrEqual(2);
    expect(clickTrips[0]).toEqual(expect.arrayContaining(['HGETALL', 'SET']));
    // After the reply, one more: the spaced-repetition card, read by the record script, is written back (one script).
    expect(typedTrips).toHaveLength(3);
    expect(clickTrips).toHaveLength(3);
    expect(typedTrips[2]).toEqual(['EVALSHA']);
  });
});
