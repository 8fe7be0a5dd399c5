import type { APIApplicationCommand, APIMessage } from 'discord.js';
import { fail, json, type RestRequest, type RestResponse, type Route } from './http.js';
import { application, applyEdit, channel, errors, guildCreate, member, message, role, user } from './payloads.js';
import { checkCommands, checkMessage } from './validate.js';
import type { FakeChannel, World } from './world.js';

export interface SessionStartLimit {
  total: number;
  remaining: number;
  reset_after: number;
  max_concurrency: number;
}

export interface RestContext {
  world: World;
  gatewayUrl: () => string;
  shards: number;
  sessionStartLimit: SessionStartLimit;
  /** How long an enforced nonce is remembered ("the past few minutes" in Discord's docs). */
  nonceWindowMs: number;
}

type Obj = Record<string, unknown>;
const bodyOf = (req: RestRequest): Obj =>
  typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body) ? (req.body as Obj) : {};
const missingAccess = { code: 50001, message: 'Missing Access' };

/** Flags a bot may set on a channel message: SUPPRESS_EMBEDS, SUPPRESS_NOTIFICATIONS, IS_COMPONENTS_V2. */
const CHANNEL_MESSAGE_FLAGS = 4 | 4096 | 32768;

export function restRoutes(ctx: RestContext): Route[] {
  const { world } = ctx;
  const nonces = new Map<string, { messageId: string; at: number }>();
  const route = (method: string, pattern: string, handle: Route['handle'], auth = true): Route => ({ method, pattern, handle, auth });
  const withChannel = (id: string | undefined, then: (c: FakeChannel) => RestResponse): RestResponse => {
    const c = id ? world.channels.get(id) : undefined;
    return c ? then(c) : fail(404, errors.unknownChannel);
  };
  const withOwnMessage = (c: FakeChannel, id: string | undefined, then: (m: APIMessage) => RestResponse): RestResponse => {
    const m = id ? world.messages.get(id) : undefined;
    return m && m.channel_id === c.id ? then(m) : fail(404, errors.unknownMessage);
  };

  const postMessage = (c: FakeChannel, req: RestRequest): RestResponse => {
    const body = bodyOf(req);
    const recipient = c.recipientId ? world.users.get(c.recipientId) : undefined;
    if (recipient?.dmsClosed) return fail(403, errors.cannotDm);
    const invalid = checkMessage(body, true, req.files.length > 0);
    if (invalid) return fail(400, invalid);
    const nonce = body.nonce === undefined || body.nonce === null ? undefined : `${c.id}:${String(body.nonce)}`;
    const seen = nonce ? nonces.get(nonce) : undefined;
    if (body.enforce_nonce === true && seen && Date.now() - seen.at < ctx.nonceWindowMs) {
      const first = world.messages.get(seen.messageId);
      if (first) return json(200, first);
    }
    const flags = typeof body.flags === 'number' ? body.flags & CHANNEL_MESSAGE_FLAGS : 0;
    const msg = message(world, { channelId: c.id, authorId: world.bot.id, body, flags, type: body.message_reference ? 19 : 0 });
    msg.attachments = req.files.map((f) => {
      const id = world.ids.next();
      const url = `https://cdn.discordapp.com/attachments/${c.id}/${id}/${f.filename}`;
      return { id, filename: f.filename, size: f.size, url, proxy_url: url, content_type: f.contentType };
    });
    world.messages.set(msg.id, msg);
    if (nonce && body.enforce_nonce === true) nonces.set(nonce, { messageId: msg.id, at: Date.now() });
    return json(200, msg);
  };

  const commandRoutes = (prefix: string, guildScoped: boolean): Route[] => {
    const scope = (p: Record<string, string>): string | null | RestResponse => {
      if (p.app !== world.applicationId) return fail(404, errors.unknownApplication);
      if (!guildScoped) return null;
      return p.guild && world.guild(p.guild) ? p.guild : fail(403, missingAccess);
    };
    const list = (guildId: string | null) => {
      if (!guildId) return world.globalCommands;
      const existing = world.guildCommands.get(guildId);
      if (existing) return existing;
      const created: APIApplicationCommand[] = [];
      world.guildCommands.set(guildId, created);
      return created;
    };
    const withScope = (p: Record<string, string>, then: (guildId: string | null) => RestResponse): RestResponse => {
      const s = scope(p);
      return typeof s === 'object' && s !== null ? s : then(s);
    };
    const stored = (input: Obj, guildId: string | null, previous?: APIApplicationCommand): APIApplicationCommand => {
      const type = (input.type as number | undefined) ?? 1;
      return {
        id: previous?.id ?? world.ids.next(),
        application_id: world.applicationId,
        ...(guildId ? { guild_id: guildId } : {}),
        version: world.ids.next(),
        type,
        name: String(input.name),
        name_localizations: (input.name_localizations as APIApplicationCommand['name_localizations']) ?? null,
        description: type === 1 ? String(input.description ?? '') : '',
        description_localizations: (input.description_localizations as APIApplicationCommand['description_localizations']) ?? null,
        ...(Array.isArray(input.options) && input.options.length ? { options: input.options as APIApplicationCommand['options'] } : {}),
        default_member_permissions: (input.default_member_permissions as string | null | undefined) ?? null,
        ...(guildId ? {} : { dm_permission: input.dm_permission !== false }),
        contexts: (input.contexts as APIApplicationCommand['contexts']) ?? null,
        integration_types: (input.integration_types as APIApplicationCommand['integration_types']) ?? [0],
        nsfw: input.nsfw === true,
      };
    };
    const findById = (guildId: string | null, id: string | undefined) => list(guildId).find((c) => c.id === id);
    return [
      route('GET', prefix, (_req, p) => withScope(p, (g) => json(200, list(g)))),
      // Bulk overwrite: a command keeps its id when its name and type survive, as on Discord.
      route('PUT', prefix, (req, p) =>
        withScope(p, (g) => {
          const invalid = checkCommands(req.body);
          if (invalid) return fail(400, invalid);
          const old = list(g);
          const next = (req.body as Obj[]).map((cmd) =>
            stored(
              cmd,
              g,
              old.find((o) => o.name === cmd.name && o.type === ((cmd.type as number) ?? 1)),
            ),
          );
          old.splice(0, old.length, ...next);
          return json(200, next);
        }),
      ),
      route('POST', prefix, (req, p) =>
        withScope(p, (g) => {
          const body = bodyOf(req);
          const invalid = checkCommands([body]);
          if (invalid) return fail(400, invalid);
          const all = list(g);
          const i = all.findIndex((o) => o.name === body.name && o.type === ((body.type as number) ?? 1));
          const cmd = stored(body, g, all[i]);
          if (i >= 0) all[i] = cmd;
          else all.push(cmd);
          return json(i >= 0 ? 200 : 201, cmd);
        }),
      ),
      route('GET', `${prefix}/:command`, (_req, p) =>
        withScope(p, (g) => {
          const cmd = findById(g, p.command);
          return cmd ? json(200, cmd) : fail(404, errors.unknownCommand);
        }),
      ),
      route('PATCH', `${prefix}/:command`, (req, p) =>
        withScope(p, (g) => {
          const all = list(g);
          const i = all.findIndex((c) => c.id === p.command);
          const current = all[i];
          if (!current) return fail(404, errors.unknownCommand);
          const merged = { ...current, ...bodyOf(req) } as Obj;
          const invalid = checkCommands([merged]);
          if (invalid) return fail(400, invalid);
          const cmd = stored(merged, g, current);
          all[i] = cmd;
          return json(200, cmd);
        }),
      ),
      route('DELETE', `${prefix}/:command`, (_req, p) =>
        withScope(p, (g) => {
          const all = list(g);
          const i = all.findIndex((c) => c.id === p.command);
          if (i < 0) return fail(404, errors.unknownCommand);
          all.splice(i, 1);
          return json(204);
        }),
      ),
    ];
  };

  return [
    route('GET', '/gateway', () => json(200, { url: ctx.gatewayUrl() }), false),
    route('GET', '/gateway/bot', () =>
      json(200, { url: ctx.gatewayUrl(), shards: ctx.shards, session_start_limit: { ...ctx.sessionStartLimit } }),
    ),
    route('GET', '/users/@me', () => json(200, { ...user(world, world.bot.id), verified: true, mfa_enabled: false })),
    route('GET', '/users/:user', (_req, p) =>
      p.user && world.users.has(p.user) ? json(200, user(world, p.user)) : fail(404, errors.unknownUser),
    ),
    route('POST', '/users/@me/channels', (req) => {
      const recipient = String(bodyOf(req).recipient_id ?? '');
      const u = world.users.get(recipient);
      if (!u || u.bot) return fail(400, errors.invalidRecipient);
      return json(200, channel(world, world.dmChannel(recipient)));
    }),
    route('GET', '/applications/@me', () => json(200, application(world))),
    ...commandRoutes('/applications/:app/commands', false),
    ...commandRoutes('/applications/:app/guilds/:guild/commands', true),
    route('GET', '/channels/:channel', (_req, p) => withChannel(p.channel, (c) => json(200, channel(world, c)))),
    route('POST', '/channels/:channel/typing', (_req, p) => withChannel(p.channel, () => json(204))),
    route('GET', '/channels/:channel/messages', (req, p) =>
      withChannel(p.channel, (c) => {
        const limit = Math.min(Number(req.query.limit ?? 50), 100);
        const mine = [...world.messages.values()].filter((m) => m.channel_id === c.id).reverse();
        return json(200, mine.slice(0, limit));
      }),
    ),
    route('POST', '/channels/:channel/messages', (req, p) => withChannel(p.channel, (c) => postMessage(c, req))),
    route('GET', '/channels/:channel/messages/:message', (_req, p) =>
      withChannel(p.channel, (c) => withOwnMessage(c, p.message, (m) => json(200, m))),
    ),
    route('PATCH', '/channels/:channel/messages/:message', (req, p) =>
      withChannel(p.channel, (c) =>
        withOwnMessage(c, p.message, (m) => {
          if (m.author.id !== world.bot.id) return fail(403, errors.cannotEditOthers);
          const body = bodyOf(req);
          const invalid = checkMessage(body, false);
          if (invalid) return fail(400, invalid);
          const edited = applyEdit(structuredClone(m), body, true);
          if (!edited.content && edited.embeds.length === 0 && !edited.components?.length && edited.attachments.length === 0)
            return fail(400, errors.emptyMessage);
          world.messages.set(m.id, edited);
          return json(200, edited);
        }),
      ),
    ),
    route('DELETE', '/channels/:channel/messages/:message', (_req, p) =>
      withChannel(p.channel, (c) =>
        withOwnMessage(c, p.message, (m) => {
          world.messages.delete(m.id);
          return json(204);
        }),
      ),
    ),
    route('GET', '/guilds/:guild', (_req, p) => {
      const g = p.guild ? world.guild(p.guild) : undefined;
      if (!g) return fail(404, errors.unknownGuild);
      const { channels: _c, members: _m, joined_at: _j, voice_states: _v, threads: _t, presences: _p, ...rest } = guildCreate(world, g, 0);
      return json(200, rest);
    }),
    route('GET', '/guilds/:guild/channels', (_req, p) => {
      const g = p.guild ? world.guild(p.guild) : undefined;
      return g
        ? json(
            200,
            g.channels.map((c) => channel(world, c)),
          )
        : fail(404, errors.unknownGuild);
    }),
    route('GET', '/guilds/:guild/roles', (_req, p) => {
      const g = p.guild ? world.guild(p.guild) : undefined;
      return g ? json(200, g.roles.map(role)) : fail(404, errors.unknownGuild);
    }),
    route('GET', '/guilds/:guild/members/:user', (_req, p) => {
      const g = p.guild ? world.guild(p.guild) : undefined;
      if (!g) return fail(404, errors.unknownGuild);
      return p.user && g.members.has(p.user) ? json(200, member(world, g, p.user)) : fail(404, errors.unknownMember);
    }),
  ];
}
