import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SlackPlatform } from '../../src/adapters/slack/slack-platform.js';
import type { EventSink } from '../../src/core/bot.js';
import { ChannelGoneError } from '../../src/core/jobs/job-errors.js';
import { createLogger } from '../../src/infra/logger.js';
import {
  appHomeOpenedEvent,
  FAKE_CHANNEL,
  FAKE_TEAM,
  type FakeSlack,
  nowSeconds,
  type RecordedCall,
  type ResponseUrlPost,
  sendBlockAction,
  sendEvent,
  sendSlashCommand,
  sendViewSubmission,
  startFakeSlack,
} from '../support/fake-slack/index.js';
import { createTestApp } from '../support/test-app.js';

/**
 * The real Bolt app (HTTP receiver, signature checks) and the real core on a real Redis, against the
 * fake Slack Web API: every request is signed like Slack's, every answer is read back from the fake.
 */

const signingSecret = 'slack-e2e-signing-secret';
const members = {
  ann: { id: 'U0ANN', name: 'ann', real_name: 'Ann Lee', tz: 'Europe/Berlin', locale: 'en-US' },
  bob: { id: 'U0BOB', name: 'bob', real_name: 'Bob Stone', tz: 'America/New_York', locale: 'en-US' },
  wei: { id: 'U0WEI', name: 'wei', real_name: 'Wang Wei', tz: 'Asia/Shanghai', locale: 'zh-CN' },
  admin: { id: 'U0ADMIN', name: 'ada', real_name: 'Ada Admin', tz: 'UTC', locale: 'en-GB', is_admin: true },
  listed: { id: 'U0LISTED', name: 'lee', real_name: 'Lee Listed', tz: 'UTC', locale: 'en-GB' },
  cy: { id: 'U0CY', name: 'cy', real_name: 'Cy Multi', tz: 'UTC', locale: 'en-US' },
  dee: { id: 'U0DEE', name: 'dee', real_name: 'Dee Form', tz: 'UTC', locale: 'en-US' },
  dru: { id: 'U0DRU', name: 'dru', real_name: 'Dru Drill', tz: 'UTC', locale: 'en-US' },
};

interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}
const logs: LogLine[] = [];
const logStream = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split('\n').filter(Boolean)) logs.push(JSON.parse(line) as LogLine);
    done();
  },
});

let fake: FakeSlack;
let slack: SlackPlatform;
let app: ReturnType<typeof createTestApp>;
let url: string;

function newPlatform(port = 0): SlackPlatform {
  return new SlackPlatform({
    botToken: 'xoxb-e2e',
    signingSecret,
    apiUrl: fake.apiUrl,
    admins: [members.listed.id],
    port,
    host: '127.0.0.1',
    defaultLocale: 'en',
    logger: createLogger('debug', logStream),
    retryConfig: { retries: 0 },
  });
}

beforeAll(async () => {
  fake = await startFakeSlack({ users: Object.values(members) });
  slack = newPlatform();
  app = createTestApp({ platforms: { slack } });
  await slack.start(app.bot);
  url = `http://127.0.0.1:${slack.port}/slack/events`;
});

afterAll(async () => {
  await slack?.stop();
  await app?.close();
  await fake?.close();
});

afterEach(() => {
  // The core logs nothing unexpected in any of these conversations.
  expect(app.errors).toEqual([]);
});

type Member = (typeof members)[keyof typeof members];
const slash = (who: Member, text: string, responseId: string, extra: { channelId?: string; triggerId?: string } = {}) =>
  sendSlashCommand(url, signingSecret, { text, userId: who.id, userName: who.name, responseUrl: fake.responseUrl(responseId), ...extra });

interface Element {
  type: string;
  action_id?: string;
  /** A plain or mrkdwn text object (buttons), or the text itself (context elements). */
  text?: { text: string } | string;
  options?: Array<{ value: string; text: { text: string } }>;
}
interface SlackBlock {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: Element[];
  fields?: Array<{ text: string }>;
}
const blocksOf = (body: { blocks?: unknown }): SlackBlock[] => (body.blocks ?? []) as SlackBlock[];
const textOf = (body: { blocks?: unknown; text?: unknown }): string =>
  [
    String(body.text ?? ''),
    ...blocksOf(body).flatMap((b) => [
      b.text?.text ?? '',
      ...(b.fields ?? []).map((f) => f.text),
      ...(b.elements ?? []).map((e) => (typeof e.text === 'string' ? e.text : (e.text?.text ?? ''))),
    ]),
  ].join('\n');
function element(body: { blocks?: unknown }, match: (e: Element) => boolean): { blockId: string; element: Element } {
  for (const b of blocksOf(body)) {
    const found = (b.elements ?? []).find(match);
    if (found) return { blockId: b.block_id ?? '', element: found };
  }
  throw new Error(`no such element in ${JSON.stringify(body.blocks)}`);
}
const buttonId = (body: { blocks?: unknown }, label: string) =>
  element(body, (e) => e.type === 'button' && typeof e.text === 'object' && e.text.text === label).element.action_id ?? '';
const responses = (id: string) => fake.responsesTo(id).map((r) => r.body);
const settle = () => new Promise((r) => setTimeout(r, 300));

/** Answers the daily question a chat.postMessage call posted: option A's button, or every box and Submit. */
async function answerDaily(post: RecordedCall, who: Member, responseId: string): Promise<void> {
  const ts = (post.response.body as { ts: string }).ts;
  const card = post.args as { blocks?: unknown };
  const first = element(card, (e) => e.type === 'checkboxes' || e.type === 'button');
  const actionId = first.element.action_id ?? '';
  const all = (first.element.options ?? []).map((o) => ({ value: o.value, text: { type: 'plain_text' as const, text: o.value } }));
  const state =
    first.element.type === 'checkboxes' ? { [first.blockId]: { [actionId]: { type: 'checkboxes', selected_options: all } } } : undefined;
  await sendBlockAction(url, signingSecret, {
    actionId,
    value: first.element.type === 'button' ? 'A' : '',
    state,
    userId: who.id,
    userName: who.name,
    channelId: String(post.args.channel),
    messageTs: ts,
    responseUrl: fake.responseUrl(responseId),
  });
}

describe('slash command /prep', () => {
  it('/prep quiz is acknowledged with an empty 200 and answered privately through the response_url', async () => {
    const started = Date.now();
    const res = await slash(members.ann, 'quiz t-handshake-count', 'quiz-1');
    expect([res.status, res.body]).toEqual([200, '']);
    expect(Date.now() - started).toBeLessThan(3000);

    const card = (await fake.waitForResponse('quiz-1')).body;
    expect(card.response_type).toBe('ephemeral');
    expect(card.replace_original).toBe(false);
    expect(blocksOf(card)[0]).toMatchObject({ type: 'header', text: { text: '📝 Question t-handshake-count' } });
    expect(textOf(card)).toContain('How many segments open a TCP connection?');
    expect(['A', 'B', 'C'].map((l) => buttonId(card, l))).toEqual([
      expect.stringMatching(/^p1:own:/),
      expect.stringMatching(/^p1:own:.*:B$/),
      expect.stringMatching(/^p1:own:/),
    ]);
    // The locale, zone and role come from users.info with include_locale.
    const info = await fake.waitForCall('users.info', 2000, (c) => c.args.user === members.ann.id);
    expect(info.args.include_locale).toBe('true');
  });

  it('/prep with nothing is /prep help, and the help speaks of /prep commands, not bare ones', async () => {
    await slash(members.ann, '', 'help-1');
    const help = (await fake.waitForResponse('help-1')).body;
    expect(textOf(help)).toContain('PrepBot commands');
    expect(textOf(help)).toContain('/prep quiz [target]');
    expect(textOf(help)).not.toMatch(/(^|[\s`])\/quiz/m);
    // The member was looked up once for both commands: users.info is cached.
    expect(fake.callsTo('users.info').filter((c) => c.args.user === members.ann.id)).toHaveLength(1);
  });

  it('an unknown subcommand and a bad option get a clear private message with the usage', async () => {
    await slash(members.ann, 'frobnicate now', 'bad-1');
    const unknown = (await fake.waitForResponse('bad-1')).body;
    expect(unknown.response_type).toBe('ephemeral');
    expect(textOf(unknown)).toContain('Unknown command "/frobnicate". Type /prep help to see the commands.');

    await slash(members.admin, 'daily set 9am', 'bad-2');
    const usage = (await fake.waitForResponse('bad-2')).body;
    expect(usage.response_type).toBe('ephemeral');
    expect(textOf(usage)).toContain('"9am" is not a time');

    await slash(members.ann, 'lang fr', 'bad-3');
    expect(textOf((await fake.waitForResponse('bad-3')).body)).toContain('locale must be one of: zh, en. Usage: `/prep lang <locale>`');
  });

  it('answers a zh-CN member in Chinese', async () => {
    await slash(members.wei, 'quiz t-handshake-count', 'zh-1');
    const card = (await fake.waitForResponse('zh-1')).body;
    expect(textOf(card)).toContain('建立 TCP 连接要交换几个报文段？');
    expect(textOf(card)).toContain('题目 t-handshake-count');
    await slash(members.wei, 'help', 'zh-2');
    expect(textOf((await fake.waitForResponse('zh-2')).body)).toContain('PrepBot 命令');
  });
});

describe('request verification', () => {
  it('rejects a forged signature and a stale timestamp with 401, and nothing else happens', async () => {
    const before = { calls: fake.calls.length, deliveries: app.platform.interactions.length };
    const forged = await sendSlashCommand(
      url,
      signingSecret,
      { text: 'quiz', userId: members.bob.id, responseUrl: fake.responseUrl('forged') },
      { corruptSignature: true },
    );
    const wrongSecret = await sendSlashCommand(url, 'not-the-secret', { text: 'quiz', responseUrl: fake.responseUrl('forged') });
    const stale = await sendSlashCommand(
      url,
      signingSecret,
      { text: 'quiz', responseUrl: fake.responseUrl('forged') },
      { timestampSeconds: nowSeconds() - 6 * 60 },
    );
    expect([forged.status, wrongSecret.status, stale.status]).toEqual([401, 401, 401]);
    await settle();
    expect(fake.calls.length).toBe(before.calls);
    expect(fake.responsesTo('forged')).toEqual([]);
    expect(logs.filter((l) => /signature mismatch/.test(l.msg))).toHaveLength(2);
    expect(logs.some((l) => /stale/.test(l.msg))).toBe(true);
  });
});

describe('buttons', () => {
  it('grades a button answer once, even when Slack delivers the same click again with X-Slack-Retry-Num', async () => {
    await slash(members.bob, 'quiz t-handshake-count', 'own-card');
    const card = (await fake.waitForResponse('own-card')).body;
    const click = {
      actionId: buttonId(card, 'B'),
      userId: members.bob.id,
      userName: members.bob.name,
      triggerId: '1733300000.4242.0000b0b0',
      responseUrl: fake.responseUrl('own-click'),
      container: { type: 'message', message_ts: '1733300000.000200', channel_id: FAKE_CHANNEL.id, is_ephemeral: true },
    };
    const first = await sendBlockAction(url, signingSecret, click);
    expect([first.status, first.body]).toEqual([200, '']);
    // Grade, solution, then the card itself replaced with the pick marked.
    await fake.waitForResponse('own-click', 3000, (r) => r.body.replace_original === true);
    const [grade, solution, updated] = responses('own-click');
    expect(textOf(grade ?? {})).toContain('Correct');
    expect(grade?.response_type).toBe('ephemeral');
    expect(textOf(solution ?? {})).toContain('The three-way handshake');
    expect(updated?.replace_original).toBe(true);
    expect(JSON.stringify(updated?.blocks)).toContain('*B* ✓');

    const retried = await sendBlockAction(url, signingSecret, click, { retryNum: 1, retryReason: 'http_timeout' });
    expect(retried.status).toBe(200);
    await settle();
    expect(responses('own-click')).toHaveLength(3); // the retry was dropped: nothing new
    const standing = await app.deps.leaderboards.standing(
      { workspace: { platform: 'slack', workspaceId: FAKE_TEAM.id }, period: 'all' },
      members.bob.id,
    );
    expect(standing?.points).toBeGreaterThan(0);
    const points = standing?.points;

    // A second click (a new interaction, so a new trigger id) scores nothing either: the first answer counts.
    await sendBlockAction(url, signingSecret, {
      ...click,
      triggerId: '1733300001.4242.0000b0b1',
      responseUrl: fake.responseUrl('own-again'),
    });
    expect(textOf((await fake.waitForResponse('own-again')).body)).toContain('already answered');
    const after = await app.deps.leaderboards.standing(
      { workspace: { platform: 'slack', workspaceId: FAKE_TEAM.id }, period: 'all' },
      members.bob.id,
    );
    expect(after?.points).toBe(points);
  });

  it('answers a multi-choice question with checkboxes: ticks are only acknowledged, Submit answers', async () => {
    await slash(members.cy, 'quiz t-flags', 'multi-card');
    const card = (await fake.waitForResponse('multi-card')).body;
    const boxes = element(card, (e) => e.type === 'checkboxes');
    expect(boxes.element.options?.map((o) => o.text.text)).toEqual(['A. SYN', 'B. RST', 'C. ACK', 'D. URG']);
    const actionId = boxes.element.action_id ?? '';
    expect(buttonId(card, 'Submit answer')).toBe(actionId);
    const container = { type: 'message', message_ts: '1733300000.000300', channel_id: FAKE_CHANNEL.id, is_ephemeral: true };
    const who = { userId: members.cy.id, userName: members.cy.name, container };

    const ticked = [{ value: 'A' }, { value: 'B' }, { value: 'C' }, { value: 'D' }];
    const tick = await sendBlockAction(url, signingSecret, {
      ...who,
      actionId,
      blockId: boxes.blockId,
      selectedOptions: ticked.slice(0, 2),
      responseUrl: fake.responseUrl('multi-tick'),
    });
    expect(tick.status).toBe(200);

    const nothing = { [boxes.blockId]: { [actionId]: { type: 'checkboxes', selected_options: [] } } };
    await sendBlockAction(url, signingSecret, {
      ...who,
      actionId,
      value: '',
      state: nothing,
      responseUrl: fake.responseUrl('multi-empty'),
    });
    expect(textOf((await fake.waitForResponse('multi-empty')).body)).toContain('Choose at least one option');

    const state = {
      [boxes.blockId]: {
        [actionId]: {
          type: 'checkboxes',
          selected_options: ticked.map((o) => ({ ...o, text: { type: 'plain_text' as const, text: o.value } })),
        },
      },
    };
    await sendBlockAction(url, signingSecret, { ...who, actionId, value: '', state, responseUrl: fake.responseUrl('multi-submit') });
    const grade = (await fake.waitForResponse('multi-submit')).body;
    expect(textOf(grade)).toContain('Correct');
    await settle();
    expect(fake.responsesTo('multi-tick')).toEqual([]);
  });
});

describe('drills', () => {
  it('runs a drill of two questions through its buttons and checkboxes, replacing the session message each step', async () => {
    await slash(members.dru, 'drill tcp count=2', 'drill-start');
    let session = (await fake.waitForResponse('drill-start')).body;
    const titles = [textOf(session).match(/Drill \d\/2/)?.[0]];
    const container = { type: 'message', message_ts: '1733300000.000900', channel_id: FAKE_CHANNEL.id, is_ephemeral: true };
    const who = { userId: members.dru.id, userName: members.dru.name, container };
    for (let step = 1; step <= 2; step++) {
      const responseId = `drill-step-${step}`;
      const boxes = blocksOf(session).some((b) => (b.elements ?? []).some((e) => e.type === 'checkboxes'));
      if (boxes) {
        const { blockId, element: e } = element(session, (x) => x.type === 'checkboxes');
        const all = (e.options ?? []).map((o) => ({ value: o.value, text: { type: 'plain_text' as const, text: o.value } }));
        const state = { [blockId]: { [e.action_id ?? '']: { type: 'checkboxes', selected_options: all } } };
        await sendBlockAction(url, signingSecret, {
          ...who,
          actionId: e.action_id ?? '',
          value: '',
          state,
          responseUrl: fake.responseUrl(responseId),
        });
      } else {
        await sendBlockAction(url, signingSecret, { ...who, actionId: buttonId(session, 'B'), responseUrl: fake.responseUrl(responseId) });
      }
      const replaced = await fake.waitForResponse(responseId, 3000, (r) => r.body.replace_original === true);
      expect(textOf(responses(responseId)[0] ?? {})).toContain('Correct'); // the grade first, privately
      session = replaced.body;
      titles.push(textOf(session).match(/Drill \d\/2|Drill summary/)?.[0]);
    }
    expect(titles).toEqual(['Drill 1/2', 'Drill 2/2', 'Drill summary']);
    expect(textOf(session)).toContain('2/2 right');
  });
});

describe('mock interviews', () => {
  it('runs a one-round panel with two members who join through the Join button', async () => {
    const channel = 'C0MOCK';
    fake.workspace.channels.set(channel, { id: channel, name: 'mock' });
    await slash(members.ann, 'mock start tcp rounds=1 seconds=30', 'mock-start', { channelId: channel });
    const lobby = (await fake.waitForResponse('mock-start')).body;
    expect(lobby.response_type).toBe('in_channel');
    expect(textOf(lobby)).toContain('Mock interview · lobby');
    const channelContainer = { type: 'message', message_ts: '1733300000.000700', channel_id: channel, is_ephemeral: false };
    await sendBlockAction(url, signingSecret, {
      actionId: buttonId(lobby, 'Join'),
      userId: members.bob.id,
      userName: members.bob.name,
      channelId: channel,
      container: channelContainer,
      responseUrl: fake.responseUrl('mock-join'),
    });
    expect(textOf((await fake.waitForResponse('mock-join')).body)).toContain('You are in');
    await slash(members.ann, 'mock begin', 'mock-begin', { channelId: channel });
    const round = await fake.waitForCall(
      'chat.postMessage',
      3000,
      (c) => c.args.channel === channel && textOf(c.args).includes('Round 1/1'),
    );
    for (const who of [members.ann, members.bob]) await answerDaily(round, who, `mock-answer-${who.name}`);
    for (const who of [members.ann, members.bob])
      expect(textOf((await fake.waitForResponse(`mock-answer-${who.name}`)).body)).toContain('Answer recorded');
    const results = await fake.waitForCall(
      'chat.postMessage',
      3000,
      (c) => c.args.channel === channel && textOf(c.args).includes('Round 1/1 results'),
    );
    expect(textOf(results.args)).toContain('Right, in order');
    const final = await fake.waitForCall(
      'chat.postMessage',
      3000,
      (c) => c.args.channel === channel && textOf(c.args).includes('final results'),
    );
    expect(textOf(final.args)).toContain('Podium');
  });
});

describe('forms', () => {
  async function openAnswerForm(responseId: string, triggerId: string): Promise<RecordedCall> {
    await slash(members.dee, 'quiz g-gil-name', `${responseId}-card`);
    const card = (await fake.waitForResponse(`${responseId}-card`)).body;
    await sendBlockAction(url, signingSecret, {
      actionId: buttonId(card, 'Answer'),
      userId: members.dee.id,
      userName: members.dee.name,
      triggerId,
      responseUrl: fake.responseUrl(responseId),
      container: { type: 'message', message_ts: '1733300000.000400', channel_id: FAKE_CHANNEL.id, is_ephemeral: true },
    });
    return fake.waitForCall('views.open', 3000, (c) => c.args.trigger_id === triggerId);
  }

  it('an open answer goes through a modal; an answer that does not parse stays on its field until fixed', async () => {
    const opened = await openAnswerForm('form-1', '1733300000.4242.00000f01');
    expect(opened.response.body).toMatchObject({ ok: true });
    const view = opened.args.view as {
      callback_id: string;
      private_metadata: string;
      blocks: Array<{ block_id: string; element: { multiline: boolean } }>;
    };
    expect(view.callback_id).toMatch(/^p1:f-answer:/);
    expect(JSON.parse(view.private_metadata)).toEqual({ c: FAKE_CHANNEL.id, r: fake.responseUrl('form-1') });
    const field = view.blocks[0]?.block_id ?? '';
    const submit = (value: string) =>
      sendViewSubmission(url, signingSecret, {
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata,
        userId: members.dee.id,
        userName: members.dee.name,
        values: { [field]: { [field]: { type: 'plain_text_input', value } } },
      });

    const blank = await submit('   ');
    expect(blank.status).toBe(200);
    expect(blank.json).toEqual({ response_action: 'errors', errors: { [field]: expect.stringContaining('Your answer is empty') } });

    const fixed = await submit('Global Interpreter Lock');
    expect([fixed.status, fixed.body]).toEqual([200, '']);
    const feedback = (await fake.waitForResponse('form-1', 3000, (r) => textOf(r.body).includes('Correct'))).body;
    expect(feedback.response_type).toBe('ephemeral');
  });

  it('a trigger id that expired gets one log line and a private message, never a crash', async () => {
    fake.expireTriggerId('1733300000.4242.00000f02');
    const failed = await openAnswerForm('form-2', '1733300000.4242.00000f02');
    expect(failed.response.body).toEqual({ ok: false, error: 'expired_trigger_id' });
    const told = (await fake.waitForResponse('form-2')).body;
    expect(textOf(told)).toContain('could not open in time');
    expect(logs.filter((l) => l.msg === 'could not open the answer form' && l.code === 'expired_trigger_id')).toHaveLength(1);
  });
});

describe('typed answers', () => {
  it('/prep answer with nothing typed opens the form with the command’s trigger id; with text it answers at once', async () => {
    await slash(members.ann, 'quiz g-gil-name', 'typed-card');
    await fake.waitForResponse('typed-card');
    await slash(members.ann, 'answer', 'typed-form', { triggerId: '1733300000.4242.0000aa01' });
    const opened = await fake.waitForCall('views.open', 3000, (c) => c.args.trigger_id === '1733300000.4242.0000aa01');
    expect(JSON.parse((opened.args.view as { private_metadata: string }).private_metadata)).toMatchObject({
      r: fake.responseUrl('typed-form'),
    });
    await slash(members.ann, 'answer global interpreter lock', 'typed-text');
    expect(textOf((await fake.waitForResponse('typed-text')).body)).toContain('Correct');
  });
});

describe('admin commands and scheduled posts', () => {
  it('an admin /prep daily now posts with chat.postMessage; a member is refused; SLACK_ADMINS counts', async () => {
    const channel = 'C0DAILY';
    fake.workspace.channels.set(channel, { id: channel, name: 'daily' });
    await slash(members.bob, 'daily now', 'daily-refused', { channelId: channel });
    expect(textOf((await fake.waitForResponse('daily-refused')).body)).toContain('Only admins can use /prep daily now.');
    expect(fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel)).toEqual([]);

    await slash(members.admin, 'daily now', 'daily-ok', { channelId: channel });
    const post = await fake.waitForCall('chat.postMessage', 3000, (c) => c.args.channel === channel);
    expect(post.response.body).toMatchObject({ ok: true });
    expect(textOf(post.args as { blocks?: unknown })).toContain('Daily question');
    expect(post.args.metadata).toEqual({
      event_type: 'prepbot_post',
      event_payload: { key: expect.stringMatching(/^post:daily-C0DAILY-/) },
    });
    expect(textOf((await fake.waitForResponse('daily-ok')).body)).toContain('Posted question');

    await slash(members.listed, 'daily status', 'daily-listed', { channelId: channel });
    expect(textOf((await fake.waitForResponse('daily-listed')).body)).toContain('Open question');

    // The reveal goes to the channel, and the question message is replaced: no more buttons, answers closed.
    await slash(members.admin, 'daily reveal', 'daily-reveal', { channelId: channel });
    expect(textOf((await fake.waitForResponse('daily-reveal')).body)).toContain('Revealed');
    const reveal = await fake.waitForCall(
      'chat.postMessage',
      3000,
      (c) => c.args.channel === channel && textOf(c.args).includes('Revealed'),
    );
    expect(reveal.args.metadata).toMatchObject({ event_payload: { key: expect.stringMatching(/^reveal:/) } });
    const closed = await fake.waitForCall('chat.update', 3000, (c) => c.args.channel === channel);
    expect(closed.args.ts).toBe((post.response.body as { ts: string }).ts);
    expect(blocksOf(closed.args).map((b) => b.type)).not.toContain('actions');
    expect(textOf(closed.args)).toContain('Answers are closed');
  });

  it('a post retried after a failure finds its first attempt in the history instead of posting twice', async () => {
    const channel = { platform: 'slack' as const, workspaceId: FAKE_TEAM.id, channelId: 'C0RETRY' };
    fake.workspace.channels.set(channel.channelId, { id: channel.channelId });
    const first = await slack.post(channel, { visibility: 'public', text: 'once' }, { idempotencyKey: 'post:retry-1' });
    const again = await slack.post(channel, { visibility: 'public', text: 'once' }, { idempotencyKey: 'post:retry-1', retry: true });
    expect(again).toEqual(first);
    expect(fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel.channelId)).toHaveLength(1);
    // Only the retry looked through the history: a first post costs one call.
    expect(fake.callsTo('conversations.history').filter((c) => c.args.channel === channel.channelId)).toHaveLength(1);
  });

  it('a deleted channel fails the post for good (ChannelGoneError), with Slack’s reason', async () => {
    const channel = { platform: 'slack' as const, workspaceId: FAKE_TEAM.id, channelId: 'C0GONE' };
    fake.failNext('chat.postMessage', 'channel_not_found');
    await expect(slack.post(channel, { visibility: 'public', text: 'x' }, { idempotencyKey: 'post:gone' })).rejects.toThrow(
      ChannelGoneError,
    );
    // A channel the bot was not invited to, and cannot join (private), fails the same way.
    fake.failNext('chat.postMessage', 'not_in_channel');
    await expect(slack.post(channel, { visibility: 'public', text: 'x' }, { idempotencyKey: 'post:private' })).rejects.toThrow(
      'slack refused a post in C0GONE: not_in_channel',
    );
    await expect(slack.post(channel, { visibility: 'public', text: 'x' }, { idempotencyKey: 'post:gone2' })).resolves.toMatchObject({
      visibility: 'public',
    });
  });
});

describe('App Home', () => {
  it('publishes the member’s points, rank and streak on app_home_opened, in their language', async () => {
    const channel = 'C0HOME';
    fake.workspace.channels.set(channel, { id: channel });
    await slash(members.admin, 'daily set 09:00 topic=tcp-udp feedback=instant', 'home-set', { channelId: channel });
    expect((await fake.waitForResponse('home-set')).body.response_type).toBe('in_channel');
    await slash(members.admin, 'daily now', 'home-daily', { channelId: channel });
    const post = await fake.waitForCall('chat.postMessage', 3000, (c) => c.args.channel === channel);
    await answerDaily(post, members.wei, 'home-answer');
    await fake.waitForResponse('home-answer');

    const res = await sendEvent(url, signingSecret, appHomeOpenedEvent({ userId: members.wei.id }));
    expect(res.status).toBe(200);
    const publish = await fake.waitForCall('views.publish', 3000, (c) => c.args.user_id === members.wei.id);
    expect(publish.response.body).toMatchObject({ ok: true });
    const home = JSON.stringify(publish.args.view);
    expect(home).toContain('"type":"home"');
    expect(home).toContain('已连续 1 天');
    expect(home).toContain('今天待复习');
    expect(home).toContain('/prep quiz');

    await sendEvent(url, signingSecret, appHomeOpenedEvent({ userId: members.ann.id }));
    const annHome = await fake.waitForCall('views.publish', 3000, (c) => c.args.user_id === members.ann.id);
    expect(JSON.stringify(annHome.args.view)).toContain('answer a daily question to start one');
  });
});

describe('acknowledging first', () => {
  it('acknowledges within 3 seconds even when the core takes longer, then answers', async () => {
    const slowSink: EventSink = {
      ackPlan: (event, capabilities) => app.bot.ackPlan(event, capabilities),
      suggest: () => [],
      home: (ws, user) => app.bot.home(ws, user),
      handle: async (event, responder) => {
        await new Promise((r) => setTimeout(r, 3500));
        await app.bot.handle(event, responder);
      },
    };
    const slow = newPlatform();
    await slow.start(slowSink);
    try {
      const started = Date.now();
      const res = await sendSlashCommand(`http://127.0.0.1:${slow.port}/slack/events`, signingSecret, {
        text: 'help',
        userId: members.ann.id,
        responseUrl: fake.responseUrl('slow-1'),
      });
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(1000);
      const answered: ResponseUrlPost = await fake.waitForResponse('slow-1', 6000);
      expect(answered.at - started).toBeGreaterThanOrEqual(3500);
    } finally {
      await slow.stop();
    }
  });
});
