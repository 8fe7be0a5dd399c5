import type { ChatPlatform } from '../../src/core/ports.js';
import type { ChannelRef, MessageRef, OutboundMessage } from '../../src/core/types.js';
import { RecordingPlatform } from '../../test/support/recording-platform.js';

/**
 * The recording test platform behind a send limit, the way a real adapter waits out its platform's
 * rate limit (discord.js queues requests, Slack's client waits on 429s): each post takes the next
 * free slot, `1000 / perSecond` ms apart, and waits for it. N posts therefore take at least
 * N / perSecond seconds, however many are sent at once.
 */
export class RateLimitedPlatform implements ChatPlatform {
  readonly recording = new RecordingPlatform();
  readonly capabilities = this.recording.capabilities;
  /** When each post was taken by the platform (ms since the epoch), in order. */
  readonly postedAt: number[] = [];
  /** When the post with each idempotency key was taken (its first copy). */
  readonly postedByKey = new Map<string, number>();
  private nextSlot = 0;

  /** `perSecond` Infinity: no limit, only the record of when each post went out. */
  constructor(private readonly perSecond: number) {}

  async post(channel: ChannelRef, message: OutboundMessage, options: { idempotencyKey: string }): Promise<MessageRef> {
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + 1000 / this.perSecond;
    if (slot > now) await new Promise((r) => setTimeout(r, slot - now));
    const ref = await this.recording.post(channel, message, options);
    const at = Date.now();
    this.postedAt.push(at);
    if (!this.postedByKey.has(options.idempotencyKey)) this.postedByKey.set(options.idempotencyKey, at);
    return ref;
  }

  edit(ref: MessageRef, message: OutboundMessage): Promise<void> {
    return this.recording.edit(ref, message);
  }

  postPrivate(channel: ChannelRef, userId: string, message: OutboundMessage): Promise<MessageRef> {
    return this.recording.postPrivate(channel, userId, message);
  }
}
