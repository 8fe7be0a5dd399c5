import type { AddressInfo } from 'node:net';
import { App, type BlockAction, type Logger, LogLevel, webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appHomeOpenedEvent,
  FAKE_APP,
  FAKE_TEAM,
  type FakeSlack,
  nowSeconds,
  sendBlockAction,
  sendEvent,
  sendSlashCommand,
  sendUrlVerification,
  sendViewSubmission,
  startFakeSlack,
} from '../support/fake-slack/index.js';

const signingSecret = 'e2e-signing-secret';
const bob = { id: 'U0BOB', name: 'bob', real_name: 'Bob Builder', tz: 'Asia/Kolkata', locale: 'hi-IN', is_admin: true };
const questionBlocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Q1* What does TCP_NODELAY do?' } }];

/** Bolt's own logs, kept so the test can show how the receiver reports a rejected request (and stay quiet). */
const logs: string[] = [];
const logger: Logger = {
  debug: () => {},
  info: (...m: unknown[]) => logs.push(`info ${m.join(' ')}`),
  warn: (...m: unknown[]) => logs.push(`warn ${m.join(' ')}`),
  error: (...m: unknown[]) => logs.push(`error ${m.join(' ')}`),
  setLevel: () => {},
  getLevel: () => LogLevel.INFO,
  setName: () => {},
};

const seen = {
  commands: 0,
  actions: [] as { actionId: string; value?: string; selected?: (string | undefined)[]; retryNum?: number; retryReason?: string }[],
};

let fake: FakeSlack;
let app: App;
let url: string;

beforeAll(async () => {
  fake = await startFakeSlack({ users: [bob] });
  app = new App({ token: 'xoxb-test', signingSecret, logger, clientOptions: { slackApiUrl: fake.apiUrl } });

  app.command('/prep', async ({ command, ack, respond, client }) => {
    seen.commands++;
    await ack();
    const { user } = await client.users.info({ user: command.user_id, include_locale: true });
    await client.chat.postMessage({
      channel: command.channel_id,
      text: 'Q1: What does TCP_NODELAY do?',
      blocks: questionBlocks,
      metadata: { event_type: 'prep_question', event_payload: { question_id: 'q1' } },
    });
    await respond({ response_type: 'ephemeral', text: `Posted for ${user?.real_name} (${user?.locale}, ${user?.tz})` });
  });

  app.action<BlockAction>({ action_id: /^answer/ }, async ({ ack, action, context }) => {
    // Recorded before ack(): without processBeforeResponse the HTTP response leaves at ack(), not when this returns.
    seen.actions.push({
      actionId: action.action_id,
      ...(action.type === 'button' && action.value !== undefined ? { value: action.value } : {}),
      ...(action.type === 'checkboxes' ? { selected: action.selected_options.map((o) => o.value) } : {}),
      retryNum: context.retryNum,
      retryReason: context.retryReason,
    });
    await ack();
  });

  app.view('answer_modal', async ({ ack, view }) => {
    const answer = view.state.values.answer_block?.answer_input?.value;
    if (!answer) await ack({ response_action: 'errors', errors: { answer_block: 'Type an answer first' } });
    else await ack();
  });

  app.event('app_home_opened', async ({ event, client }) => {
    await client.views.publish({
      user_id: event.user,
      view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Your streak: 3' } }] },
    });
  });

  const server = await app.start({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

describe('the real Bolt App against the fake Slack', () => {
  it('verifies the bot token with auth.test as soon as the App is constructed', async () => {
    const call = await fake.waitForCall('auth.test');
    expect(call.token).toBe('xoxb-test');
    expect(call.response.body).toMatchObject({ ok: true, user_id: FAKE_APP.botUserId, team_id: FAKE_TEAM.id });
  });

  it('answers a signed slash command with 200 and runs the handler end to end', async () => {
    const res = await sendSlashCommand(url, signingSecret, {
      text: 'tcp',
      userId: bob.id,
      userName: bob.name,
      channelId: 'C0PREP',
      responseUrl: fake.responseUrl('cmd-1'),
    });
    expect(res.status).toBe(200);
    expect(res.body).toBe('');

    const info = await fake.waitForCall('users.info', 2000, (c) => c.args.user === bob.id);
    expect(info.args.include_locale).toBe('true');
    expect(info.response.body).toMatchObject({ user: { id: bob.id, locale: 'hi-IN', is_admin: true } });

    const post = await fake.waitForCall('chat.postMessage', 2000, (c) => c.args.channel === 'C0PREP');
    expect(post.token).toBe('xoxb-test');
    // Bolt's per-team client adds team_id to every call; blocks arrive as JSON the fake has parsed back.
    expect(post.args).toMatchObject({ team_id: FAKE_TEAM.id, text: 'Q1: What does TCP_NODELAY do?', blocks: questionBlocks });
    expect(post.response.body).toMatchObject({ ok: true, channel: 'C0PREP', ts: expect.stringMatching(/^\d{10}\.\d{6}$/) });

    const reply = await fake.waitForResponse('cmd-1');
    expect(reply.body).toEqual({ response_type: 'ephemeral', text: 'Posted for Bob Builder (hi-IN, Asia/Kolkata)' });
  });

  it('rejects a forged signature with 401 before any handler runs', async () => {
    const before = { commands: seen.commands, calls: fake.calls.length };
    const res = await sendSlashCommand(url, signingSecret, { responseUrl: fake.responseUrl('forged') }, { corruptSignature: true });
    const wrongSecret = await sendSlashCommand(url, 'not-the-secret', { responseUrl: fake.responseUrl('forged') });
    expect([res.status, wrongSecret.status]).toEqual([401, 401]);
    expect(res.body).toBe('');
    expect(seen.commands).toBe(before.commands);
    expect(fake.calls.length).toBe(before.calls);
    expect(fake.responsesTo('forged')).toEqual([]);
    expect(logs).toContain('warn Failed to parse and verify the request data: Failed to verify authenticity: signature mismatch');
  });

  it('rejects a correctly signed request whose timestamp is 6 minutes old', async () => {
    const before = seen.commands;
    const res = await sendSlashCommand(url, signingSecret, {}, { timestampSeconds: nowSeconds() - 6 * 60 });
    expect(res.status).toBe(401);
    expect(seen.commands).toBe(before);
    expect(logs.some((l) => l.includes('request is stale'))).toBe(true);
  });

  it('hands a retried block action to the handler, with retryNum and retryReason in the context', async () => {
    const res = await sendBlockAction(
      url,
      signingSecret,
      { actionId: 'answer_b', value: 'B', messageTs: '1733300000.000100', responseUrl: fake.responseUrl('act-1') },
      { retryNum: 1, retryReason: 'http_timeout' },
    );
    expect(res.status).toBe(200);
    expect(seen.actions.at(-1)).toEqual({ actionId: 'answer_b', value: 'B', retryNum: 1, retryReason: 'http_timeout' });

    await sendBlockAction(url, signingSecret, {
      actionId: 'answer_topics',
      selectedOptions: [{ value: 'tcp' }, { value: 'locks' }],
      responseUrl: fake.responseUrl('act-2'),
    });
    expect(seen.actions.at(-1)).toEqual({
      actionId: 'answer_topics',
      selected: ['tcp', 'locks'],
      retryNum: undefined,
      retryReason: undefined,
    });
  });

  it('returns the errors response_action of a view submission as the JSON body of the HTTP response', async () => {
    const values = { answer_block: { answer_input: { type: 'plain_text_input', value: null } } };
    const res = await sendViewSubmission(url, signingSecret, { callbackId: 'answer_modal', privateMetadata: '{"q":"q1"}', values });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.json).toEqual({ response_action: 'errors', errors: { answer_block: 'Type an answer first' } });

    const filled = { answer_block: { answer_input: { type: 'plain_text_input', value: 'Disables Nagle' } } };
    const ok = await sendViewSubmission(url, signingSecret, { callbackId: 'answer_modal', values: filled });
    expect([ok.status, ok.body]).toEqual([200, '']);
  });

  it('publishes the App Home on app_home_opened', async () => {
    const res = await sendEvent(url, signingSecret, appHomeOpenedEvent({ userId: bob.id }));
    expect(res.status).toBe(200);
    const publish = await fake.waitForCall('views.publish', 2000, (c) => c.args.user_id === bob.id);
    expect(publish.args.view).toMatchObject({ type: 'home', blocks: [{ type: 'section', text: { text: 'Your streak: 3' } }] });
    expect(publish.response.body).toMatchObject({ ok: true, view: { id: expect.stringMatching(/^V/), type: 'home' } });
  });

  it('answers url_verification with the challenge', async () => {
    const res = await sendUrlVerification(url, signingSecret, 'chal-123');
    expect([res.status, res.json]).toEqual([200, { challenge: 'chal-123' }]);
  });
});

describe('the fake Web API through the real WebClient', () => {
  const client = () => app.client;
  const platformError = (p: Promise<unknown>) =>
    p.then(
      () => 'resolved',
      (e: { data?: { error?: string } }) => e.data?.error,
    );

  it('keeps posted messages in conversations.history, newest first, with metadata only when asked', async () => {
    const channel = 'C0HISTORY';
    const first = await client().chat.postMessage({
      channel,
      text: 'one',
      metadata: { event_type: 'prep_question', event_payload: { question_id: 'q1' } },
    });
    const second = await client().chat.postMessage({ channel, text: 'two' });
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));

    const plain = await client().conversations.history({ channel });
    expect(plain.messages?.map((m) => m.text)).toEqual(['two', 'one']);
    expect(plain.messages?.[1]).not.toHaveProperty('metadata');
    const withMeta = await client().conversations.history({ channel, include_all_metadata: true });
    expect(withMeta.messages?.[1]?.metadata).toEqual({ event_type: 'prep_question', event_payload: { question_id: 'q1' } });

    const link = await client().chat.getPermalink({ channel, message_ts: second.ts ?? '' });
    expect(link.permalink).toBe(`${FAKE_TEAM.url}archives/${channel}/p${second.ts?.replace('.', '')}`);
  });

  it('answers like Slack for unknown users, expired or reused trigger ids and unknown methods', async () => {
    const view = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'Answer' }, blocks: [] };
    expect(await platformError(client().users.info({ user: 'U0NOBODY' }))).toBe('user_not_found');
    fake.expireTriggerId('123.456.expired');
    expect(await platformError(client().views.open({ trigger_id: '123.456.expired', view }))).toBe('expired_trigger_id');
    const opened = await client().views.open({ trigger_id: '123.456.fresh', view });
    expect(opened.view?.id).toMatch(/^V/);
    expect(await platformError(client().views.open({ trigger_id: '123.456.fresh', view }))).toBe('exchanged_trigger_id');
    expect(await platformError(client().apiCall('prep.nothing'))).toBe('unknown_method');
    expect(fake.callsTo('prep.nothing')).toHaveLength(1);
  });

  it('injects failures: a Slack error, then a 429 whose Retry-After web-api waits out', async () => {
    fake.failNext('chat.postMessage', 'channel_not_found');
    expect(await platformError(client().chat.postMessage({ channel: 'C0FAIL', text: 'x' }))).toBe('channel_not_found');

    // A client that retries at once, so only the Retry-After second is spent.
    const quick = new webApi.WebClient('xoxb-test', {
      slackApiUrl: fake.apiUrl,
      logger,
      retryConfig: { retries: 2, minTimeout: 0, maxTimeout: 0 },
    });
    fake.failNext('chat.postMessage', 429);
    const started = Date.now();
    const posted = await quick.chat.postMessage({ channel: 'C0FAIL', text: 'after the rate limit' });
    expect(posted.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const attempts = fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0FAIL');
    expect(attempts.map((c) => c.response.status)).toEqual([200, 429, 200]);
  });
});
