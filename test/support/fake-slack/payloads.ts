import type { BlockAction, EnvelopedEvent, SlashCommand, ViewOutput, ViewResponseUrl, ViewStateValue, ViewSubmitAction } from '@slack/bolt';
import { FAKE_APP, FAKE_CHANNEL, FAKE_TEAM, FAKE_USER } from './defaults.js';

/** What Slack sends to the app, shaped like the real payloads (field names and nesting checked against Bolt's types). */

export type ViewStateValues = Record<string, Record<string, ViewStateValue>>;

// Slack always sends a response_url with commands and message actions. Leaving it out would silently make Bolt drop
// respond(), so a forgotten one points at a port nothing listens on: respond() then fails loudly instead.
export const UNREACHABLE_RESPONSE_URL = 'http://127.0.0.1:9/response/not-configured';

let sequence = 0;
const next = () => ++sequence;

/** Slack's trigger ids look like '<seconds>.<team number>.<hex>'; they only need to be unique here. */
export const newTriggerId = (): string => `${Math.floor(Date.now() / 1000)}.4242.${next().toString(16).padStart(8, '0')}`;
const actionTs = (): string => (Date.now() / 1000).toFixed(6);

interface Who {
  userId?: string;
  userName?: string;
  teamId?: string;
  teamDomain?: string;
}

const user = (who: Who) => ({
  id: who.userId ?? FAKE_USER.id,
  username: who.userName ?? FAKE_USER.name,
  name: who.userName ?? FAKE_USER.name,
  team_id: who.teamId ?? FAKE_TEAM.id,
});
const team = (who: Who) => ({ id: who.teamId ?? FAKE_TEAM.id, domain: who.teamDomain ?? FAKE_TEAM.domain });

export interface SlashCommandInput extends Who {
  command?: string;
  text?: string;
  channelId?: string;
  channelName?: string;
  triggerId?: string;
  responseUrl?: string;
}

/** The form fields of a slash command, in Slack's order. */
export function slashCommandBody(input: SlashCommandInput = {}): SlashCommand {
  return {
    token: FAKE_APP.verificationToken,
    team_id: input.teamId ?? FAKE_TEAM.id,
    team_domain: input.teamDomain ?? FAKE_TEAM.domain,
    channel_id: input.channelId ?? FAKE_CHANNEL.id,
    channel_name: input.channelName ?? FAKE_CHANNEL.name,
    user_id: input.userId ?? FAKE_USER.id,
    user_name: input.userName ?? FAKE_USER.name,
    command: input.command ?? '/prep',
    text: input.text ?? '',
    api_app_id: FAKE_APP.appId,
    is_enterprise_install: 'false',
    response_url: input.responseUrl ?? UNREACHABLE_RESPONSE_URL,
    trigger_id: input.triggerId ?? newTriggerId(),
  };
}

export interface SelectedOptionInput {
  value: string;
  text?: string;
}

export interface BlockActionInput extends Who {
  actionId: string;
  blockId?: string;
  /** A button's value. */
  value?: string;
  /** Checkboxes: every box ticked after the click (Slack sends the whole selection, not the delta). */
  selectedOptions?: SelectedOptionInput[];
  /** Defaults to 'button', or 'checkboxes' when selectedOptions is given. */
  actionType?: string;
  channelId?: string;
  channelName?: string;
  messageTs?: string;
  /** Extra fields of the message that holds the block (text, blocks, metadata...). */
  message?: Record<string, unknown>;
  container?: Record<string, unknown>;
  triggerId?: string;
  responseUrl?: string;
  /** When set, the action comes from a modal or App Home view: no channel, message or response_url. */
  viewId?: string;
  view?: Partial<ViewOutput>;
  state?: ViewStateValues;
}

export type BlockActionPayload = Omit<BlockAction, 'response_url'> & { response_url?: string };

export function blockActionPayload(input: BlockActionInput): BlockActionPayload {
  const blockId = input.blockId ?? 'prep_block';
  const selected = input.selectedOptions;
  const type = input.actionType ?? (selected ? 'checkboxes' : 'button');
  const action: Record<string, unknown> = { type, action_id: input.actionId, block_id: blockId, action_ts: actionTs() };
  if (selected) {
    action.selected_options = selected.map((o) => ({ text: { type: 'plain_text', text: o.text ?? o.value, emoji: true }, value: o.value }));
  } else {
    action.value = input.value;
    action.text = { type: 'plain_text', text: input.value ?? input.actionId, emoji: true };
  }
  const base = {
    type: 'block_actions' as const,
    user: user(input),
    api_app_id: FAKE_APP.appId,
    token: FAKE_APP.verificationToken,
    trigger_id: input.triggerId ?? newTriggerId(),
    team: team(input),
    is_enterprise_install: false,
    state: { values: input.state ?? {} },
    // Bolt narrows the action type by its `type`; a plain record is the honest shape of what goes over the wire.
    actions: [action as unknown as BlockAction['actions'][number]],
  };
  if (input.viewId !== undefined) {
    return {
      ...base,
      container: input.container ?? { type: 'view', view_id: input.viewId },
      view: { ...viewOutput({ id: input.viewId, type: 'modal', state: { values: input.state ?? {} } }), ...input.view },
      ...(input.responseUrl !== undefined ? { response_url: input.responseUrl } : {}),
    };
  }
  const channelId = input.channelId ?? FAKE_CHANNEL.id;
  const ts = input.messageTs ?? '1733300000.000100';
  return {
    ...base,
    container: input.container ?? { type: 'message', message_ts: ts, channel_id: channelId, is_ephemeral: false },
    channel: { id: channelId, name: input.channelName ?? FAKE_CHANNEL.name },
    message: { type: 'message', user: FAKE_APP.botUserId, bot_id: FAKE_APP.botId, ts, text: '', blocks: [], ...input.message },
    response_url: input.responseUrl ?? UNREACHABLE_RESPONSE_URL,
  };
}

/** A view as Slack echoes it back in interaction payloads and views.* answers. */
export function viewOutput(fields: Partial<ViewOutput> & { id: string }): ViewOutput {
  return {
    callback_id: '',
    team_id: FAKE_TEAM.id,
    app_installed_team_id: FAKE_TEAM.id,
    app_id: FAKE_APP.appId,
    bot_id: FAKE_APP.botId,
    title: { type: 'plain_text', text: 'PrepBot', emoji: true },
    type: 'modal',
    blocks: [],
    close: null,
    submit: null,
    state: { values: {} },
    hash: `${Math.floor(Date.now() / 1000)}.fake${next()}`,
    private_metadata: '',
    root_view_id: fields.id,
    previous_view_id: null,
    clear_on_close: false,
    notify_on_close: false,
    external_id: '',
    ...fields,
  };
}

export interface ViewSubmissionInput extends Who {
  callbackId: string;
  privateMetadata?: string;
  values?: ViewStateValues;
  viewId?: string;
  view?: Partial<ViewOutput>;
  triggerId?: string;
  /** Only when the modal has an input with response_url_enabled. */
  responseUrls?: ViewResponseUrl[];
}

export function viewSubmissionPayload(input: ViewSubmissionInput): ViewSubmitAction {
  const id = input.viewId ?? `V0FAKE${String(next()).padStart(4, '0')}`;
  return {
    type: 'view_submission',
    team: team(input),
    user: user(input),
    api_app_id: FAKE_APP.appId,
    token: FAKE_APP.verificationToken,
    trigger_id: input.triggerId ?? newTriggerId(),
    view: viewOutput({
      id,
      callback_id: input.callbackId,
      private_metadata: input.privateMetadata ?? '',
      state: { values: input.values ?? {} },
      submit: { type: 'plain_text', text: 'Submit', emoji: true },
      ...input.view,
    }),
    response_urls: input.responseUrls ?? [],
    is_enterprise_install: false,
  };
}

export interface EnvelopeInput {
  teamId?: string;
  eventId?: string;
  eventTime?: number;
}

/** The Events API envelope around an inner event (what Slack POSTs as JSON). */
export function eventCallbackBody<E extends { type: string }>(event: E, input: EnvelopeInput = {}): EnvelopedEvent<E> {
  const teamId = input.teamId ?? FAKE_TEAM.id;
  return {
    token: FAKE_APP.verificationToken,
    team_id: teamId,
    context_team_id: teamId,
    api_app_id: FAKE_APP.appId,
    event,
    type: 'event_callback',
    event_id: input.eventId ?? `Ev0FAKE${String(next()).padStart(6, '0')}`,
    event_time: input.eventTime ?? Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: teamId, user_id: FAKE_APP.botUserId, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

export interface AppHomeOpenedInput {
  userId?: string;
  /** The app's DM with the user. */
  channelId?: string;
  tab?: 'home' | 'messages';
  view?: ViewOutput;
}

export function appHomeOpenedEvent(input: AppHomeOpenedInput = {}) {
  return {
    type: 'app_home_opened' as const,
    user: input.userId ?? FAKE_USER.id,
    channel: input.channelId ?? 'D0FAKE001',
    tab: input.tab ?? 'home',
    event_ts: actionTs(),
    ...(input.view ? { view: input.view } : {}),
  };
}

export const urlVerificationBody = (challenge: string) => ({ token: FAKE_APP.verificationToken, challenge, type: 'url_verification' });
