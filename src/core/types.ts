import type { Locale } from './i18n/catalog.js';

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
  /** Display names of members the options mention, when the platform resolved them (Discord). */
  mentions?: Record<string, string> | undefined;
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
  /**
   * A click on a button or a choice in a select menu. `actionId` is what the core put on the action
   * (see core/actions/action-codec.ts); `values` are the chosen options of a select menu.
   */
  | (EventBase & { kind: 'action'; actionId: string; values?: readonly string[] | undefined; message?: MessageRef | undefined })
  /** A submitted form (Discord modal, Slack view): the form's id and each input's value by input id. */
  | (EventBase & { kind: 'form'; formId: string; fields: Record<string, string> });

export type Visibility = 'public' | 'private';

export type ActionStyle = 'primary' | 'secondary' | 'success' | 'danger';

/**
 * Something a member can do with a message. Every action has a typed twin (a slash command) so the
 * console, and anyone whose buttons have expired, can do the same by typing.
 */
export type MessageAction =
  | { type: 'button'; id: string; label: string; style?: ActionStyle | undefined; disabled?: boolean | undefined; twin: string }
  | {
      type: 'select';
      id: string;
      placeholder: string;
      options: ReadonlyArray<{ value: string; label: string }>;
      minValues: number;
      maxValues: number;
      /** Label of the button that sends the choice where a platform needs one (Slack checkboxes). */
      submitLabel: string;
      twin: string;
    }
  /** A button whose click opens a form (the form comes from the core when it is clicked). */
  | { type: 'form-button'; id: string; label: string; style?: ActionStyle | undefined; twin: string };

export interface FormInput {
  id: string;
  label: string;
  style: 'short' | 'paragraph';
  required: boolean;
  maxLength: number;
  placeholder?: string | undefined;
}

/** A Discord modal or a Slack modal view: a title and at most five inputs. */
export interface FormSpec {
  id: string;
  title: string;
  submitLabel: string;
  inputs: readonly FormInput[];
}

/** A platform-neutral message; each adapter renders it (embeds, Block Kit, plain text). */
export interface OutboundMessage {
  visibility: Visibility;
  title?: string | undefined;
  /** Light markdown: **bold**, `code`, fenced code blocks. */
  text: string;
  fields?: Array<{ label: string; value: string }> | undefined;
  /** Rendered in rows in this order; an adapter without buttons shows their typed twins. */
  actions?: readonly MessageAction[] | undefined;
  footer?: string | undefined;
  tone?: 'question' | 'correct' | 'partial' | 'wrong' | 'info' | 'error' | undefined;
  /** The language it is written in (the Bot stamps the member's), so an adapter's own words around it match. */
  locale?: Locale | undefined;
}

/**
 * Where a message went, so it can be edited later (a question updated at its reveal, a drill's
 * session message). `messageId` is the platform's (Discord message id, Slack ts); private messages
 * may only be editable for a while (an interaction token's life).
 */
export interface MessageRef {
  channel: ChannelRef;
  messageId: string;
  visibility: Visibility;
}

/** What a platform can show; the core asks this instead of testing a platform's name. */
export interface Capabilities {
  buttons: boolean;
  selects: boolean;
  forms: boolean;
  /** Messages can be edited after they are sent. */
  edits: boolean;
  /** A message only one member sees can be posted outside an interaction. */
  privatePosts: boolean;
  /** One keyboard plays several members (the console's `/as <name>`). */
  actAs: boolean;
}

export const NO_CAPABILITIES: Capabilities = {
  buttons: false,
  selects: false,
  forms: false,
  edits: false,
  privatePosts: false,
  actAs: false,
};

/**
 * How the core answers one interaction. The adapter binds it to the platform's interaction (which
 * it has already acknowledged, as the ack plan said).
 */
export interface Responder {
  readonly capabilities: Capabilities;
  /** The answer to the interaction, public or private as the message says. */
  reply(message: OutboundMessage): Promise<MessageRef | undefined>;
  /** Replaces the message the clicked action was on; without one, it replies instead. */
  update(message: OutboundMessage): Promise<MessageRef | undefined>;
  /** A further message after the reply. */
  followUp(message: OutboundMessage): Promise<MessageRef | undefined>;
  /** Opens a form; only valid when the ack plan was `form`. */
  openForm(form: FormSpec): Promise<void>;
}

/**
 * How an adapter must acknowledge an event before the core runs (the 3-second rules): defer a
 * reply with this visibility, defer an update of the clicked message, or open a form at once.
 */
export type AckPlan = { kind: 'reply'; visibility: Visibility } | { kind: 'update' } | { kind: 'form' };
