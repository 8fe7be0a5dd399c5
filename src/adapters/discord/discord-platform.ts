import { createHash } from 'node:crypto';
import {
  type AutocompleteInteraction,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  type RESTPostAPIChannelMessageResult,
  Routes,
} from 'discord.js';
import type { EventSink } from '../../core/bot.js';
import type { Locale } from '../../core/i18n/catalog.js';
import { ChannelGoneError } from '../../core/jobs/job-errors.js';
import type { ChannelRef, MessageRef, OutboundMessage } from '../../core/types.js';
import type { Logger } from '../../infra/logger.js';
import type { PlatformAdapter } from '../platform-adapter.js';
import { DISCORD_CAPABILITIES } from './discord-capabilities.js';
import { DiscordResponder, type RepliableInteraction } from './discord-responder.js';
import { renderMessage } from './render.js';
import { discordLocale, toInboundEvent } from './to-inbound-event.js';

export interface DiscordOptions {
  token: string;
  applicationId: string;
  /** REST base (and so the gateway lookup) for a proxy or tests; default Discord's. */
  apiUrl?: string | undefined;
  defaultLocale: Locale;
  logger: Logger;
}

/**
 * Errors a retry cannot fix: the channel or message is gone, or the bot lost access to it. The job
 * fails for good instead of retrying for days.
 */
const PERMANENT_CODES = new Set([10003, 10008, 50001, 50013]);

/** Discord nonces are at most 25 characters: a digest of the core's idempotency key. */
export function nonceFor(idempotencyKey: string): string {
  return createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, 25);
}

/**
 * The Discord adapter: a discord.js gateway client for interactions (only the Guilds intent; slash
 * commands, components and modals arrive without privileged intents) and discord.js REST, which
 * queues by Discord's rate limits, for posts nobody asked for right now.
 */
export class DiscordPlatform implements PlatformAdapter {
  readonly platform = 'discord' as const;
  readonly capabilities = DISCORD_CAPABILITIES;
  readonly client: Client;
  private readonly inFlight = new Set<Promise<void>>();
  private stopping = false;

  constructor(private readonly options: DiscordOptions) {
    this.client = new Client({
      intents: [GatewayIntentBits.Guilds],
      rest: options.apiUrl ? { api: options.apiUrl } : {},
    });
  }

  async start(sink: EventSink): Promise<void> {
    this.client.on(Events.InteractionCreate, (interaction) => {
      if (this.stopping) return;
      const work = this.onInteraction(sink, interaction).finally(() => this.inFlight.delete(work));
      this.inFlight.add(work);
    });
    this.client.on(Events.Error, (error) => this.options.logger.warn({ err: error }, 'discord client error'));
    const ready = new Promise<void>((resolve) => this.client.once(Events.ClientReady, () => resolve()));
    await this.client.login(this.options.token);
    await ready;
    this.options.logger.info({ user: this.client.user?.tag, guilds: this.client.guilds.cache.size }, 'connected to Discord');
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.inFlight]);
    await this.client.destroy();
  }

  async post(channel: ChannelRef, message: OutboundMessage, options: { idempotencyKey: string }): Promise<MessageRef> {
    // With enforce_nonce, Discord returns the first message for a repeated nonce (a retried post)
    // instead of posting it again.
    const body = { ...renderMessage(message), nonce: nonceFor(options.idempotencyKey), enforce_nonce: true };
    const sent = (await this.rest(() =>
      this.client.rest.post(Routes.channelMessages(channel.channelId), { body }),
    )) as RESTPostAPIChannelMessageResult;
    return { channel, messageId: sent.id, visibility: 'public' };
  }

  async edit(ref: MessageRef, message: OutboundMessage): Promise<void> {
    await this.rest(() =>
      this.client.rest.patch(Routes.channelMessage(ref.channel.channelId, ref.messageId), { body: renderMessage(message) }),
    );
  }

  /** Discord has no private message in a channel outside an interaction: it goes to the member's DMs. */
  async postPrivate(channel: ChannelRef, userId: string, message: OutboundMessage): Promise<MessageRef | undefined> {
    const dm = (await this.rest(() => this.client.rest.post(Routes.userChannels(), { body: { recipient_id: userId } }))) as { id: string };
    const sent = (await this.rest(() =>
      this.client.rest.post(Routes.channelMessages(dm.id), { body: renderMessage({ ...message, visibility: 'public' }) }),
    )) as RESTPostAPIChannelMessageResult;
    return { channel: { ...channel, channelId: dm.id }, messageId: sent.id, visibility: 'private' };
  }

  private async rest<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof DiscordAPIError && typeof error.code === 'number' && PERMANENT_CODES.has(error.code)) {
        throw new ChannelGoneError(`discord refused: ${error.code} ${error.message}`);
      }
      throw error;
    }
  }

  private async onInteraction(sink: EventSink, interaction: Interaction): Promise<void> {
    try {
      if (interaction.isAutocomplete()) {
        await this.suggest(sink, interaction);
        return;
      }
      if (!interaction.isChatInputCommand() && !interaction.isMessageComponent() && !interaction.isModalSubmit()) return;
      await this.answer(sink, interaction);
    } catch (error) {
      this.options.logger.warn({ err: error, interactionId: interaction.id }, 'could not answer a Discord interaction');
    }
  }

  private async answer(sink: EventSink, interaction: RepliableInteraction): Promise<void> {
    const event = toInboundEvent(interaction);
    const responder = new DiscordResponder(interaction, sink.ackPlan(event, this.capabilities));
    // Acknowledge first, always: Discord drops an interaction not answered within 3 seconds.
    await responder.acknowledge();
    await sink.handle(event, responder);
    await responder.finish();
  }

  private async suggest(sink: EventSink, interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const locale = discordLocale(interaction.locale) ?? this.options.defaultLocale;
    await interaction.respond(sink.suggest(interaction.commandName, focused.name, String(focused.value), locale));
  }
}
