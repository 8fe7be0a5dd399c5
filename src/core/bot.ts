import { ACTION_ACK } from './actions/action-ack.js';
import { type ActionKind, type ActionRef, decodeAction, decodeForm, type FormKind } from './actions/action-codec.js';
import type { EarlyReads } from './answer/early-reads.js';
import type { BotDeps, UseCaseContext } from './bot-deps.js';
import { checkArgs, parseCommandText } from './command-parser.js';
import { findCommand, replyVisibility } from './commands.js';
import { UserFacingError } from './errors.js';
import { memberHome } from './home/member-home.js';
import type { Locale } from './i18n/catalog.js';
import { errorText, t } from './i18n/messages.js';
import { argsTooLong, eventTooLong, INPUT_LIMITS, isLongerThan } from './input-limits.js';
import { type Suggestion, suggestOptionValues } from './questions/suggest-options.js';
import type { AckPlan, Capabilities, CommandInvocation, InboundEvent, OutboundMessage, Responder, UserRef, WorkspaceRef } from './types.js';

export type CommandHandler<D extends BotDeps = BotDeps> = (ctx: UseCaseContext<D>, command: CommandInvocation) => Promise<void>;
export type ActionHandler<D extends BotDeps = BotDeps> = (
  ctx: UseCaseContext<D>,
  action: ActionRef,
  values: readonly string[],
) => Promise<void>;
export type FormHandler<D extends BotDeps = BotDeps> = (
  ctx: UseCaseContext<D>,
  form: ActionRef<FormKind>,
  fields: Record<string, string>,
) => Promise<void>;

/** The route tables from commands, action kinds and form kinds to use cases. */
export interface Handlers<D extends BotDeps = BotDeps> {
  commands: Record<string, CommandHandler<D>>;
  actions: Record<ActionKind, ActionHandler<D>>;
  forms: Record<FormKind, FormHandler<D>>;
  /** Starts the reads an event is sure to make (only reads), to share the event's first round trip. */
  early?: (deps: D, event: InboundEvent) => EarlyReads | undefined;
}

/** What an adapter needs from the core: how to acknowledge an event, then one call to handle it. */
export interface EventSink {
  /** Pure and immediate: how to acknowledge this event before `handle` runs. */
  ackPlan(event: InboundEvent, capabilities: Capabilities): AckPlan;
  handle(event: InboundEvent, responder: Responder): Promise<void>;
  /** Suggestions for an option being typed (Discord autocomplete), from memory: no round trip. */
  suggest(command: string, option: string, typed: string, locale: Locale): Suggestion[];
  /** The member's own page (Slack's App Home): their points, rank and streak, in their language. */
  home(workspace: WorkspaceRef, user: UserRef): Promise<OutboundMessage>;
}

/**
 * The core's single entry point. Adapters ask `ackPlan`, acknowledge, then call `handle` with a
 * plain event and a responder bound to the interaction; the Bot picks the locale, routes to a use
 * case, and is the one error sink: user mistakes become private messages, everything else is
 * logged once.
 */
export class Bot<D extends BotDeps = BotDeps> implements EventSink {
  constructor(
    readonly deps: D,
    private readonly handlers: Handlers<D>,
  ) {}

  ackPlan(event: InboundEvent, capabilities: Capabilities): AckPlan {
    if (eventTooLong(event)) return { kind: 'reply', visibility: 'private' }; // the too-long message, unparsed
    switch (event.kind) {
      case 'text': {
        let command: CommandInvocation;
        try {
          command = parseCommandText(event.text);
        } catch {
          return { kind: 'reply', visibility: 'private' }; // the usage message
        }
        return commandAck(command, capabilities);
      }
      case 'command':
        return commandAck(event.command, capabilities);
      case 'action': {
        const ref = decodeAction(event.actionId);
        return ref ? ACTION_ACK[ref.kind] : { kind: 'reply', visibility: 'private' };
      }
      case 'form':
        return { kind: 'reply', visibility: 'private' };
    }
  }

  suggest(command: string, option: string, typed: string, locale: Locale): Suggestion[] {
    const spec = findCommand(command);
    const options = [...(spec?.options ?? []), ...(spec?.subcommands ?? []).flatMap((s) => s.options ?? [])];
    const source = options.find((o) => o.name === option)?.autocomplete;
    if (isLongerThan(typed, INPUT_LIMITS.typedSuggestion)) return [];
    return source ? suggestOptionValues(this.deps.bank, source, typed, locale) : [];
  }

  async home(workspace: WorkspaceRef, user: UserRef): Promise<OutboundMessage> {
    const chosen = await this.deps.users.localeOf(workspace, user.userId);
    return memberHome(this.deps, workspace, user, chosen ?? user.locale ?? this.deps.defaultLocale);
  }

  async handle(event: InboundEvent, responder: Responder): Promise<void> {
    let locale: Locale = event.user.locale ?? this.deps.defaultLocale;
    try {
      // One round trip: the member's /lang choice, the delivery check and their current display name
      // (for boards, reveals and interviews that name them) travel together, with the reads the
      // event is sure to make (an answer's open questions), started in the same tick.
      const early = this.handlers.early?.(this.deps, event);
      const [chosen, first] = await Promise.all([
        this.deps.users.localeOf(event.channel, event.user.userId),
        event.deliveryId ? this.deps.deliveries.firstDelivery(`${event.user.platform}:${event.deliveryId}`) : true,
        this.deps.users.remember(event.channel, event.user),
        ...mentionedMembers(event).map((member) => this.deps.users.remember(event.channel, member)),
      ]);
      locale = chosen ?? locale;
      if (!first) return;
      // After the locale lookup, so the refusal is in the member's language; before anything reads the text.
      const tooLong = eventTooLong(event);
      if (tooLong) throw tooLong;
      const localized = inLocale(responder, locale);
      const ctx: UseCaseContext<D> = {
        deps: this.deps,
        event,
        locale,
        responder: localized,
        capabilities: responder.capabilities,
        reply: (message) => localized.reply(message),
        early,
      };
      switch (event.kind) {
        case 'text':
          await this.runCommand(ctx, parseCommandText(event.text));
          return;
        case 'command':
          await this.runCommand(ctx, event.command);
          return;
        case 'action': {
          const ref = decodeAction(event.actionId);
          if (!ref) throw new UserFacingError('stale-action');
          await this.handlers.actions[ref.kind](ctx, ref, event.values ?? []);
          return;
        }
        case 'form': {
          const ref = decodeForm(event.formId);
          if (!ref) throw new UserFacingError('stale-action');
          await this.handlers.forms[ref.kind](ctx, ref, event.fields);
          return;
        }
      }
    } catch (error) {
      await this.fail(error, event, locale, responder);
    }
  }

  private async runCommand(ctx: UseCaseContext<D>, command: CommandInvocation): Promise<void> {
    const spec = findCommand(command.name);
    const handler = this.handlers.commands[command.name];
    if (!spec || !handler) throw new UserFacingError('unknown-command', { command: command.name });
    if (spec.requires && !ctx.capabilities[spec.requires]) {
      throw new UserFacingError('console-only', { command: command.name });
    }
    const sub = spec.subcommands?.find((s) => s.name === (command.sub ?? spec.defaultSub));
    if ((spec.adminOnly || sub?.adminOnly) && !ctx.event.user.isAdmin) {
      throw new UserFacingError('admin-only', { command: command.sub ? `${command.name} ${command.sub}` : command.name });
    }
    // Options a platform split out itself (Discord) get the same checks as typed ones; a typed answer
    // fits the command line but may still be over the answer's own limit.
    const argTooLong = argsTooLong(command.args);
    if (argTooLong) throw argTooLong;
    if (ctx.event.kind === 'command') checkArgs(spec, sub, command.args);
    await handler(ctx, command);
  }

  private async fail(error: unknown, event: InboundEvent, locale: Locale, responder: Responder): Promise<void> {
    if (error instanceof UserFacingError) {
      await responder
        .reply({ visibility: 'private', tone: 'error', text: errorText(locale, error.code, error.params), locale })
        .catch((e: unknown) => this.deps.errorSink(e, { phase: 'reply', kind: event.kind }));
      return;
    }
    this.deps.errorSink(error, {
      kind: event.kind,
      platform: event.channel.platform,
      workspaceId: event.channel.workspaceId,
      channelId: event.channel.channelId,
      userId: event.user.userId,
    });
    await responder.reply({ visibility: 'private', tone: 'error', text: t(locale, 'internal-error'), locale }).catch(() => undefined);
  }
}

/** Every message of one event is written in the member's language unless a use case says otherwise (/lang). */
function inLocale(responder: Responder, locale: Locale): Responder {
  const stamp = (message: OutboundMessage): OutboundMessage => (message.locale ? message : { ...message, locale });
  return {
    capabilities: responder.capabilities,
    reply: (message) => responder.reply(stamp(message)),
    update: (message) => responder.update(stamp(message)),
    followUp: (message) => responder.followUp(stamp(message)),
    openForm: (form) => responder.openForm(form),
  };
}

function commandAck(command: CommandInvocation, capabilities: Capabilities): AckPlan {
  const spec = findCommand(command.name);
  const formOption = spec?.opensFormWhenEmpty;
  if (formOption && capabilities.forms && !command.args[formOption]?.trim()) return { kind: 'form' };
  return { kind: 'reply', visibility: replyVisibility(command) };
}

/**
 * Members an event names with their display name: resolved by the platform (Discord) or written in
 * a Slack mention (`<@U123|ann>`), so an interview or /stats can call them by name before they speak.
 */
function mentionedMembers(event: InboundEvent): UserRef[] {
  const names: Record<string, string> = {};
  if (event.kind === 'command') Object.assign(names, event.command.mentions);
  if (event.kind === 'text') for (const m of event.text.matchAll(/<@([\w.-]+)\|([^>]+)>/g)) if (m[1] && m[2]) names[m[1]] = m[2];
  return Object.entries(names).map(([userId, displayName]) => ({ platform: event.user.platform, userId, displayName, isAdmin: false }));
}
