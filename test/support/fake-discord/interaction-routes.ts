import type { APIMessage } from 'discord.js';
import { fail, json, type RestRequest, type RestResponse, type Route } from './http.js';
import { applyEdit, errors, message } from './payloads.js';
import { checkAutocomplete, checkMessage, checkModal } from './validate.js';
import type { InteractionRecord, World } from './world.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Which callback types Discord accepts for each interaction type (2 command, 3 component, 4 autocomplete, 5 modal submit). */
const ALLOWED_CALLBACKS: Record<number, number[]> = {
  1: [1],
  2: [4, 5, 9, 10, 12],
  3: [4, 5, 6, 7, 9, 10, 12],
  4: [8],
  5: [4, 5, 6, 7, 10],
};

const EPHEMERAL = 64;
const LOADING = 128;
/** Flags an interaction response may set: SUPPRESS_EMBEDS, EPHEMERAL, SUPPRESS_NOTIFICATIONS, IS_COMPONENTS_V2. */
const RESPONSE_FLAGS = 4 | EPHEMERAL | 4096 | 32768;

export interface InteractionRouteContext {
  world: World;
  /** Discord's 3 seconds for the initial response. */
  deadlineMs: number;
}

const invalidType = (type: unknown) => ({
  code: 50035,
  message: 'Invalid Form Body',
  errors: {
    type: {
      _errors: [
        { code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: `Interaction response type ${String(type)} is invalid for this interaction` },
      ],
    },
  },
});

export function interactionRoutes(ctx: InteractionRouteContext): Route[] {
  const { world } = ctx;

  const responseMessage = (rec: InteractionRecord, data: Obj, flags: number): APIMessage => {
    const p = rec.payload;
    const userId = p.member?.user.id ?? p.user?.id ?? world.bot.id;
    return message(world, {
      channelId: p.channel_id ?? '',
      authorId: world.bot.id,
      body: data,
      webhookId: world.applicationId,
      // Replies to slash commands are CHAT_INPUT_COMMAND (20) messages; replies to components are plain.
      type: p.type === 2 ? 20 : 0,
      flags,
      interaction: { id: p.id, type: p.type, userId },
    });
  };

  /** For updates: the component's message becomes the interaction's @original. */
  const adoptComponentMessage = (rec: InteractionRecord): APIMessage | undefined => {
    const m = rec.payload.message;
    if (!m) return undefined;
    const stored = world.messages.get(m.id) ?? structuredClone(m);
    world.messages.set(stored.id, stored);
    rec.originalId = stored.id;
    rec.messageIds.add(stored.id);
    return stored;
  };

  const callback = (req: RestRequest, p: Record<string, string>): RestResponse => {
    const rec = p.interaction ? world.interactions.get(p.interaction) : undefined;
    if (!rec || rec.payload.token !== p.token) return fail(404, errors.unknownInteraction);
    if (rec.callbacks.length > 0) return fail(400, errors.alreadyAcknowledged);
    if (Date.now() - rec.dispatchedAt > ctx.deadlineMs) return fail(404, errors.unknownInteraction);
    const body = isObj(req.body) ? req.body : {};
    const type = body.type as number;
    const data = isObj(body.data) ? body.data : {};
    if (!ALLOWED_CALLBACKS[rec.payload.type]?.includes(type)) return fail(400, invalidType(type));
    if ((type === 6 || type === 7) && !rec.payload.message) return fail(400, invalidType(type));
    const invalid =
      type === 4
        ? checkMessage(data, true, req.files.length > 0)
        : type === 7
          ? checkMessage(data, false)
          : type === 8
            ? checkAutocomplete(data)
            : type === 9
              ? checkModal(data)
              : null;
    if (invalid) return fail(400, invalid);

    let msg: APIMessage | undefined;
    if (type === 4 || type === 5) {
      const flags = typeof data.flags === 'number' ? data.flags & RESPONSE_FLAGS : 0;
      msg = responseMessage(rec, type === 4 ? data : {}, type === 5 ? (flags & EPHEMERAL) | LOADING : flags);
      world.messages.set(msg.id, msg);
      rec.originalId = msg.id;
      rec.messageIds.add(msg.id);
    } else if (type === 6 || type === 7) {
      msg = adoptComponentMessage(rec);
      if (msg && type === 7) applyEdit(msg, data, true);
    } else if (type === 9) {
      world.shownModals.set(String(data.custom_id), textInputIds(data.components));
    }
    rec.callbacks.push({ type, data: body.data, at: Date.now() });
    if (req.query.with_response !== 'true') return json(204);
    return json(200, {
      interaction: {
        id: rec.payload.id,
        type: rec.payload.type,
        ...(msg
          ? {
              response_message_id: msg.id,
              response_message_loading: type === 5,
              response_message_ephemeral: ((msg.flags ?? 0) & EPHEMERAL) !== 0,
            }
          : {}),
      },
      resource: { type, ...(msg && type !== 6 ? { message: msg } : {}) },
    });
  };

  /** Interaction webhooks exist once the interaction is acknowledged, under the application id and interaction token. */
  const withWebhook = (p: Record<string, string>, then: (rec: InteractionRecord) => RestResponse): RestResponse => {
    const rec = [...world.interactions.values()].find((r) => r.payload.token === p.token);
    if (!rec || p.app !== world.applicationId || rec.callbacks.length === 0) return fail(404, errors.unknownWebhook);
    return then(rec);
  };
  const withMessage = (rec: InteractionRecord, id: string | undefined, then: (m: APIMessage) => RestResponse): RestResponse => {
    const messageId = id === '@original' ? rec.originalId : id;
    const m = messageId && rec.messageIds.has(messageId) ? world.messages.get(messageId) : undefined;
    return m ? then(m) : fail(404, errors.unknownMessage);
  };

  return [
    { method: 'POST', pattern: '/interactions/:interaction/:token/callback', auth: false, handle: callback },
    {
      method: 'POST',
      pattern: '/webhooks/:app/:token',
      auth: false,
      handle: (req, p) =>
        withWebhook(p, (rec) => {
          const data = isObj(req.body) ? req.body : {};
          const invalid = checkMessage(data, true, req.files.length > 0);
          if (invalid) return fail(400, invalid);
          const flags = typeof data.flags === 'number' ? data.flags & RESPONSE_FLAGS : 0;
          const msg = responseMessage(rec, data, flags);
          world.messages.set(msg.id, msg);
          rec.messageIds.add(msg.id);
          return req.query.wait === 'false' ? json(204) : json(200, msg);
        }),
    },
    {
      method: 'GET',
      pattern: '/webhooks/:app/:token/messages/:message',
      auth: false,
      handle: (_req, p) => withWebhook(p, (rec) => withMessage(rec, p.message, (m) => json(200, m))),
    },
    {
      method: 'PATCH',
      pattern: '/webhooks/:app/:token/messages/:message',
      auth: false,
      handle: (req, p) =>
        withWebhook(p, (rec) =>
          withMessage(rec, p.message, (m) => {
            const body = isObj(req.body) ? req.body : {};
            const invalid = checkMessage(body, false);
            if (invalid) return fail(400, invalid);
            const loading = ((m.flags ?? 0) & LOADING) !== 0;
            // The first edit of a deferred reply fills it in: no "(edited)" mark, and the loading state ends.
            const edited = applyEdit(structuredClone(m), body, !loading);
            edited.flags = (edited.flags ?? 0) & ~LOADING;
            if (!edited.content && edited.embeds.length === 0 && !edited.components?.length && req.files.length === 0)
              return fail(400, errors.emptyMessage);
            world.messages.set(m.id, edited);
            return json(200, edited);
          }),
        ),
    },
    {
      method: 'DELETE',
      pattern: '/webhooks/:app/:token/messages/:message',
      auth: false,
      handle: (_req, p) =>
        withWebhook(p, (rec) =>
          withMessage(rec, p.message, (m) => {
            world.messages.delete(m.id);
            rec.messageIds.delete(m.id);
            if (rec.originalId === m.id) rec.originalId = null;
            return json(204);
          }),
        ),
    },
  ];
}

function textInputIds(components: unknown): string[] {
  const ids: string[] = [];
  const walk = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const c of list) {
      if (!isObj(c)) continue;
      if (c.type === 4 && typeof c.custom_id === 'string') ids.push(c.custom_id);
      walk(c.components);
      if (c.component) walk([c.component]);
    }
  };
  walk(components);
  return ids;
}
