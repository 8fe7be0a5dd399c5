import type { BlockAction, SlashCommand, ViewStateValue, ViewSubmitAction } from '@slack/bolt';
import type { Locale } from '../../core/i18n/catalog.js';
import type { ChannelRef, InboundEvent, MessageRef, UserRef } from '../../core/types.js';

/** What users.info (cached) tells about a member, decided once in slack-users.ts. */
export interface SlackMember {
  userId: string;
  displayName: string;
  locale?: Locale | undefined;
  timezone?: string | undefined;
  isAdmin: boolean;
}

/** Slack's `zh-CN`, `zh-TW`... read as Chinese, every other locale as English. */
export function slackLocale(locale: string | undefined): Locale | undefined {
  if (!locale) return undefined;
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function userRefOf(member: SlackMember): UserRef {
  return { platform: 'slack', ...member };
}

export function channelRef(teamId: string, channelId: string): ChannelRef {
  return { platform: 'slack', workspaceId: teamId, channelId };
}

/**
 * `/prep quiz tcp` arrives as the text `quiz tcp`: the core's grammar reads it as `/quiz tcp`.
 * Nothing after `/prep` is `/help`; a slash typed out of habit (`/prep /quiz`) is forgiven. Slack
 * escapes &, < and > in what was typed (mentions it inserts, `<@U123|ann>`, stay as they are).
 */
export function commandText(text: string): string {
  const typed = text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const words = typed.trim().replace(/^\/+/, '');
  return words ? `/${words}` : '/help';
}

/**
 * A delivery id the same for Slack's retries of one request and different for every new click or
 * submission: the trigger id, which Slack mints per interaction (scoped by team).
 */
const deliveryId = (teamId: string, triggerId: string | undefined) => (triggerId ? `${teamId}:${triggerId}` : undefined);

export function commandEvent(body: SlashCommand, member: SlackMember): InboundEvent {
  return {
    kind: 'text',
    text: commandText(body.text),
    deliveryId: deliveryId(body.team_id, body.trigger_id),
    channel: channelRef(body.team_id, body.channel_id),
    user: userRefOf(member),
  };
}

/** The workspace an interaction belongs to (an org-wide install may leave `team` out). */
export function teamOf(body: Pick<BlockAction | ViewSubmitAction, 'team' | 'user' | 'enterprise'>): string {
  return body.team?.id ?? body.user.team_id ?? body.enterprise?.id ?? 'unknown-team';
}

/** Where a form came from, carried through the modal in `private_metadata` (Slack sends it back). */
export interface FormOrigin {
  channelId?: string | undefined;
  /** The response_url of the click or command that opened the form: the feedback goes there. */
  responseUrl?: string | undefined;
}

export function encodeFormOrigin(origin: FormOrigin): string {
  return JSON.stringify({ c: origin.channelId, r: origin.responseUrl });
}

export function decodeFormOrigin(metadata: string | undefined): FormOrigin {
  try {
    const parsed: unknown = JSON.parse(metadata || '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    const { c, r } = parsed as { c?: unknown; r?: unknown };
    return { channelId: typeof c === 'string' ? c : undefined, responseUrl: typeof r === 'string' ? r : undefined };
  } catch {
    return {};
  }
}

/** The channel of an interaction; a click in a view (App Home, a modal) has none, so the member's DM stands in. */
export function actionChannelId(body: BlockAction): string {
  const container = body.container as { channel_id?: unknown };
  return body.channel?.id ?? (typeof container.channel_id === 'string' ? container.channel_id : undefined) ?? body.user.id;
}

/** The message a clicked button sits on, if it sits on one. */
export function clickedMessage(body: BlockAction, channel: ChannelRef): MessageRef | undefined {
  const container = body.container as { type?: unknown; message_ts?: unknown; is_ephemeral?: unknown };
  if (container.type !== 'message' || typeof container.message_ts !== 'string') return undefined;
  return { channel, messageId: container.message_ts, visibility: container.is_ephemeral === true ? 'private' : 'public' };
}

/** The options ticked in the checkboxes or menu that carry `actionId`, from the message's state. */
function selectedValues(body: BlockAction, actionId: string): string[] | undefined {
  for (const block of Object.values(body.state?.values ?? {})) {
    const element: ViewStateValue | undefined = block[actionId];
    if (element?.selected_options) return element.selected_options.map((o) => o.value);
  }
  return undefined;
}

/**
 * A block action as the core's event, or undefined for a tick in checkboxes or a menu: Slack sends
 * one per tick, and only the Submit button next to them (same action id) answers.
 */
export function actionEvent(body: BlockAction, member: SlackMember): Extract<InboundEvent, { kind: 'action' }> | undefined {
  const action = body.actions[0];
  if (action?.type !== 'button') return undefined;
  const teamId = teamOf(body);
  const channel = channelRef(teamId, actionChannelId(body));
  return {
    kind: 'action',
    actionId: action.action_id,
    values: selectedValues(body, action.action_id),
    message: clickedMessage(body, channel),
    deliveryId: deliveryId(teamId, body.trigger_id),
    channel,
    user: userRefOf(member),
  };
}

/** Each input's value by its id (the core's input id is both block id and action id). */
export function formFields(body: ViewSubmitAction): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const block of Object.values(body.view.state.values)) {
    for (const [actionId, element] of Object.entries(block)) fields[actionId] = element.value ?? '';
  }
  return fields;
}

export function formEvent(body: ViewSubmitAction, member: SlackMember): InboundEvent {
  const teamId = teamOf(body);
  const origin = decodeFormOrigin(body.view.private_metadata);
  return {
    kind: 'form',
    formId: body.view.callback_id,
    fields: formFields(body),
    deliveryId: deliveryId(teamId, body.trigger_id),
    channel: channelRef(teamId, origin.channelId ?? body.user.id),
    user: userRefOf(member),
  };
}
