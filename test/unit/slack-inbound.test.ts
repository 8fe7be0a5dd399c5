import type { BlockAction } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { type SlackUserInfo, SlackUsers } from '../../src/adapters/slack/slack-users.js';
import {
  actionEvent,
  commandEvent,
  commandText,
  decodeFormOrigin,
  encodeFormOrigin,
  formEvent,
  type SlackMember,
  slackLocale,
} from '../../src/adapters/slack/to-inbound-event.js';
import { blockActionPayload, slashCommandBody, viewSubmissionPayload } from '../support/fake-slack/payloads.js';

const ann: SlackMember = { userId: 'U0ANN', displayName: 'Ann', locale: 'en', timezone: 'Europe/Berlin', isAdmin: false };

describe('Slack payloads to core events (pure)', () => {
  it.each([
    ['quiz tcp', '/quiz tcp'],
    ['  drill gil count=5 ', '/drill gil count=5'],
    ['daily set 09:30 tz=Asia/Shanghai', '/daily set 09:30 tz=Asia/Shanghai'],
    ['', '/help'],
    ['   ', '/help'],
    ['/quiz', '/quiz'],
    ['answer a &lt; b &amp;&amp; c &gt; d', '/answer a < b && c > d'],
    ['stats <@U0BOB|bob>', '/stats <@U0BOB|bob>'],
  ])('/prep %j reads as %j', (typed, text) => {
    expect(commandText(typed)).toBe(text);
  });

  it('maps a slash command with the trigger id as its delivery id', () => {
    const body = slashCommandBody({ text: 'quiz tcp', userId: 'U0ANN', channelId: 'C0X', triggerId: '1.2.abc' });
    expect(commandEvent(body, ann)).toEqual({
      kind: 'text',
      text: '/quiz tcp',
      deliveryId: 'T0FAKE001:1.2.abc',
      channel: { platform: 'slack', workspaceId: 'T0FAKE001', channelId: 'C0X' },
      user: { platform: 'slack', ...ann },
    });
  });

  it('maps a button click with the message it sits on, and ignores ticks in checkboxes', () => {
    const click = blockActionPayload({
      actionId: 'p1:own:i1:B',
      value: 'B',
      triggerId: '1.2.click',
      container: { type: 'message', message_ts: '17.1', channel_id: 'C0FAKE001', is_ephemeral: true },
    }) as BlockAction;
    expect(actionEvent(click, ann)).toMatchObject({
      kind: 'action',
      actionId: 'p1:own:i1:B',
      values: undefined,
      deliveryId: 'T0FAKE001:1.2.click',
      message: { messageId: '17.1', visibility: 'private', channel: { channelId: 'C0FAKE001' } },
    });
    const tick = blockActionPayload({ actionId: 'p1:pick:i1:', selectedOptions: [{ value: 'A' }] }) as BlockAction;
    expect(actionEvent(tick, ann)).toBeUndefined();
  });

  it('reads the ticked boxes from the message state when Submit is clicked', () => {
    const state = {
      'pick-3': {
        'p1:pick:i1:': {
          type: 'checkboxes',
          selected_options: [
            { value: 'A', text: { type: 'plain_text' as const, text: 'A' } },
            { value: 'C', text: { type: 'plain_text' as const, text: 'C' } },
          ],
        },
      },
    };
    const submit = blockActionPayload({ actionId: 'p1:pick:i1:', value: '', state }) as BlockAction;
    expect(actionEvent(submit, ann)?.values).toEqual(['A', 'C']);
  });

  it('maps a view submission to a form with each field, in the channel carried in private_metadata', () => {
    const metadata = encodeFormOrigin({ channelId: 'C0FORM', responseUrl: 'https://hooks.slack.com/x' });
    expect(decodeFormOrigin(metadata)).toEqual({ channelId: 'C0FORM', responseUrl: 'https://hooks.slack.com/x' });
    expect(decodeFormOrigin('not json')).toEqual({});
    const body = viewSubmissionPayload({
      callbackId: 'p1:f-answer:i1:',
      privateMetadata: metadata,
      triggerId: '1.2.view',
      values: { answer: { answer: { type: 'plain_text_input', value: 'GIL' } } },
    });
    expect(formEvent(body, ann)).toMatchObject({
      kind: 'form',
      formId: 'p1:f-answer:i1:',
      fields: { answer: 'GIL' },
      deliveryId: 'T0FAKE001:1.2.view',
      channel: { channelId: 'C0FORM' },
    });
  });

  it('reads zh-* Slack locales as Chinese and every other as English', () => {
    expect([slackLocale('zh-CN'), slackLocale('zh-TW'), slackLocale('en-GB'), slackLocale('ja-JP'), slackLocale(undefined)]).toEqual([
      'zh',
      'zh',
      'en',
      'en',
      undefined,
    ]);
  });
});

describe('members from users.info', () => {
  const info = (fields: Partial<SlackUserInfo> = {}): SlackUserInfo => ({
    id: 'U1',
    name: 'ann',
    real_name: 'Ann Lee',
    profile: { display_name: 'annie' },
    locale: 'zh-CN',
    tz: 'Asia/Shanghai',
    ...fields,
  });

  it('takes the locale, the zone and the role, and SLACK_ADMINS', async () => {
    const users = new SlackUsers(async (id) => (id === 'UOWNER' ? info({ is_owner: true }) : info()), { admins: ['ULISTED'] });
    expect(await users.member('T1', 'U1', 'fallback')).toEqual({
      userId: 'U1',
      displayName: 'annie',
      locale: 'zh',
      timezone: 'Asia/Shanghai',
      isAdmin: false,
    });
    expect((await users.member('T1', 'UOWNER', 'o')).isAdmin).toBe(true);
    expect((await users.member('T1', 'ULISTED', 'l')).isAdmin).toBe(true);
  });

  it('asks Slack once per member within the TTL, again after it', async () => {
    let now = 0;
    const asked: string[] = [];
    const users = new SlackUsers(
      async (id) => {
        asked.push(id);
        return info();
      },
      { admins: [], ttlMs: 1000, now: () => now },
    );
    await Promise.all([users.member('T1', 'U1', 'a'), users.member('T1', 'U1', 'a')]);
    now = 999;
    await users.member('T1', 'U1', 'a');
    expect(asked).toEqual(['U1']);
    now = 1000;
    await users.member('T1', 'U1', 'a');
    expect(asked).toEqual(['U1', 'U1']);
  });

  it('serves a member Slack cannot tell about from the payload, logs it once, and asks again later', async () => {
    let now = 0;
    const errors: string[] = [];
    let calls = 0;
    const users = new SlackUsers(
      async () => {
        calls++;
        throw Object.assign(new Error('user_not_found'), { code: 'slack_webapi_platform_error', data: { error: 'user_not_found' } });
      },
      { admins: ['UGONE'], failureTtlMs: 100, now: () => now, onLookupError: (_e, id) => errors.push(id) },
    );
    expect(await users.member('T1', 'UGONE', 'gone')).toEqual({ userId: 'UGONE', displayName: 'gone', isAdmin: true });
    await users.member('T1', 'UGONE', 'gone');
    expect([calls, errors]).toEqual([1, ['UGONE']]);
    now = 100;
    await users.member('T1', 'UGONE', 'gone');
    expect(calls).toBe(2);
  });
});
