import {
  ApplicationCommandOptionType,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type MessageComponentInteraction,
  MessageFlags,
  type ModalSubmitInteraction,
  PermissionFlagsBits,
} from 'discord.js';
import type { Locale } from '../../core/i18n/catalog.js';
import type { ChannelRef, InboundEvent, UserRef } from '../../core/types.js';

type AnyInteraction = ChatInputCommandInteraction | MessageComponentInteraction | ModalSubmitInteraction;

/** zh-CN and zh-TW clients get Chinese, every other Discord locale English. */
export function discordLocale(locale: string | null | undefined): Locale | undefined {
  if (!locale) return undefined;
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function channelOf(i: Pick<AnyInteraction, 'guildId' | 'channelId' | 'user'>): ChannelRef {
  // A DM has no server: each member's DMs are their own workspace, so nothing mixes with a server's boards.
  return { platform: 'discord', workspaceId: i.guildId ?? `dm-${i.user.id}`, channelId: i.channelId ?? `dm-${i.user.id}` };
}

export function userOf(i: AnyInteraction): UserRef {
  const member = i.member && 'displayName' in i.member ? i.member.displayName : undefined;
  return {
    platform: 'discord',
    userId: i.user.id,
    displayName: member ?? i.user.globalName ?? i.user.username,
    locale: discordLocale(i.locale),
    // Manage Server in this channel, as Discord computed it for this member; none in DMs.
    isAdmin: i.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
  };
}

/** Option values as the core's strings; a member option becomes a mention, as typed text would. */
function argsOf(options: readonly CommandInteractionOption[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (const o of options) {
    if (o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup) {
      Object.assign(args, argsOf(o.options ?? []));
    } else if (o.value !== undefined && o.value !== null) {
      args[o.name] = o.type === ApplicationCommandOptionType.User ? `<@${String(o.value)}>` : String(o.value);
    }
  }
  return args;
}

/** The names Discord resolved for the members the options mention, so the core can show them by name. */
function mentionsOf(options: readonly CommandInteractionOption[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const o of options) {
    if (o.options) Object.assign(names, mentionsOf(o.options));
    if (o.type !== ApplicationCommandOptionType.User || !o.user) continue;
    const member = o.member && 'displayName' in o.member ? o.member.displayName : undefined;
    names[o.user.id] = member ?? o.user.globalName ?? o.user.username;
  }
  return names;
}

/** A Discord interaction as the core's event (the interaction id makes duplicate deliveries harmless). */
export function toInboundEvent(i: AnyInteraction): InboundEvent {
  const base = { deliveryId: i.id, channel: channelOf(i), user: userOf(i) };
  if (i.isChatInputCommand()) {
    return {
      ...base,
      kind: 'command',
      command: {
        name: i.commandName,
        sub: i.options.getSubcommand(false) ?? undefined,
        args: argsOf(i.options.data),
        mentions: mentionsOf(i.options.data),
      },
    };
  }
  if (i.isModalSubmit()) {
    const fields: Record<string, string> = {};
    for (const [id, field] of i.fields.fields) if ('value' in field && typeof field.value === 'string') fields[id] = field.value;
    return { ...base, kind: 'form', formId: i.customId, fields };
  }
  const message = {
    channel: base.channel,
    messageId: i.message.id,
    visibility: i.message.flags.has(MessageFlags.Ephemeral) ? ('private' as const) : ('public' as const),
  };
  return { ...base, kind: 'action', actionId: i.customId, values: i.isStringSelectMenu() ? i.values : undefined, message };
}
