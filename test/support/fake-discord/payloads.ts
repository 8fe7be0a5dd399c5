import type {
  APIApplication,
  APIChannel,
  APIGuildMember,
  APIMessage,
  APIRole,
  APIUser,
  ChannelFlags,
  GatewayGuildCreateDispatchData,
  GatewayReadyDispatchData,
  GuildMemberFlags,
  GuildSystemChannelFlags,
  RoleFlags,
  UserFlags,
} from 'discord.js';
import { ChannelType, GatewayIntentBits } from 'discord.js';
import type { FakeChannel, FakeGuild, FakeRole, World } from './world.js';

/** Discord's JSON error body: discord.js reads `code` and `message` (and flattens `errors`) into DiscordAPIError. */
export interface DiscordError {
  code: number;
  message: string;
  errors?: unknown;
}

export const errors = {
  notFound: { code: 0, message: '404: Not Found' },
  methodNotAllowed: { code: 0, message: '405: Method Not Allowed' },
  unauthorized: { code: 0, message: '401: Unauthorized' },
  unknownApplication: { code: 10002, message: 'Unknown Application' },
  unknownChannel: { code: 10003, message: 'Unknown Channel' },
  unknownGuild: { code: 10004, message: 'Unknown Guild' },
  unknownMember: { code: 10007, message: 'Unknown Member' },
  unknownMessage: { code: 10008, message: 'Unknown Message' },
  unknownUser: { code: 10013, message: 'Unknown User' },
  unknownWebhook: { code: 10015, message: 'Unknown Webhook' },
  unknownCommand: { code: 10063, message: 'Unknown application command' },
  unknownInteraction: { code: 10062, message: 'Unknown interaction' },
  cannotEditOthers: { code: 50005, message: 'Cannot edit a message authored by another user' },
  emptyMessage: { code: 50006, message: 'Cannot send an empty message' },
  cannotDm: { code: 50007, message: 'Cannot send messages to this user' },
  invalidRecipient: { code: 50033, message: 'Invalid Recipient(s)' },
  alreadyAcknowledged: { code: 40060, message: 'Interaction has already been acknowledged.' },
} satisfies Record<string, DiscordError>;

export function user(world: World, id: string): APIUser {
  const u = world.users.get(id);
  if (!u) throw new Error(`fake-discord: unknown user ${id}`);
  return {
    id: u.id,
    username: u.username,
    discriminator: '0',
    global_name: u.globalName,
    avatar: null,
    ...(u.bot ? { bot: true } : {}),
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
  };
}

export function role(r: FakeRole): APIRole {
  return {
    id: r.id,
    name: r.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: r.position,
    permissions: r.permissions.toString(),
    managed: r.botId !== undefined,
    mentionable: false,
    flags: 0 as RoleFlags,
    ...(r.botId ? { tags: { bot_id: r.botId } } : {}),
  };
}

export function member(world: World, guild: FakeGuild, userId: string): APIGuildMember {
  return {
    user: user(world, userId),
    nick: null,
    avatar: null,
    banner: null,
    roles: guild.members.get(userId) ?? [],
    joined_at: guild.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

/** GUILD_CREATE omits guild_id on its channels; REST includes it. */
export function channel(world: World, c: FakeChannel, withGuildId = true): APIChannel {
  if (c.type === ChannelType.DM) {
    return {
      id: c.id,
      type: ChannelType.DM,
      last_message_id: null,
      recipients: c.recipientId ? [user(world, c.recipientId)] : [],
      flags: 0 as ChannelFlags,
      name: null,
    };
  }
  return {
    id: c.id,
    type: ChannelType.GuildText,
    ...(withGuildId && c.guildId ? { guild_id: c.guildId } : {}),
    name: c.name ?? 'channel',
    position: c.position,
    permission_overwrites: [],
    topic: c.topic,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: null,
    flags: 0 as ChannelFlags,
  };
}

/**
 * A full GUILD_CREATE, shaped by the intents the client identified with: without the privileged
 * GuildMembers intent Discord only includes the bot's own member.
 */
export function guildCreate(world: World, guild: FakeGuild, intents: number): GatewayGuildCreateDispatchData {
  const memberIds = intents & GatewayIntentBits.GuildMembers ? [...guild.members.keys()] : [world.bot.id];
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    region: 'deprecated',
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: guild.roles.map(role),
    emojis: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: guild.channels[0]?.id ?? null,
    system_channel_flags: 0 as GuildSystemChannelFlags,
    rules_channel_id: null,
    max_presences: null,
    max_members: 500000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: guild.locale as GatewayGuildCreateDispatchData['preferred_locale'],
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: 0,
    stickers: [],
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    hub_type: null,
    incidents_data: null,
    joined_at: guild.joinedAt,
    large: false,
    unavailable: false,
    member_count: guild.members.size,
    voice_states: [],
    members: memberIds.map((id) => member(world, guild, id)),
    channels: guild.channels.map((c) => channel(world, c, false)) as GatewayGuildCreateDispatchData['channels'],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export function ready(
  world: World,
  sessionId: string,
  resumeUrl: string,
  shard: [number, number],
  guilds: FakeGuild[],
): GatewayReadyDispatchData {
  return {
    v: 10,
    user: { ...user(world, world.bot.id), verified: true, mfa_enabled: false, bot: true },
    guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
    session_id: sessionId,
    resume_gateway_url: resumeUrl,
    shard,
    // 1<<19 GATEWAY_MESSAGE_CONTENT_LIMITED: an unverified bot with the Message Content intent toggled on.
    application: { id: world.applicationId, flags: 1 << 19, flags_new: String(1 << 19) },
  };
}

export function application(world: World): APIApplication {
  return {
    id: world.applicationId,
    name: world.bot.username,
    icon: null,
    description: '',
    bot_public: true,
    bot_require_code_grant: false,
    bot: user(world, world.bot.id),
    verify_key: '0'.repeat(64),
    flags: 1 << 19,
    team: null,
    summary: '',
    guild_id: undefined,
  } as APIApplication;
}

export interface MessageInit {
  channelId: string;
  authorId: string;
  body: Record<string, unknown>;
  type?: number;
  webhookId?: string;
  interaction?: { id: string; type: number; userId: string; name?: string };
  flags?: number;
}

/** A message as Discord returns it from any create route: every array present, timestamps set. */
export function message(world: World, init: MessageInit): APIMessage {
  const { body } = init;
  const c = world.channels.get(init.channelId);
  const msg: APIMessage = {
    id: world.ids.next(),
    channel_id: init.channelId,
    author: init.webhookId ? { ...user(world, init.authorId), bot: true } : user(world, init.authorId),
    content: typeof body.content === 'string' ? body.content : '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: body.tts === true,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: Array.isArray(body.embeds) ? body.embeds : [],
    components: Array.isArray(body.components) ? body.components : [],
    pinned: false,
    type: init.type ?? 0,
    flags: init.flags ?? (typeof body.flags === 'number' ? body.flags : 0),
    ...(body.nonce !== undefined ? { nonce: body.nonce as string } : {}),
    ...(init.webhookId ? { webhook_id: init.webhookId, application_id: world.applicationId } : {}),
    ...(init.interaction
      ? {
          interaction_metadata: {
            id: init.interaction.id,
            type: init.interaction.type,
            user: user(world, init.interaction.userId),
            authorizing_integration_owners: c?.guildId ? { 0: c.guildId } : { 1: init.interaction.userId },
          } as APIMessage['interaction_metadata'],
        }
      : {}),
  };
  if (c?.guildId) (msg as APIMessage & { guild_id?: string }).guild_id = c.guildId;
  return msg;
}

/** Applies an edit body to a stored message, keeping the fields Discord does not let an edit change. */
export function applyEdit(msg: APIMessage, body: Record<string, unknown>, markEdited: boolean): APIMessage {
  if (typeof body.content === 'string' || body.content === null) msg.content = body.content ?? '';
  if (Array.isArray(body.embeds)) msg.embeds = body.embeds;
  if (Array.isArray(body.components)) msg.components = body.components;
  if (typeof body.flags === 'number') {
    // Only SUPPRESS_EMBEDS (1<<2) may be toggled on edit; EPHEMERAL and the rest stay as created.
    msg.flags = ((msg.flags ?? 0) & ~4) | (body.flags & 4);
  }
  if (markEdited) msg.edited_timestamp = new Date().toISOString();
  return msg;
}
