import { randomBytes } from 'node:crypto';
import type { APIInteraction, APIInteractionDataResolved, APIMessage } from 'discord.js';
import { PermissionFlagsBits } from 'discord.js';
import { checkOptions, findComponent } from './interaction-checks.js';
import { channel as channelPayload, member, role, user as userPayload } from './payloads.js';
import type { FakeChannel, FakeGuild, UserSpec, World } from './world.js';

/** Loose on purpose (the discord-api-types union is per option type): the fake checks it against the registered command instead. */
export interface OptionInput {
  name: string;
  type: number;
  value?: string | number | boolean;
  options?: OptionInput[];
  focused?: boolean;
}

export interface InteractionContext {
  /** A user id from the fake's world, or a new user (who then joins the guild); default: the guild's second member. */
  user?: string | UserSpec;
  /** Default: the first guild. `null`: a DM with the bot. */
  guildId?: string | null;
  /** Default: the guild's first channel (or the user's DM channel). */
  channelId?: string;
  /** The member's `roles`, as names or ids, replacing the ones from the world. */
  roles?: string[];
  /** `member.permissions` as Discord computes it; default 'member' (from the member's roles). */
  permissions?: 'member' | 'manageGuild' | 'administrator' | 'none' | bigint;
  /** The user's client locale, e.g. 'zh-CN' or 'en-US'. */
  locale?: string;
  guildLocale?: string;
  appPermissions?: bigint;
}

export interface SlashCommandInput extends InteractionContext {
  name: string;
  options?: OptionInput[];
}

export interface AutocompleteInput extends InteractionContext {
  name: string;
  /** The options typed so far (without the focused one). */
  options?: OptionInput[];
  /** Nest the options under this subcommand. */
  subcommand?: string;
  focusedOption: string;
  value: string;
}

export interface ComponentInput extends InteractionContext {
  customId: string;
  /** A message the bot sent through the fake (its stored copy is used), or any id for a synthesized one. */
  messageId?: string;
  /** Synthesized message only: make it ephemeral (flag 64). */
  ephemeral?: boolean;
}

export interface SelectMenuInput extends ComponentInput {
  values: string[];
}

export interface ModalSubmitInput extends InteractionContext {
  customId: string;
  fields: Record<string, string>;
  /** For a modal opened from a message component. */
  messageId?: string;
}

export type Built<T extends APIInteraction = APIInteraction> = T & { id: string; token: string };

/** Builds INTERACTION_CREATE payloads the way Discord fills them in, from the fake's world. */
export class InteractionBuilder {
  constructor(private readonly world: World) {}

  slashCommand(input: SlashCommandInput): Built {
    const base = this.base(2, input);
    const command = this.world.findCommand(input.name, base.guild_id ?? null);
    if (command?.options) checkOptions(input.options ?? [], command.options, `/${input.name}`);
    const options = input.options ?? [];
    const resolved = this.resolve(options, base.guild_id ?? null);
    const data = {
      id: command?.id ?? this.world.ids.next(),
      name: input.name,
      type: 1,
      ...(options.length ? { options } : {}),
      ...(resolved ? { resolved } : {}),
      ...(command && 'guild_id' in command && command.guild_id ? { guild_id: command.guild_id } : {}),
    };
    return { ...base, data } as unknown as Built;
  }

  autocomplete(input: AutocompleteInput): Built {
    const base = this.base(4, input);
    const command = this.world.findCommand(input.name, base.guild_id ?? null);
    let schema = command?.options;
    if (input.subcommand) {
      const sub = schema?.find((o) => o.name === input.subcommand && o.type === 1);
      schema = sub && 'options' in sub ? (sub.options as typeof schema) : undefined;
    }
    const focusedType = schema?.find((o) => o.name === input.focusedOption)?.type ?? 3;
    const leaf: OptionInput[] = [
      ...(input.options ?? []),
      { name: input.focusedOption, type: focusedType, value: input.value, focused: true },
    ];
    const options = input.subcommand ? [{ name: input.subcommand, type: 1, options: leaf }] : leaf;
    return { ...base, data: { id: command?.id ?? this.world.ids.next(), name: input.name, type: 1, options } } as unknown as Built;
  }

  button(input: ComponentInput): Built {
    const base = this.base(3, input);
    const message = this.componentMessage(input, base.channel_id ?? '', { type: 2, style: 1, label: 'Button', custom_id: input.customId });
    return { ...base, message, data: { custom_id: input.customId, component_type: 2 } } as unknown as Built;
  }

  selectMenu(input: SelectMenuInput): Built {
    const base = this.base(3, input);
    const options = input.values.map((v) => ({ label: v, value: v }));
    const message = this.componentMessage(
      input,
      base.channel_id ?? '',
      { type: 3, custom_id: input.customId, options, max_values: options.length },
      input.values,
    );
    return { ...base, message, data: { custom_id: input.customId, component_type: 3, values: input.values } } as unknown as Built;
  }

  modalSubmit(input: ModalSubmitInput): Built {
    const base = this.base(5, input);
    const shown = this.world.shownModals.get(input.customId);
    const unknown = shown ? Object.keys(input.fields).filter((f) => !shown.includes(f)) : [];
    if (unknown.length)
      throw new Error(`fake-discord: modal '${input.customId}' the bot showed has no text input(s) ${unknown.join(', ')}`);
    const components = Object.entries(input.fields).map(([customId, value], i) => ({
      type: 1,
      id: i * 2 + 1,
      components: [{ type: 4, id: i * 2 + 2, custom_id: customId, value }],
    }));
    const message = input.messageId ? this.world.messages.get(input.messageId) : undefined;
    return { ...base, ...(message ? { message } : {}), data: { custom_id: input.customId, components } } as unknown as Built;
  }

  /** The fields every interaction carries; guild and DM flavours differ in member/user and context. */
  base(type: number, ctx: InteractionContext): Built {
    const { world } = this;
    const guild = ctx.guildId === null ? undefined : ctx.guildId ? world.guild(ctx.guildId) : world.guilds[0];
    if (ctx.guildId && !guild) throw new Error(`fake-discord: unknown guild ${ctx.guildId}`);
    const userId = this.userId(ctx, guild);
    const ch = this.channel(ctx, guild, userId);
    const id = world.ids.next();
    const common = {
      id,
      application_id: world.applicationId,
      type,
      token: `${Buffer.from(`interaction:${id}`).toString('base64url')}.${randomBytes(24).toString('base64url')}`,
      version: 1,
      channel: channelPayload(world, ch),
      channel_id: ch.id,
      locale: ctx.locale ?? 'en-US',
      entitlements: [],
      attachment_size_limit: 10 * 1024 * 1024,
    };
    if (!guild) {
      return {
        ...common,
        user: userPayload(world, userId),
        app_permissions: (ctx.appPermissions ?? world.botPermissions).toString(),
        // A guild-installed app reached from its bot DM: the guild key maps to "0".
        authorizing_integration_owners: { 0: '0' },
        context: 1,
      } as unknown as Built;
    }
    const m = member(world, guild, userId);
    if (ctx.roles) m.roles = ctx.roles.map((r) => guild.roles.find((x) => x.name === r || x.id === r)?.id ?? r);
    return {
      ...common,
      guild_id: guild.id,
      guild: { id: guild.id, locale: guild.locale, features: [] },
      guild_locale: ctx.guildLocale ?? guild.locale,
      member: { ...m, permissions: this.permissions(ctx, guild, m.roles, userId).toString() },
      app_permissions: (ctx.appPermissions ?? world.permissionsOf(guild, world.bot.id)).toString(),
      authorizing_integration_owners: { 0: guild.id },
      context: 0,
    } as unknown as Built;
  }

  private userId(ctx: InteractionContext, guild: FakeGuild | undefined): string {
    if (typeof ctx.user === 'string') {
      if (!this.world.users.has(ctx.user)) throw new Error(`fake-discord: unknown user ${ctx.user}`);
      return ctx.user;
    }
    if (ctx.user) {
      const u = this.world.addUser(ctx.user);
      if (guild && !guild.members.has(u.id)) guild.members.set(u.id, []);
      return u.id;
    }
    const id = this.world.defaultUserId(guild);
    if (!id) throw new Error('fake-discord: the world has no human user to act');
    return id;
  }

  private channel(ctx: InteractionContext, guild: FakeGuild | undefined, userId: string): FakeChannel {
    if (!guild) return ctx.channelId ? this.known(ctx.channelId) : this.world.dmChannel(userId);
    const ch = ctx.channelId ? this.known(ctx.channelId) : guild.channels[0];
    if (!ch || ch.guildId !== guild.id) throw new Error(`fake-discord: channel ${ctx.channelId} is not in guild ${guild.id}`);
    return ch;
  }

  private known(channelId: string): FakeChannel {
    const ch = this.world.channels.get(channelId);
    if (!ch) throw new Error(`fake-discord: unknown channel ${channelId}`);
    return ch;
  }

  private permissions(ctx: InteractionContext, guild: FakeGuild, roles: string[], userId: string): bigint {
    const p = ctx.permissions ?? 'member';
    if (typeof p === 'bigint') return p;
    if (p === 'none') return 0n;
    const fromRoles = ctx.roles
      ? this.world.permissionsOf({ ...guild, members: new Map([[userId, roles]]) }, userId)
      : this.world.permissionsOf(guild, userId);
    if (p === 'manageGuild') return fromRoles | PermissionFlagsBits.ManageGuild;
    if (p === 'administrator') return fromRoles | PermissionFlagsBits.Administrator;
    return fromRoles;
  }

  /** Discord sends `resolved` objects for user, channel, role and mentionable option values. */
  private resolve(options: OptionInput[], guildId: string | null): APIInteractionDataResolved | undefined {
    const { world } = this;
    const guild = guildId ? world.guild(guildId) : undefined;
    const resolved: Required<Pick<APIInteractionDataResolved, 'users' | 'members' | 'channels' | 'roles'>> = {
      users: {},
      members: {},
      channels: {},
      roles: {},
    };
    const walk = (opts: OptionInput[]) => {
      for (const o of opts) {
        if (o.options) walk(o.options);
        const id = String(o.value);
        const r = guild?.roles.find((x) => x.id === id);
        if ((o.type === 6 || o.type === 9) && world.users.has(id)) {
          resolved.users[id] = userPayload(world, id);
          if (guild?.members.has(id)) {
            const { user: _u, deaf: _d, mute: _m, ...rest } = member(world, guild, id);
            resolved.members[id] = { ...rest, permissions: world.permissionsOf(guild, id).toString() };
          }
        } else if ((o.type === 8 || o.type === 9) && r) resolved.roles[id] = role(r);
        else if (o.type === 7 && world.channels.has(id)) {
          const c = world.channels.get(id) as FakeChannel;
          resolved.channels[id] = { id, type: c.type, name: c.name, permissions: world.botPermissions.toString() } as never;
        }
      }
    };
    walk(options);
    const used = Object.entries(resolved).filter(([, v]) => Object.keys(v).length > 0);
    return used.length ? (Object.fromEntries(used) as APIInteractionDataResolved) : undefined;
  }

  /**
   * The message a component sits on. A stored message must really contain the component (and, for a
   * select, the chosen values): Discord cannot send a click on a button the bot never posted.
   */
  private componentMessage(input: ComponentInput, channelId: string, synthesized: Record<string, unknown>, values?: string[]): APIMessage {
    const stored = input.messageId ? this.world.messages.get(input.messageId) : undefined;
    if (stored) {
      const comp = findComponent(stored.components ?? [], input.customId);
      if (!comp) throw new Error(`fake-discord: message ${stored.id} has no component '${input.customId}'`);
      const offered = Array.isArray(comp.options) ? comp.options.map((o: { value: string }) => o.value) : [];
      const bad = (values ?? []).filter((v) => !offered.includes(v));
      if (bad.length) throw new Error(`fake-discord: select '${input.customId}' offers no value(s) ${bad.join(', ')}`);
      return structuredClone(stored);
    }
    return {
      id: input.messageId ?? this.world.ids.next(),
      channel_id: channelId,
      author: userPayload(this.world, this.world.bot.id),
      content: '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [{ type: 1, components: [synthesized] }],
      pinned: false,
      type: 0,
      flags: input.ephemeral ? 64 : 0,
      application_id: this.world.applicationId,
    } as unknown as APIMessage;
  }
}
