import type { EventSink } from '../../src/core/bot.js';
import type { ChatPlatform } from '../../src/core/ports.js';
import type { Capabilities, ChannelRef, FormSpec, InboundEvent, MessageRef, OutboundMessage, Responder } from '../../src/core/types.js';

/** Everything a chat platform can show: the shape Discord and Slack adapters have (but `/as`, which is the console's). */
export const ALL_CAPABILITIES: Capabilities = { buttons: true, selects: true, forms: true, edits: true, privatePosts: true, actAs: false };

export type ResponseKind = 'reply' | 'update' | 'followUp';

/** What the core did in answer to one event, in order. */
export interface RecordedInteraction {
  event: InboundEvent;
  responses: Array<{ kind: ResponseKind; message: OutboundMessage; ref: MessageRef }>;
  forms: FormSpec[];
  /** The messages of every response, in order (replies, follow-ups and updates alike). */
  messages: OutboundMessage[];
}

/**
 * A fake chat platform (like hubot's dummy adapter) for driving the core end to end: it records
 * every post, edit and private post, and hands out responders that record what the core answered
 * to each event. Any test can drive a feature through it and read what members would have seen.
 */
export class RecordingPlatform implements ChatPlatform {
  readonly posts: Array<{ channel: ChannelRef; message: OutboundMessage; ref: MessageRef; idempotencyKey: string }> = [];
  readonly edits: Array<{ ref: MessageRef; message: OutboundMessage }> = [];
  readonly privatePosts: Array<{ channel: ChannelRef; userId: string; message: OutboundMessage; ref: MessageRef }> = [];
  readonly interactions: RecordedInteraction[] = [];
  /** Called as the core answers an event (reply, update or follow-up), e.g. to measure what came before. */
  onResponse?: (kind: ResponseKind) => void;
  /** Called before a post is recorded; throw from it to simulate a platform failure. */
  beforePost?: (channel: ChannelRef, message: OutboundMessage) => Promise<void> | void;
  private nextId = 1;

  constructor(public capabilities: Capabilities = ALL_CAPABILITIES) {}

  async post(channel: ChannelRef, message: OutboundMessage, options: { idempotencyKey: string }): Promise<MessageRef> {
    await this.beforePost?.(channel, message);
    const ref = this.ref(channel, message);
    this.posts.push({ channel, message, ref, idempotencyKey: options.idempotencyKey });
    return ref;
  }

  async edit(ref: MessageRef, message: OutboundMessage): Promise<void> {
    this.edits.push({ ref, message });
  }

  async postPrivate(channel: ChannelRef, userId: string, message: OutboundMessage): Promise<MessageRef> {
    const ref = this.ref(channel, { ...message, visibility: 'private' });
    this.privatePosts.push({ channel, userId, message, ref });
    return ref;
  }

  postsTo(channelId: string): OutboundMessage[] {
    return this.posts.filter((p) => p.channel.channelId === channelId).map((p) => p.message);
  }

  /** Sends one event through the sink with a recording responder, as an adapter would. */
  async deliver(sink: EventSink, event: InboundEvent): Promise<RecordedInteraction> {
    const interaction: RecordedInteraction = { event, responses: [], forms: [], messages: [] };
    this.interactions.push(interaction);
    await sink.handle(event, this.responder(interaction));
    return interaction;
  }

  private responder(interaction: RecordedInteraction): Responder {
    const record = (kind: ResponseKind) => async (message: OutboundMessage) => {
      this.onResponse?.(kind);
      const ref = this.ref(interaction.event.channel, message);
      interaction.responses.push({ kind, message, ref });
      interaction.messages.push(message);
      return ref;
    };
    return {
      capabilities: this.capabilities,
      reply: record('reply'),
      update: record('update'),
      followUp: record('followUp'),
      openForm: async (form) => {
        interaction.forms.push(form);
      },
    };
  }

  private ref(channel: ChannelRef, message: OutboundMessage): MessageRef {
    return { channel, messageId: `m${this.nextId++}`, visibility: message.visibility };
  }
}
