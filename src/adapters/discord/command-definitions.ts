import {
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type SharedSlashCommandOptions,
  SlashCommandBuilder,
  type SlashCommandSubcommandBuilder,
} from 'discord.js';
import { clip } from '../../core/actions/clip.js';
import { COMMANDS, type CommandSpec, type OptionSpec } from '../../core/commands.js';
import type { Localized } from '../../core/questions/schema.js';
import { DISCORD_CAPABILITIES } from './discord-capabilities.js';
import { DISCORD_LIMITS as L } from './discord-limits.js';

/** Discord shows Chinese descriptions to members whose client is set to Chinese. */
const zh = (text: Localized) => ({ 'zh-CN': clip(text.zh, L.commandDescription), 'zh-TW': clip(text.zh, L.commandDescription) });
const en = (text: Localized) => clip(text.en, L.commandDescription);

// biome-ignore lint/suspicious/noExplicitAny: the builders' option mixin is generic over its own return type
type OptionHost = SharedSlashCommandOptions<any>;

function addOption(host: OptionHost, spec: CommandSpec, option: OptionSpec): void {
  // A free-text option a form can supply is optional on Discord: left empty, it opens the form.
  const required = option.required === true;
  const described = <
    T extends {
      setName(n: string): T;
      setDescription(d: string): T;
      setDescriptionLocalizations(l: object): T;
      setRequired(r: boolean): T;
    },
  >(
    o: T,
  ) =>
    o.setName(option.name).setDescription(en(option.description)).setDescriptionLocalizations(zh(option.description)).setRequired(required);
  if (option.type === 'integer') {
    host.addIntegerOption((o) => {
      described(o);
      if (option.min !== undefined) o.setMinValue(option.min);
      if (option.max !== undefined) o.setMaxValue(option.max);
      return o;
    });
  } else if (option.type === 'user') {
    host.addUserOption((o) => described(o));
  } else {
    host.addStringOption((o) => {
      described(o);
      if (option.choices) o.addChoices(...option.choices.map((c) => ({ name: c, value: c })));
      else if (option.autocomplete) o.setAutocomplete(true);
      if (option.rest && spec.opensFormWhenEmpty === option.name) o.setMaxLength(L.textInputMax);
      else if (option.maxLength !== undefined) o.setMaxLength(option.maxLength);
      return o;
    });
  }
}

/**
 * The core command table as Discord application commands: top-level commands, subcommands as real
 * subcommands, typed options, zh-CN/zh-TW descriptions, and Manage Server as the default permission
 * of admin commands (the core checks again when they run). Commands a Discord client cannot offer
 * (the console's `/as`) are left out.
 */
export function discordCommandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return COMMANDS.filter((c) => !c.requires || DISCORD_CAPABILITIES[c.requires]).map((spec) => {
    const builder = new SlashCommandBuilder()
      .setName(spec.name)
      .setDescription(en(spec.description))
      .setDescriptionLocalizations(zh(spec.description));
    if (spec.adminOnly) builder.setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild);
    if (spec.subcommands) {
      for (const sub of spec.subcommands) {
        builder.addSubcommand((s: SlashCommandSubcommandBuilder) => {
          s.setName(sub.name).setDescription(en(sub.description)).setDescriptionLocalizations(zh(sub.description));
          for (const option of sub.options ?? []) addOption(s, spec, option);
          return s;
        });
      }
    } else {
      for (const option of spec.options ?? []) addOption(builder, spec, option);
    }
    return builder.toJSON();
  });
}
