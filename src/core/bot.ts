import type { BotDeps, UseCaseContext } from './bot-deps.js';
import { parseCommandText } from './command-parser.js';
import { findCommand } from './commands.js';
import { UserFacingError } from './errors.js';
import type { Locale } from './i18n/catalog.js';
import { errorText, t } from './i18n/messages.js';
import type { CommandInvocation, InboundEvent, Reply } from './types.js';

export type CommandHandler<D extends BotDeps = BotDeps> = (ctx: UseCaseContext<D>, command: CommandInvocation) => Promise<void>;
export type ChoiceHandler<D extends BotDeps = BotDeps> = (
  ctx: UseCaseContext<D>,
  event: Extract<InboundEvent, { kind: 'choice' }>,
) => Promise<void>;
export type RatingHandler<D extends BotDeps = BotDeps> = (
  ctx: UseCaseContext<D>,
  event: Extract<InboundEvent, { kind: 'rating' }>,
) => Promise<void>;

export interface Handlers<D extends BotDeps = BotDeps> {
  commands: Record<string, CommandHandler<D>>;
  choice: ChoiceHandler<D>;
  rating: RatingHandler<D>;
}

/** What an adapter needs from the core: one call per inbound event. */
export interface EventSink {
  handle(event: InboundEvent, reply: Reply): Promise<void>;
}

/**
 * The core's single entry point. Adapters call `handle` with a plain event and a reply function
 * bound to the interaction; the Bot picks the locale, routes to a use case, and is the one error
 * sink: user mistakes become private messages, everything else is logged once.
 */
export class Bot<D extends BotDeps = BotDeps> implements EventSink {
  constructor(
    readonly deps: D,
    private readonly handlers: Handlers<D>,
  ) {}

  async handle(event: InboundEvent, reply: Reply): Promise<void> {
    let locale: Locale = event.user.locale ?? this.deps.defaultLocale;
    const ctxBase = { deps: this.deps, event, reply };
    try {
      locale = (await this.deps.users.localeOf(event.channel, event.user.userId)) ?? locale;
      if (event.deliveryId && !(await this.deps.deliveries.firstDelivery(`${event.user.platform}:${event.deliveryId}`))) {
        return;
      }
      await this.deps.users.remember(event.channel, event.user);
      const ctx: UseCaseContext<D> = { ...ctxBase, locale };
      switch (event.kind) {
        case 'text':
          await this.runCommand(ctx, parseCommandText(event.text));
          return;
        case 'command':
          await this.runCommand(ctx, event.command);
          return;
        case 'choice':
          await this.handlers.choice(ctx, event);
          return;
        case 'rating':
          await this.handlers.rating(ctx, event);
          return;
      }
    } catch (error) {
      await this.fail(error, event, locale, reply);
    }
  }

  private async runCommand(ctx: UseCaseContext<D>, command: CommandInvocation): Promise<void> {
    const spec = findCommand(command.name);
    const handler = this.handlers.commands[command.name];
    if (!spec || !handler) throw new UserFacingError('unknown-command', { command: command.name });
    if (spec.consoleOnly && ctx.event.channel.platform !== 'console') {
      throw new UserFacingError('console-only', { command: command.name });
    }
    const sub = spec.subcommands?.find((s) => s.name === command.sub);
    if ((spec.adminOnly || sub?.adminOnly) && !ctx.event.user.isAdmin) {
      throw new UserFacingError('admin-only', { command: command.sub ? `${command.name} ${command.sub}` : command.name });
    }
    await handler(ctx, command);
  }

  private async fail(error: unknown, event: InboundEvent, locale: Locale, reply: Reply): Promise<void> {
    if (error instanceof UserFacingError) {
      await reply({ visibility: 'private', tone: 'error', text: errorText(locale, error.code, error.params) }).catch((e: unknown) =>
        this.deps.errorSink(e, { phase: 'reply', kind: event.kind }),
      );
      return;
    }
    this.deps.errorSink(error, {
      kind: event.kind,
      platform: event.channel.platform,
      workspaceId: event.channel.workspaceId,
      channelId: event.channel.channelId,
      userId: event.user.userId,
    });
    await reply({ visibility: 'private', tone: 'error', text: t(locale, 'internal-error') }).catch(() => undefined);
  }
}
