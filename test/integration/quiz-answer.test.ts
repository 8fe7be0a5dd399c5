import { afterEach, describe, expect, it } from 'vitest';
import { actionOf, instanceIdOf } from '../support/actions.js';
import { createTestApp, FixedClock } from '../support/test-app.js';

let app: ReturnType<typeof createTestApp>;
afterEach(async () => {
  await app.close();
  expect(app.errors).toEqual([]);
});

describe('/quiz, /answer and /leaderboard on real Redis', () => {
  it('shows a question with its id, grades a typed answer, records points and ranks the user', async () => {
    app = createTestApp();
    const ann = app.user('ann');
    const [card] = await app.text(ann, '/quiz t-handshake-count');
    expect(card?.title).toContain('t-handshake-count');
    expect(card?.visibility).toBe('private');
    expect(card?.text).not.toContain('SYN+ACK'); // the option's "why" stays hidden
    expect(card?.actions?.map((a) => ('label' in a ? a.label : a.type))).toEqual(['A', 'B', 'C']);
    expect(card?.actions?.map((a) => a.twin)).toEqual(['/answer A', '/answer B', '/answer C']);

    const replies = await app.text(ann, '/answer b');
    expect(replies[0]?.tone).toBe('correct');
    expect(replies[0]?.text).toContain('+20');
    expect(replies[1]?.title).toBe('Solution');

    const [board, standing] = await app.text(ann, '/leaderboard');
    expect(board?.text).toContain('1. ann · 20');
    expect(standing?.visibility).toBe('private');
    expect(standing?.text).toContain('#1 with 20 points');
  });

  it('does not grade an unknown option letter or an empty answer, and lets the user answer again', async () => {
    app = createTestApp();
    const bob = app.user('bob');
    await app.text(bob, '/quiz t-handshake-count');
    const [unknown] = await app.text(bob, '/answer Z');
    expect(unknown?.tone).toBe('error');
    expect(unknown?.text).toMatch(/A.*B.*C/s);
    const [several] = await app.text(bob, '/answer A B');
    expect(several?.tone).toBe('error');
    // Nothing typed: the answer form where the platform has forms, a usage message where it has not.
    const form = await app.interact({ kind: 'text', text: '/answer', channel: app.channel, user: bob });
    expect(form.messages).toEqual([]);
    expect(form.forms[0]?.inputs.map((i) => i.id)).toEqual(['answer']);
    app.platform.capabilities = { ...app.platform.capabilities, forms: false };
    const [empty] = await app.text(bob, '/answer');
    expect(empty?.tone).toBe('error');
    expect(empty?.text).toContain('Missing <text>');
    const [graded] = await app.text(bob, '/answer three');
    expect(graded?.tone).toBe('correct');
  });

  it('locks in the first answer: a second answer or a double click scores nothing more', async () => {
    app = createTestApp();
    const cy = app.user('cy');
    const [card] = await app.text(cy, '/quiz t-flags');
    const select = actionOf(card, 'select').id;
    const first = (await app.click(cy, select, ['A', 'B'])).messages;
    expect(first[0]?.tone).toBe('partial');
    const again = (await app.click(cy, select, ['A', 'B', 'C', 'D'])).messages;
    expect(again[0]?.text).toContain('already answered');
    const standing = await app.deps.leaderboards.standing({ workspace: app.channel, period: 'all' }, cy.userId);
    expect(standing?.points).toBe(5); // (2 right - 0 wrong) / 4 correct * 10
  });

  it('scores once under 1,000 concurrent submissions of the same user', async () => {
    app = createTestApp();
    const dee = app.user('dee');
    const [card] = await app.text(dee, '/quiz t-flags');
    const instanceId = instanceIdOf(card);
    const select = actionOf(card, 'select').id;
    const results = await Promise.all(Array.from({ length: 1000 }, () => app.click(dee, select, ['A', 'B', 'C', 'D'])));
    const graded = results.filter((r) => r.messages[0]?.tone === 'correct');
    expect(graded).toHaveLength(1);
    const standing = await app.deps.leaderboards.standing({ workspace: app.channel, period: 'all' }, dee.userId);
    expect(standing?.points).toBe(10);
    expect((await app.deps.instances.stats(app.channel, instanceId)).answered).toBe(1);
  });

  it('drops a duplicate platform delivery of the same event', async () => {
    app = createTestApp();
    const eve = app.user('eve');
    await app.text(eve, '/quiz t-handshake-count');
    const event = { kind: 'text' as const, text: '/answer B', channel: app.channel, user: eve, deliveryId: 'delivery-1' };
    expect(await app.send(event)).toHaveLength(2);
    expect(await app.send(event)).toHaveLength(0);
  });

  it('scores a question once per user in personal practice', async () => {
    app = createTestApp();
    const fay = app.user('fay');
    await app.text(fay, '/quiz t-handshake-count');
    await app.text(fay, '/answer B');
    await app.text(fay, '/quiz t-handshake-count');
    const [second] = await app.text(fay, '/answer B');
    expect(second?.text).toContain('only your first attempt at a question scores');
    const standing = await app.deps.leaderboards.standing({ workspace: app.channel, period: 'all' }, fay.userId);
    expect(standing?.points).toBe(20);
  });

  it('after a wrong first attempt, a right answer later says only the first attempt scores, never "already scored"', async () => {
    app = createTestApp();
    const gil = app.user('gil');
    await app.text(gil, '/quiz t-handshake-count');
    expect((await app.text(gil, '/answer A'))[0]?.tone).toBe('wrong');
    await app.text(gil, '/quiz t-handshake-count');
    const [right] = await app.text(gil, '/answer B');
    expect(right?.tone).toBe('correct');
    expect(right?.text).toContain('No points this time: in practice only your first attempt at a question scores.');
    expect(right?.text).not.toMatch(/scored (on )?this question before|already scored/);
  });

  it('a near-miss spelling is not graded: the question stays open and the corrected answer scores', async () => {
    app = createTestApp();
    const ida = app.user('ida');
    await app.text(ida, '/quiz g-gil-name');
    const typo = await app.text(ida, '/answer global interpreter lok');
    expect(typo).toHaveLength(1); // no solution: the question is still open
    expect(typo[0]?.tone).toBe('error');
    expect(typo[0]?.text).toContain('Close: check the spelling and answer again');
    const [right] = await app.text(ida, '/answer global interpreter lock');
    expect(right?.tone).toBe('correct');
    expect(right?.text).toContain('+10');
  });

  it('a second /quiz says it replaces the unanswered one; /answer names its question and takes id=', async () => {
    app = createTestApp();
    const jo = app.user('jo');
    const first = await app.text(jo, '/quiz t-handshake-count');
    expect(first).toHaveLength(1); // nothing pending: no notice
    const [card, notice] = await app.text(jo, '/quiz t-flags');
    expect(card?.title).toContain('t-flags');
    expect(notice?.visibility).toBe('private');
    expect(notice?.text).toBe('This replaces your unanswered question t-handshake-count: /answer now goes to t-flags.');
    const [wrongId] = await app.text(jo, '/answer id=t-handshake-count B');
    expect(wrongId?.tone).toBe('error');
    expect(wrongId?.text).toContain('Question t-handshake-count is not one you can answer here now. Open here: t-flags.');
    const [graded] = await app.text(jo, '/answer id=t-flags A B C D');
    expect(graded?.title).toBe('Your answer to t-flags');
    expect(graded?.tone).toBe('correct');
    // Answered: the next /quiz replaces nothing.
    expect(await app.text(jo, '/quiz t-handshake-count')).toHaveLength(1);
  });

  it('keeps answers to someone else’s personal question out', async () => {
    app = createTestApp();
    const [card] = await app.text(app.user('gus'), '/quiz t-flags');
    const [reply] = (await app.click(app.user('hal'), actionOf(card, 'select').id, ['A'])).messages;
    expect(reply?.tone).toBe('error');
    expect(reply?.text).toContain('someone else');
  });

  it('works through a topic before repeating a question for the same user', async () => {
    app = createTestApp({ random: Math.random });
    const pat = app.user('pat');
    const titles = [];
    for (let i = 0; i < 2; i++) {
      const [card] = await app.text(pat, '/quiz tcp-udp');
      titles.push(card?.title);
    }
    expect(new Set(titles).size).toBe(2);
  });

  it('matches a topic word and explains an unknown one', async () => {
    app = createTestApp();
    const [card] = await app.text(app.user('ivy'), '/quiz tcp');
    expect(card?.title).toMatch(/t-flags|t-handshake-count/);
    const [unknown] = await app.text(app.user('ivy'), '/quiz astrology');
    expect(unknown?.text).toContain('No topic or question called "astrology"');
  });

  it('answers in the language the user chose with /lang', async () => {
    app = createTestApp();
    const jo = app.user('jo');
    await app.text(jo, '/lang zh');
    const [card] = await app.text(jo, '/quiz t-handshake-count');
    expect(card?.text).toContain('建立 TCP 连接要交换几个报文段？');
    expect(card?.title).toContain('题目');
  });
});

describe('leaderboards', () => {
  it('shows the top 10, the caller’s rank outside it, ties by who reached the score first, and hide-me', async () => {
    const clock = new FixedClock(new Date('2026-11-23T10:00:00Z'));
    app = createTestApp({ clock });
    for (let i = 0; i < 12; i++) {
      const u = app.user(`p${String(i).padStart(2, '0')}`);
      await app.text(u, '/quiz t-handshake-count');
      // Same clock for everyone: the order of answering alone must break the tie.
      // p00..p10 answer right (20 points each); p11 answers wrong (0 points).
      await app.text(u, i < 11 ? '/answer B' : '/answer A');
    }
    const last = app.user('p10');
    const [board, mine] = await app.text(last, '/leaderboard');
    const rows = board?.text.split('\n') ?? [];
    expect(rows).toHaveLength(10);
    expect(rows[0]).toBe('1. p00 · 20'); // first to reach 20 wins the tie
    expect(rows[9]).toBe('10. p09 · 20');
    expect(mine?.text).toContain('#11 with 20 points');
    // Zero points: not on the board at all.
    const [, zero] = await app.text(app.user('p11'), '/leaderboard');
    expect(zero?.text).toContain('no points on this board');
    expect(await app.redis.zscore(app.keys.board(app.channel, undefined, 'all'), 'U-p11')).toBeNull();

    await app.text(app.user('p00'), '/leaderboard hide-me');
    const [after, mineAfter] = await app.text(last, '/leaderboard');
    expect(after?.text.split('\n')[0]).toBe('1. p01 · 20');
    expect(mineAfter?.text).toContain('#10 with 20 points');
    // A hidden member's own standing never appears in the public board, only in a private follow-up.
    const [publicBoard, own] = await app.text(app.user('p00'), '/leaderboard');
    expect(publicBoard?.visibility).toBe('public');
    expect(`${publicBoard?.title} ${publicBoard?.text} ${publicBoard?.footer ?? ''}`).not.toMatch(/#1 with 20|hidden|p00/);
    expect(own?.visibility).toBe('private');
    expect(own?.text).toContain('#1 with 20 points');
    expect(own?.text).toContain('hidden');
  });

  it('rolls weekly and monthly boards over at period boundaries', async () => {
    const clock = new FixedClock(new Date('2026-11-29T23:59:00Z')); // Sunday, last week of November
    app = createTestApp({ clock });
    const kim = app.user('kim');
    await app.text(kim, '/quiz t-handshake-count');
    await app.text(kim, '/answer B');
    clock.at = new Date('2026-11-30T00:01:00Z'); // Monday: new ISO week, same month
    const [week, weekMine] = await app.text(kim, '/leaderboard week');
    expect(week?.title).toContain('2026-W49');
    expect(weekMine?.text).toContain('no points on this board');
    const [, month] = await app.text(kim, '/leaderboard month');
    expect(month?.text).toContain('#1 with 20 points');
    clock.at = new Date('2026-12-01T00:01:00Z');
    const [december, decemberMine] = await app.text(kim, '/leaderboard month');
    expect(december?.title).toContain('2026-12');
    expect(decemberMine?.text).toContain('no points on this board');
    const [, all] = await app.text(kim, '/leaderboard all');
    expect(all?.text).toContain('#1 with 20 points');
    const ttl = await app.redis.pttl(app.keys.board(app.channel, undefined, 'week', '2026-W48'));
    expect(ttl).toBeGreaterThan(0);
  });

  it('keeps a per-channel board next to the server board', async () => {
    app = createTestApp();
    const lee = app.user('lee');
    const other = { ...app.channel, channelId: 'C2' };
    await app.text(lee, '/quiz t-handshake-count', other);
    await app.text(lee, '/answer B', other);
    const [, here] = await app.text(lee, '/leaderboard channel');
    expect(here?.text).toContain('no points on this board');
    const [, there] = await app.text(lee, '/leaderboard all channel', other);
    expect(there?.text).toContain('#1 with 20 points');
    const [, server] = await app.text(lee, '/leaderboard');
    expect(server?.text).toContain('#1 with 20 points');
  });
});

describe('the Bot as the one error sink', () => {
  it('renders user mistakes privately and logs unexpected failures once with a short apology', async () => {
    app = createTestApp();
    const mo = app.user('mo');
    const [unknown] = await app.text(mo, '/frobnicate');
    expect(unknown).toMatchObject({ visibility: 'private', tone: 'error' });
    expect(unknown?.text).toContain('Unknown command "/frobnicate"');

    app.deps.leaderboards.top = async () => {
      throw new Error('redis went away');
    };
    const [apology] = await app.text(mo, '/leaderboard');
    expect(apology?.text).toContain('Sorry, something went wrong');
    expect(apology?.text).not.toContain('redis went away');
    expect(app.errors.splice(0)).toHaveLength(1);
  });

  it('gates admin commands', async () => {
    app = createTestApp();
    const [denied] = await app.text(app.user('nia'), '/daily now');
    expect(denied?.text).toBe('Only admins can use /daily now.');
    expect(app.platform.posts).toHaveLength(0);
  });
});

describe('open questions', () => {
  it('grades by key points, shows the reference, and takes a self-rating by button or /rate', async () => {
    app = createTestApp();
    const ola = app.user('ola');
    const [nothing] = await app.text(ola, '/rate good');
    expect(nothing?.text).toContain('no answered open question');
    const [card] = await app.text(ola, '/quiz g-why-gil');
    expect(actionOf(card, 'form-button').twin).toBe('/answer <text>');
    const [graded] = await app.text(ola, '/answer Reference counting is not thread-safe, and it keeps things simple.');
    expect(graded?.actions?.map((a) => a.twin)).toEqual(['/rate again', '/rate hard', '/rate good', '/rate easy']);
    expect(await app.deps.instances.rateable(app.channel, ola.userId)).toBe('id1');
    expect(graded?.text).toContain('C extensions are easier'); // listed as missed
    const [saved] = await app.text(ola, '/rate good');
    expect(saved?.text).toContain('Saved your rating');
    const instanceId = instanceIdOf(graded);
    const [byButton] = (await app.click(ola, actionOf(graded, 'easy').id)).messages;
    expect(byButton?.text).toContain('Saved your rating');
    expect(await app.redis.hget(app.keys.instanceRatings(app.channel, instanceId), ola.userId)).toBe('easy');
  });
});

describe('/topics', () => {
  it('lists each topic with its short names and question count; /help quiz points to it', async () => {
    app = createTestApp();
    const [topics] = await app.text(app.user('ray'), '/topics');
    const count = (topic: string) => app.deps.bank.pool({ topic: topic as 'tcp-udp' }).length;
    expect(topics?.text.split('\n')).toEqual([
      `**tcp-udp** (tcp, udp): TCP & UDP · ${count('tcp-udp')}`,
      `**gil**: The GIL · ${count('gil')}`,
    ]);
    expect(topics?.footer).toContain('/quiz tcp');
    const [help] = await app.text(app.user('ray'), '/help quiz');
    expect(help?.text).toContain('/topics lists the topics');
  });
});

describe('/skip', () => {
  it('closes the open /quiz question, shows its solution and scores nothing', async () => {
    app = createTestApp();
    const sam = app.user('sam');
    const [nothing] = await app.text(sam, '/skip');
    expect(nothing?.text).toContain('no open /quiz question');
    const [card] = await app.text(sam, '/quiz t-handshake-count');
    const [skipped] = await app.text(sam, '/skip');
    expect(skipped?.title).toBe('Skipped · t-handshake-count · no points');
    expect(skipped?.text).toContain('**Answer:** B');
    const [typed] = await app.text(sam, '/answer B');
    expect(typed?.text).toContain('no open question');
    const [clicked] = (await app.click(sam, actionOf(card, 'B').id)).messages;
    expect(clicked?.tone).not.toBe('correct');
    expect(await app.deps.leaderboards.standing({ workspace: app.channel, period: 'all' }, sam.userId)).toBeUndefined();
    // Nothing is pending any more: a new /quiz replaces nothing.
    expect(await app.text(sam, '/quiz t-flags')).toHaveLength(1);
    // Having seen the solution, the question scores nothing later either, and comes back soon.
    expect((await app.deps.reviews.get(app.channel, sam.userId, 't-handshake-count'))?.card.state).toBe('learning');
    await app.text(sam, '/quiz t-handshake-count');
    const [again] = await app.text(sam, '/answer B');
    expect(again?.text).toContain('No points this time');
    expect(await app.deps.leaderboards.standing({ workspace: app.channel, period: 'all' }, sam.userId)).toBeUndefined();
  });

  it('leaves a drill step to the drill', async () => {
    app = createTestApp();
    const dee = app.user('dee');
    await app.text(dee, '/drill count=2');
    const [refused] = await app.text(dee, '/skip');
    expect(refused?.text).toContain('/drill stop');
  });
});
