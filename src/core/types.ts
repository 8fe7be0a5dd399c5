import type { Locale } from './i18n/catalog.js';
import type { OptionKey } from './questions/schema.js';

/**
 * The plain, JSON-safe data that crosses between adapters and the core. No platform object
 * (a discord.js Interaction, a Slack body) ever appears here.
 */

export type Platform = 'discord' | 'slack' | 'console';

/** A workspace: a Discord server (guild), a Slack workspace (team) or the local console. */
export interface WorkspaceRef {
  platform: Platform;
  workspaceId: string;
}

export interface ChannelRef extends WorkspaceRef {
  channelId: string;
}

export interface UserRef {
  platform: Platform;
  userId: string;
  displayName: string;
  /** The locale the platform reports for this user, if any; a /lang choice overrides it. */
  locale?: Locale | undefined;
  /** IANA zone when the platform knows it (Slack does); used for streak days. */
  timezone?: string | undefined;
  /** Decided by the adapter from platform permissions (Discord Manage Server, Slack admins). */
  isAdmin: boolean;
}

/** A command with its options already split out (Discord) or after the core's text parser. */
export interface CommandInvocation {
  name: string;
  sub?: string | undefined;
  args: Record<string, string>;
}

interface EventBase {
  /** Platform delivery id (interaction id, Slack trigger id...): a second delivery is dropped. */
  deliveryId?: string | undefined;
  channel: ChannelRef;
  user: UserRef;
}

export type InboundEvent =
  /** Console and Slack send the typed text; the core's one grammar parses it. */
  | (EventBase & { kind: 'text'; text: string })
  | (EventBase & { kind: 'command'; command: CommandInvocation })
  /** A button or select menu on a question card: `ans:<instanceId>:<keys>`. */
  | (EventBase & { kind: 'choice'; instanceId: string; keys: OptionKey[] })
  /** Self-rating after an open question: `rate:<instanceId>:<rating>`. */
  | (EventBase & { kind: 'rating'; instanceId: string; rating: 'again' | 'hard' | 'good' | 'easy' });

export type Visibility = 'public' | 'private';

export interface ChoiceButtons {
  instanceId: string;
  multi: boolean;
  options: Array<{ key: OptionKey; label: string }>;
}

/** A platform-neutral message; each adapter renders it (embeds, Block Kit, plain text). */
export interface OutboundMessage {
  visibility: Visibility;
  title?: string | undefined;
  /** Light markdown: **bold**, `code`, fenced code blocks. */
  text: string;
  fields?: Array<{ label: string; value: string }> | undefined;
  choices?: ChoiceButtons | undefined;
  /** Offer again/hard/good/easy buttons for this instance (open questions). */
  ratingFor?: string | undefined;
  footer?: string | undefined;
  tone?: 'question' | 'correct' | 'partial' | 'wrong' | 'info' | 'error' | undefined;
}

export type Reply = (message: OutboundMessage) => Promise<void>;

/** What a platform returns for a posted message, so it can be edited later (e.g. at the reveal). */
export interface PostedMessage {
  messageId: string;
}
