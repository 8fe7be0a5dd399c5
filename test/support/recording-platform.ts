import type { ChatPlatform } from '../../src/core/ports.js';
import type { ChannelRef, OutboundMessage, PostedMessage } from '../../src/core/types.js';

/** A fake chat platform that records every post, for driving the core through its ports. */
export class RecordingPlatform implements ChatPlatform {
  readonly posts: Array<{ channel: ChannelRef; message: OutboundMessage }> = [];
  /** Called before a post is recorded; throw from it to simulate a platform failure. */
  beforePost?: (channel: ChannelRef, message: OutboundMessage) => Promise<void> | void;

  async post(channel: ChannelRef, message: OutboundMessage): Promise<PostedMessage> {
    await this.beforePost?.(channel, message);
    this.posts.push({ channel, message });
    return { messageId: String(this.posts.length) };
  }

  postsTo(channelId: string): OutboundMessage[] {
    return this.posts.filter((p) => p.channel.channelId === channelId).map((p) => p.message);
  }
}
