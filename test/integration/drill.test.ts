import { afterEach, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../src/core/types.js';
import { actionOf, instanceIdOf } from '../support/actions.js';
import { RecordingPlatform } from '../support/recording-platform.js';
import { createTestApp, FixedClock } from '../support/test-app.js';

let app: ReturnType<typeof createTestApp>;
afterEach(async () => {
  await app.close();
  expect(app.errors).toEqual([]);
});

/** The right typed answer for each fixture question. */
const RIGHT: Record<string, string> = {
  't-handshake-count': 'B',
  't-flags': 'A B C D',
  'g-gil-name': 'GIL',
  'g-why-gil': 'Reference counting is not thread-safe; the GIL keeps C extensions simple and single threads fast.',
};
const questionOf = (m: OutboundMessage | undefined) => m?.title?.split(' · ').at(-1) ?? '';
const card = (messages: OutboundMessage[]) => messages.find((m) => m.title?.startsWith('Drill '));

describe('drills', () => {
  it('runs a drill of three questions to its summary, one question at a time with progress', async () => {
    app = createTestApp();
    const ann = app.user('ann');
    let messages = await app.text(ann, '/drill count=3');
    const seen: string[] = [];
    for (let step = 1; step <= 3; step++) {
      const current = card(messages);
      expect(current?.title).toMatch(new RegExp(`^Drill ${step}/3 · `));
      const id = questionOf(current);
      seen.push(id);
      messages = await app.text(ann, `/answer ${RIGHT[id]}`);
      expect(messages[0]?.tone).toMatch(/correct|partial/);
    }
    expect(new Set(seen).size).toBe(3);
    const summary = messages.at(-1);
    expect(summary?.title).toBe('Drill summary');
    expect(summary?.text).toMatch(/\d\/3 right, \d+ points/);
    expect(await app.deps.drills.get(app.channel, ann.userId)).toBeUndefined();
    const [none] = await app.text(ann, '/drill stop');
    expect(none?.text).toContain('no drill in progress');
  });

  it('with buttons, a click answers and the session message becomes the next question', async () => {
    app = createTestApp();
    const bob = app.user('bob');
    // A drill on the tcp topic: its cards are choice questions, with buttons or a menu.
    const [tcpCard] = (await app.text(bob, '/drill tcp count=2')).filter((m) => m.title?.startsWith('Drill'));
    const id = questionOf(tcpCard);
    const click =
      id === 't-handshake-count'
        ? await app.click(bob, actionOf(tcpCard, 'B').id)
        : await app.click(bob, actionOf(tcpCard, 'select').id, ['A', 'B', 'C', 'D']);
    const next = click.responses.find((r) => r.message.title?.startsWith('Drill 2/2'));
    expect(next?.kind).toBe(id === 't-handshake-count' ? 'update' : 'reply');
    expect(click.messages[0]?.tone).toBe('correct');
  });

  it('resumes at the same question after a restart of the bot', async () => {
    app = createTestApp();
    const cy = app.user('cy');
    const start = await app.text(cy, '/drill count=3');
    await app.text(cy, `/answer ${RIGHT[questionOf(card(start))]}`);
    const session = await app.deps.drills.get(app.channel, cy.userId);
    expect(session?.step).toBe(1);
    // A new process: a new Bot over the same Redis.
    const restarted = app.anotherBot().bot;
    const platform = new RecordingPlatform();
    const resumed = await platform.deliver(restarted, { kind: 'text', text: '/drill resume', channel: app.channel, user: cy });
    expect(resumed.messages[0]?.title).toMatch(/^Drill 2\/3 · /);
    expect(questionOf(resumed.messages[0])).toBe(session?.questionIds[1]);
    expect(instanceIdOf(resumed.messages[0])).toBe(`drill-${session?.id}-2`);
    const answered = await platform.deliver(restarted, {
      kind: 'text',
      text: `/answer ${RIGHT[session?.questionIds[1] ?? '']}`,
      channel: app.channel,
      user: cy,
    });
    expect(answered.messages.at(-1)?.title).toMatch(/^Drill 3\/3/);
  });

  it('serves due reviews before new questions (controlled clock)', async () => {
    const clock = new FixedClock(new Date('2026-12-01T09:00:00Z'));
    app = createTestApp({ clock });
    const dee = app.user('dee');
    await app.text(dee, '/quiz g-gil-name');
    await app.text(dee, '/answer LOCK'); // wrong: "again", due within minutes
    const card0 = await app.deps.reviews.get(app.channel, dee.userId, 'g-gil-name');
    expect(card0?.card.reps).toBe(1);
    expect(card0?.card.state).toBe('learning');
    clock.advance(3600_000);
    const [first] = (await app.text(dee, '/drill count=2')).filter((m) => m.title?.startsWith('Drill'));
    expect(questionOf(first)).toBe('g-gil-name');
    expect(first?.footer).toContain('1 review(s) due today, 1 new');
  });

  it('moves the member’s card on for quiz, daily and mock answers too', async () => {
    app = createTestApp();
    const eve = app.user('eve');
    const admin = app.user('admin', { isAdmin: true });
    await app.text(eve, '/quiz t-handshake-count');
    await app.text(eve, '/answer B');
    await app.text(admin, '/daily set 09:00 topic=gil');
    await app.text(admin, '/daily now');
    const daily = app.platform.posts[0]?.message;
    await app.text(eve, `/answer ${RIGHT[questionOf({ ...daily, title: daily?.title?.split(' · ').at(-1) } as OutboundMessage)] ?? 'GIL'}`);
    const { openInstance } = await import('../../src/core/instances/open-instance.js');
    await openInstance(app.deps, {
      id: 'mock-1',
      questionId: 't-flags',
      mode: 'mock',
      channel: app.channel,
      audience: { kind: 'participants', userIds: [eve.userId] },
      createdAt: Date.now() + 10,
      state: 'open',
    });
    await app.text(eve, '/answer A B');
    await app.text(admin, '/daily reveal'); // a secret daily answer moves the card at its reveal
    const seen = await app.deps.reviews.seen(app.channel, eve.userId);
    // The quiz, the daily question (a gil one) and the mock round each left a card.
    expect(seen.size).toBe(3);
    expect(seen.has('t-handshake-count') && seen.has('t-flags')).toBe(true);
    expect((await app.deps.reviews.get(app.channel, eve.userId, 't-flags'))?.card.state).not.toBe('new');
  });

  it('a duplicate delivery of the same answer changes nothing, and an old step’s button is refused', async () => {
    app = createTestApp();
    const fay = app.user('fay');
    const [first] = (await app.text(fay, '/drill tcp count=2')).filter((m) => m.title?.startsWith('Drill'));
    const event = { kind: 'text' as const, text: `/answer ${RIGHT[questionOf(first)]}`, channel: app.channel, user: fay, deliveryId: 'd1' };
    const once = await app.send(event);
    const twice = await app.send(event);
    expect(once.length).toBeGreaterThan(0);
    expect(twice).toEqual([]);
    expect((await app.deps.drills.get(app.channel, fay.userId))?.step).toBe(1);
    expect((await app.deps.stats.get(app.channel, fay.userId)).answered).toBe(1);
    // The first card's controls belong to a step that is over.
    const stale = await app.click(fay, first?.actions?.[0]?.id ?? '', ['A']);
    expect(stale.messages[0]?.text).toMatch(/already answered|not the current one/);
    expect((await app.deps.drills.get(app.channel, fay.userId))?.step).toBe(1);
  });

  it('explains bad drill requests and offers to resume or start over a running one', async () => {
    app = createTestApp();
    const gus = app.user('gus');
    const [zero] = await app.text(gus, '/drill count=0');
    expect(zero?.text).toContain('count must be a whole number from 1 to 20');
    const [many] = await app.text(gus, '/drill count=500');
    expect(many?.text).toContain('not "500"');
    const [unknown] = await app.text(gus, '/drill astrology');
    expect(unknown?.text).toContain('No topic or question called "astrology"');
    const [stop] = await app.text(gus, '/drill stop');
    expect(stop?.text).toContain('no drill in progress');
    await app.text(gus, '/drill gil count=2');
    const [offer] = await app.text(gus, '/drill tcp');
    expect(offer?.text).toContain('drill in progress here (1/2)');
    const startOver = await app.click(gus, actionOf(offer, 'Start over').id);
    expect(startOver.messages.map((m) => m.title)).toEqual(['Drill summary', expect.stringMatching(/^Drill 1\/2 · t-/)]);
  });

  it('/stats shows answers, accuracy, streak, reviews due and mastery bars, and respects a hidden member', async () => {
    app = createTestApp();
    const hal = app.user('hal');
    await app.text(hal, '/quiz t-handshake-count');
    await app.text(hal, '/answer B');
    await app.text(hal, '/quiz g-gil-name');
    await app.text(hal, '/answer nope');
    const [stats] = await app.text(hal, '/stats');
    expect(stats?.title).toBe('Stats · hal');
    expect(stats?.text).toContain('2 answered, 50% right');
    expect(stats?.text).toContain('Reviews due today: 1');
    expect(stats?.text).toMatch(/██████████ 100%\s+TCP & UDP \(1\)/);
    expect(stats?.text).toMatch(/░{10}\s+0%\s+The GIL \(1\)/);
    const ivy = app.user('ivy');
    const [other] = await app.text(ivy, `/stats <@${hal.userId}>`);
    expect(other?.title).toBe('Stats · hal');
    await app.text(hal, '/leaderboard hide-me');
    const [hidden] = await app.text(ivy, `/stats <@${hal.userId}>`);
    expect(hidden?.text).toContain('hal keeps their stats private');
  });
});
