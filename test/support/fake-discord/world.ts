import type { APIApplicationCommand, APIInteraction, APIMessage } from 'discord.js';
import { PermissionFlagsBits } from 'discord.js';
import { Snowflakes } from './snowflake.js';

export interface UserSpec {
  id?: string;
  username: string;
  globalName?: string | null;
  /** Discord answers 50007 "Cannot send messages to this user" to DMs for such users. */
  dmsClosed?: boolean;
}

export interface MemberSpec extends UserSpec {
  /** Role names (from the guild's `roles`) or role ids. */
  roles?: string[];
}

export interface RoleSpec {
  id?: string;
  name: string;
  permissions: bigint;
}

export interface GuildSpec {
  id?: string;
  name?: string;
  /** The guild's preferred_locale, sent as guild_locale in interactions. */
  locale?: string;
  everyonePermissions?: bigint;
  roles?: RoleSpec[];
  channels?: Array<{ id?: string; name: string; topic?: string | null }>;
  /** The first member owns the guild. The bot is always a member. */
  members?: MemberSpec[];
}

export interface WorldOptions {
  bot?: { id?: string; username?: string };
  botPermissions?: bigint;
  guilds?: GuildSpec[];
  /** Users who share no guild with the bot (e.g. to open DMs with). */
  users?: UserSpec[];
}

export interface FakeUser {
  id: string;
  username: string;
  globalName: string | null;
  bot: boolean;
  dmsClosed: boolean;
}

export interface FakeRole {
  id: string;
  name: string;
  permissions: bigint;
  position: number;
  botId?: string;
}

export interface FakeChannel {
  id: string;
  name: string | null;
  type: 0 | 1;
  guildId: string | null;
  topic: string | null;
  position: number;
  recipientId?: string;
}

export interface FakeGuild {
  id: string;
  name: string;
  locale: string;
  ownerId: string;
  roles: FakeRole[];
  channels: FakeChannel[];
  /** userId -> role ids (without @everyone). */
  members: Map<string, string[]>;
  joinedAt: string;
}

export interface InteractionCallback {
  type: number;
  data: unknown;
  at: number;
}

export interface InteractionRecord {
  payload: APIInteraction;
  /** When it was dispatched: Discord refuses the initial response after 3 seconds. */
  dispatchedAt: number;
  callbacks: InteractionCallback[];
  /** The message `@original` refers to, once there is one. */
  originalId: string | null;
  /** Every message the interaction webhook may edit: the original response and follow-ups. */
  messageIds: Set<string>;
}

const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((a, b) => a | b, 0n);

/** Roughly what Discord gives @everyone in a new server: talk, read, react, use commands, but not manage anything. */
export const EVERYONE_DEFAULT_PERMISSIONS =
  PermissionFlagsBits.CreateInstantInvite |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.Connect |
  PermissionFlagsBits.Speak |
  PermissionFlagsBits.ChangeNickname |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.SendMessagesInThreads;

const DEFAULT_GUILD: GuildSpec = {
  name: 'Fake Guild',
  locale: 'en-US',
  roles: [{ name: 'Moderator', permissions: PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ManageMessages }],
  channels: [{ name: 'general' }, { name: 'daily' }],
  members: [
    { username: 'owner' },
    { username: 'alice', globalName: 'Alice' },
    { username: 'bob', globalName: 'Bob', roles: ['Moderator'] },
  ],
};

/** The fake's whole in-memory Discord: users, guilds, channels, messages and registered commands. */
export class World {
  readonly ids = new Snowflakes();
  readonly bot: FakeUser;
  readonly applicationId: string;
  readonly botPermissions: bigint;
  readonly users = new Map<string, FakeUser>();
  readonly guilds: FakeGuild[] = [];
  readonly channels = new Map<string, FakeChannel>();
  readonly messages = new Map<string, APIMessage>();
  readonly globalCommands: APIApplicationCommand[] = [];
  readonly guildCommands = new Map<string, APIApplicationCommand[]>();
  readonly interactions = new Map<string, InteractionRecord>();
  /** custom_id -> text input custom_ids of every modal the bot has shown, to check injected submits against. */
  readonly shownModals = new Map<string, string[]>();

  constructor(options: WorldOptions = {}) {
    // Modern apps share one id between the application and its bot user.
    this.bot = this.addUser({ id: options.bot?.id, username: options.bot?.username ?? 'PrepBot' }, true);
    this.applicationId = this.bot.id;
    this.botPermissions =
      options.botPermissions ?? EVERYONE_DEFAULT_PERMISSIONS | PermissionFlagsBits.ManageMessages | PermissionFlagsBits.CreatePublicThreads;
    for (const spec of options.guilds ?? [DEFAULT_GUILD]) this.addGuild(spec);
    for (const spec of options.users ?? []) this.addUser(spec);
  }

  addUser(spec: UserSpec, bot = false): FakeUser {
    const existing = spec.id ? this.users.get(spec.id) : undefined;
    if (existing) return existing;
    const user: FakeUser = {
      id: spec.id ?? this.ids.next(),
      username: spec.username,
      globalName: spec.globalName ?? null,
      bot,
      dmsClosed: spec.dmsClosed ?? false,
    };
    this.users.set(user.id, user);
    return user;
  }

  private addGuild(spec: GuildSpec): void {
    const id = spec.id ?? this.ids.next();
    const roles: FakeRole[] = [
      { id, name: '@everyone', permissions: spec.everyonePermissions ?? EVERYONE_DEFAULT_PERMISSIONS, position: 0 },
    ];
    for (const [i, r] of (spec.roles ?? []).entries())
      roles.push({ id: r.id ?? this.ids.next(), name: r.name, permissions: r.permissions, position: i + 1 });
    // Discord creates a managed role for every bot it adds, holding the permissions of its invite.
    const botRole: FakeRole = {
      id: this.ids.next(),
      name: this.bot.username,
      permissions: this.botPermissions,
      position: roles.length,
      botId: this.bot.id,
    };
    roles.push(botRole);
    const members = new Map<string, string[]>();
    for (const m of spec.members ?? []) {
      const user = this.addUser(m);
      members.set(
        user.id,
        (m.roles ?? []).map((r) => roles.find((role) => role.name === r || role.id === r)?.id ?? r),
      );
    }
    members.set(this.bot.id, [botRole.id]);
    const ownerId = members.keys().next().value ?? this.bot.id;
    const guild: FakeGuild = {
      id,
      name: spec.name ?? 'Fake Guild',
      locale: spec.locale ?? 'en-US',
      ownerId,
      roles,
      channels: [],
      members,
      joinedAt: new Date().toISOString(),
    };
    for (const [position, c] of (spec.channels ?? [{ name: 'general' }]).entries()) {
      const channel: FakeChannel = { id: c.id ?? this.ids.next(), name: c.name, type: 0, guildId: id, topic: c.topic ?? null, position };
      guild.channels.push(channel);
      this.channels.set(channel.id, channel);
    }
    this.guilds.push(guild);
  }

  guild(id: string): FakeGuild | undefined {
    return this.guilds.find((g) => g.id === id);
  }

  /** Base permissions as Discord computes them (owner and Administrator get everything); channel overwrites are not modelled. */
  permissionsOf(guild: FakeGuild, userId: string): bigint {
    if (userId === guild.ownerId) return ALL_PERMISSIONS;
    const roleIds = new Set([guild.id, ...(guild.members.get(userId) ?? [])]);
    const perms = guild.roles.filter((r) => roleIds.has(r.id)).reduce((acc, r) => acc | r.permissions, 0n);
    return perms & PermissionFlagsBits.Administrator ? ALL_PERMISSIONS : perms;
  }

  /** The DM channel between the bot and a user, created on first use like POST /users/@me/channels. */
  dmChannel(userId: string): FakeChannel {
    for (const c of this.channels.values()) if (c.type === 1 && c.recipientId === userId) return c;
    const channel: FakeChannel = { id: this.ids.next(), name: null, type: 1, guildId: null, topic: null, position: 0, recipientId: userId };
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** Who acts when a test does not say: the guild's second human (a plain member, not the owner), else any human. */
  defaultUserId(guild: FakeGuild | undefined): string | undefined {
    const ids = guild ? [...guild.members.keys()] : [...this.users.keys()];
    const humans = ids.filter((id) => id !== this.bot.id);
    return humans[1] ?? humans[0];
  }

  commandsFor(guildId: string | null): APIApplicationCommand[] {
    return guildId ? (this.guildCommands.get(guildId) ?? []) : this.globalCommands;
  }

  /** A registered command by name, the guild's own before the global one, as Discord resolves them in a guild. */
  findCommand(name: string, guildId: string | null, type = 1): APIApplicationCommand | undefined {
    const match = (c: APIApplicationCommand) => c.name === name && c.type === type;
    return (guildId ? this.commandsFor(guildId).find(match) : undefined) ?? this.globalCommands.find(match);
  }
}
