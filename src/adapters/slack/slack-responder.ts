import type { webApi } from '@slack/bolt';
import type { Locale } from '../../core/i18n/catalog.js';
import type { ChannelRef, FormSpec, MessageRef, OutboundMessage, Responder } from '../../core/types.js';
import type { Logger } from '../../infra/logger.js';
import { fieldErrorText, renderMessage, renderModal, type SlackMessagePayload } from './render.js';
import { SLACK_CAPABILITIES } from './slack-capabilities.js';
import { slackErrorCode } from './slack-errors.js';
import { st } from './slack-messages.js';
import { encodeFormOrigin } from './to-inbound-event.js';

/** One interaction as the responder needs it: where, who, and the handles Slack gave for answering. */
export interface SlackInteraction {
  channel: ChannelRef;
  userId: string;
  /** Opens a modal within 3 seconds of the interaction, once. */
  triggerId?: string | undefined;
  /** Answers the interaction for 30 minutes, 5 times; works where the bot is not a channel member. */
  responseUrl?: string | undefined;
  /** The message the clicked action sits on. */
  message?: MessageRef | undefined;
  /** For the adapter's own lines (the member's /lang choice is the core's to apply). */
  locale: Locale;
}

export interface ResponderDeps {
  client: webApi.WebClient;
  logger: Logger;
}

type ResponseUrlBody = SlackMessagePayload & {
  response_type?: 'in_channel' | 'ephemeral';
  replace_original?: boolean;
};

async function postToResponseUrl(url: string, body: ResponseUrlBody): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`response_url answered ${res.status}`);
}

/** Errors of chat.postEphemeral after which the member can still be reached in their DM with the app. */
const NOT_HERE = new Set(['channel_not_found', 'not_in_channel', 'is_archived']);

/**
 * Answers one interaction that was already acknowledged (Slack's ack carries nothing here). Replies
 * go through the response_url, as Slack intends (ephemeral or in the channel, never replacing the
 * clicked message), and through the Web API when there is none or it has expired. `update` replaces
 * the clicked message: an ephemeral one through the response_url, a channel message with chat.update.
 */
export class SlackResponder implements Responder {
  readonly capabilities = SLACK_CAPABILITIES;

  constructor(
    private readonly i: SlackInteraction,
    private readonly deps: ResponderDeps,
  ) {}

  async reply(message: OutboundMessage): Promise<MessageRef | undefined> {
    const payload = renderMessage(message);
    if (this.i.responseUrl) {
      const responseType = message.visibility === 'public' ? 'in_channel' : 'ephemeral';
      try {
        await postToResponseUrl(this.i.responseUrl, { ...payload, response_type: responseType, replace_original: false });
        return undefined; // a response_url tells no message ts
      } catch (error) {
        this.deps.logger.debug({ err: error }, 'response_url failed; answering through the Web API');
      }
    }
    return this.postByApi(message, payload);
  }

  async update(message: OutboundMessage): Promise<MessageRef | undefined> {
    const clicked = this.i.message;
    if (!clicked || (clicked.visibility === 'private' && !this.i.responseUrl)) return this.reply(message);
    const payload = renderMessage(message);
    if (clicked.visibility === 'private' && this.i.responseUrl) {
      await postToResponseUrl(this.i.responseUrl, { ...payload, replace_original: true });
    } else {
      await this.deps.client.chat.update({ channel: clicked.channel.channelId, ts: clicked.messageId, ...payload });
    }
    return { ...clicked, visibility: message.visibility };
  }

  followUp(message: OutboundMessage): Promise<MessageRef | undefined> {
    return this.reply(message);
  }

  /** views.open with the trigger id; a trigger that expired (3 s) or was used gets one log line and a private word. */
  async openForm(form: FormSpec): Promise<void> {
    const origin = encodeFormOrigin({ channelId: this.i.channel.channelId, responseUrl: this.i.responseUrl });
    try {
      if (!this.i.triggerId) throw new Error('this interaction has no trigger id');
      await this.deps.client.views.open({ trigger_id: this.i.triggerId, view: renderModal(form, origin) });
    } catch (error) {
      const code = slackErrorCode(error);
      this.deps.logger.warn({ code, err: code ? undefined : error, userId: this.i.userId }, 'could not open the answer form');
      const expired = code === 'expired_trigger_id' || code === 'exchanged_trigger_id';
      await this.reply({ visibility: 'private', tone: 'error', text: st(this.i.locale, expired ? 'form-expired' : 'form-failed') });
    }
  }

  private async postByApi(message: OutboundMessage, payload: SlackMessagePayload): Promise<MessageRef | undefined> {
    const { client } = this.deps;
    const channel = this.i.channel;
    if (message.visibility === 'public') {
      const sent = await client.chat.postMessage({ channel: channel.channelId, ...payload });
      return sent.ts ? { channel, messageId: sent.ts, visibility: 'public' } : undefined;
    }
    try {
      const sent = await client.chat.postEphemeral({ channel: channel.channelId, user: this.i.userId, ...payload });
      return sent.message_ts ? { channel, messageId: sent.message_ts, visibility: 'private' } : undefined;
    } catch (error) {
      const code = slackErrorCode(error);
      if (!code || !NOT_HERE.has(code)) throw error;
      // The channel is gone or closed to the bot: the app's DM with the member still reaches them.
      this.deps.logger.warn({ code, channelId: channel.channelId, userId: this.i.userId }, 'ephemeral reply impossible; sent to the DM');
      const sent = await client.chat.postMessage({ channel: this.i.userId, ...payload });
      return sent.ts && sent.channel
        ? { channel: { ...channel, channelId: sent.channel }, messageId: sent.ts, visibility: 'private' }
        : undefined;
    }
  }
}

export type FormAckResponse = { response_action: 'errors'; errors: Record<string, string> };
export type ViewAck = (response?: FormAckResponse) => Promise<void>;

/**
 * A view submission must be acknowledged within 3 seconds, and only that acknowledgement can keep the
 * modal open with an error on the field. So the core runs before the ack, and the ack is given
 * exactly once: by the first reply, by `settle()` when the core is done, or by the deadline (then
 * any error comes as an ephemeral message instead).
 */
export class FormAck {
  private given: Promise<void> | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly ack: ViewAck,
    withinMs: number,
    onLateError: (error: unknown) => void,
  ) {
    this.timer = setTimeout(() => this.settle().catch(onLateError), withinMs);
  }

  get open(): boolean {
    return this.given === undefined;
  }

  settle(response?: FormAckResponse): Promise<void> {
    if (!this.given) {
      clearTimeout(this.timer);
      this.given = this.ack(response);
    }
    return this.given;
  }
}

/** The responder of a view submission: an error reply for the form stays on its field while the modal is open. */
export class SlackFormResponder implements Responder {
  readonly capabilities = SLACK_CAPABILITIES;

  constructor(
    private readonly formAck: FormAck,
    private readonly after: SlackResponder,
    /** The block of the field an error belongs on (the form's input). */
    private readonly fieldBlockId: string | undefined,
  ) {}

  async reply(message: OutboundMessage): Promise<MessageRef | undefined> {
    if (this.formAck.open && message.tone === 'error' && this.fieldBlockId) {
      await this.formAck.settle({ response_action: 'errors', errors: { [this.fieldBlockId]: fieldErrorText(message) } });
      return undefined;
    }
    await this.formAck.settle();
    return this.after.reply(message);
  }

  update(message: OutboundMessage): Promise<MessageRef | undefined> {
    return this.reply(message);
  }

  async followUp(message: OutboundMessage): Promise<MessageRef | undefined> {
    await this.formAck.settle();
    return this.after.followUp(message);
  }

  async openForm(form: FormSpec): Promise<void> {
    await this.formAck.settle();
    await this.after.openForm(form);
  }
}
