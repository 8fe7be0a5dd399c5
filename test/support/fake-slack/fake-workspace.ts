import type { ViewOutput } from '@slack/bolt';
import { FAKE_APP, FAKE_CHANNEL, FAKE_TEAM, FAKE_USER } from './defaults.js';
import { viewOutput } from './payloads.js';

/** The state behind the fake Web API and the method handlers, free of HTTP so each answer is easy to read. */

export type ApiArgs = Record<string, unknown>;
export type ApiResult = { ok: true; [key: string]: unknown } | { ok: false; error: string; [key: string]: unknown };

export interface FakeUser {
  id: string;
  name?: string;
  real_name?: string;
  tz?: string;
  locale?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_bot?: boolean;
  deleted?: boolean;
}

export interface FakeChannel {
  id: string;
  name?: string;
  is_private?: boolean;
  /** For a DM: the other member. */
  user?: string;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  text: string;
  blocks?: unknown;
  attachments?: unknown;
  thread_ts?: string;
  reply_broadcast?: boolean;
  metadata?: unknown;
}

export interface WorkspaceOptions {
  users?: FakeUser[];
  channels?: FakeChannel[];
  expiredTriggerIds?: string[];
}

const ok = (fields: Record<string, unknown> = {}): ApiResult => ({ ok: true, ...fields });
const fail = (error: string): ApiResult => ({ ok: false, error });

// Form bodies carry every scalar as a string, JSON bodies as itself: Slack reads 'true', '1' and true alike.
const flag = (v: unknown): boolean => v === true || v === 'true' || v === '1' || v === 1;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);
const record = (v: unknown): Record<string, unknown> | undefined => {
  if (typeof v === 'string') {
    try {
      return record(JSON.parse(v));
    } catch {
      return undefined;
    }
  }
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
};

function tzOffsetSeconds(tz: string): number {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName')?.value;
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60) : 0;
  } catch {
    return 0;
  }
}

/** Message timestamps are 'seconds.micros', unique per workspace and increasing, like Slack's. */
class TsClock {
  private last = 0;
  next(): string {
    this.last = Math.max(this.last + 100, Date.now() * 1000);
    return `${Math.floor(this.last / 1_000_000)}.${String(this.last % 1_000_000).padStart(6, '0')}`;
  }
}

export class FakeWorkspace {
  readonly users = new Map<string, FakeUser>();
  readonly channels = new Map<string, FakeChannel>();
  readonly messages: StoredMessage[] = [];
  readonly views = new Map<string, ViewOutput>();
  readonly homeViews = new Map<string, ViewOutput>();
  readonly expiredTriggerIds = new Set<string>();
  private readonly usedTriggerIds = new Set<string>();
  private readonly clock = new TsClock();
  private viewCount = 0;

  constructor(options: WorkspaceOptions = {}) {
    this.setUser({ id: FAKE_APP.botUserId, name: FAKE_APP.botName, real_name: 'PrepBot', is_bot: true });
    this.setUser({ id: FAKE_USER.id, name: FAKE_USER.name, real_name: 'Alice Example', tz: 'Europe/London', locale: 'en-GB' });
    for (const u of options.users ?? []) this.setUser(u);
    this.channels.set(FAKE_CHANNEL.id, { ...FAKE_CHANNEL });
    for (const c of options.channels ?? []) this.channels.set(c.id, c);
    for (const t of options.expiredTriggerIds ?? []) this.expiredTriggerIds.add(t);
  }

  setUser(user: FakeUser): void {
    this.users.set(user.id, user);
  }

  handle(method: string, args: ApiArgs): ApiResult {
    const handler = this.handlers[method];
    return handler ? handler(args) : fail('unknown_method');
  }

  private readonly handlers: Record<string, (args: ApiArgs) => ApiResult> = {
    'auth.test': () =>
      ok({
        url: FAKE_TEAM.url,
        team: FAKE_TEAM.name,
        user: FAKE_APP.botName,
        team_id: FAKE_TEAM.id,
        user_id: FAKE_APP.botUserId,
        bot_id: FAKE_APP.botId,
        is_enterprise_install: false,
      }),
    'chat.postMessage': (args) => this.postMessage(args),
    'chat.postEphemeral': (args) => {
      const channel = this.resolveChannel(args.channel);
      if (!channel) return fail('channel_not_found');
      const user = str(args.user);
      if (!user || !this.users.has(user)) return fail('user_not_found');
      if (!hasContent(args)) return fail('no_text');
      // Ephemeral messages never show up in conversations.history.
      return ok({ message_ts: this.clock.next() });
    },
    'chat.update': (args) => {
      const found = this.findMessage(args.channel, args.ts);
      if (!found) return fail('message_not_found');
      if (args.text !== undefined) found.text = String(args.text);
      if (args.blocks !== undefined) found.blocks = args.blocks;
      if (args.attachments !== undefined) found.attachments = args.attachments;
      if (args.metadata !== undefined) found.metadata = args.metadata;
      return ok({ channel: found.channel, ts: found.ts, text: found.text, message: this.messageJson(found, false) });
    },
    'chat.delete': (args) => {
      const found = this.findMessage(args.channel, args.ts);
      if (!found) return fail('message_not_found');
      this.messages.splice(this.messages.indexOf(found), 1);
      return ok({ channel: found.channel, ts: found.ts });
    },
    'chat.getPermalink': (args) => {
      const found = this.findMessage(args.channel, args.message_ts);
      if (!found) return fail('message_not_found');
      return ok({ channel: found.channel, permalink: `${FAKE_TEAM.url}archives/${found.channel}/p${found.ts.replace('.', '')}` });
    },
    'views.open': (args) => this.openView(args),
    'views.push': (args) => this.openView(args),
    'views.update': (args) => {
      const viewId = str(args.view_id);
      const externalId = str(args.external_id);
      if (!viewId && !externalId) return fail('invalid_arguments');
      const current = viewId ? this.views.get(viewId) : [...this.views.values()].find((v) => v.external_id === externalId);
      if (!current) return fail('not_found');
      if (str(args.hash) && args.hash !== current.hash) return fail('hash_conflict');
      const view = record(args.view);
      if (!view) return fail('invalid_arguments');
      const updated = this.newView(view, {
        id: current.id,
        root_view_id: current.root_view_id,
        previous_view_id: current.previous_view_id,
      });
      this.views.set(updated.id, updated);
      return ok({ view: updated });
    },
    'views.publish': (args) => {
      const userId = str(args.user_id);
      const view = record(args.view);
      if (!userId || !view || view.type !== 'home') return fail('invalid_arguments');
      if (!this.users.has(userId)) return fail('user_not_found');
      const current = this.homeViews.get(userId);
      if (str(args.hash) && args.hash !== current?.hash) return fail('hash_conflict');
      const published = this.newView(view, current ? { id: current.id } : {});
      this.homeViews.set(userId, published);
      // views.update accepts a Home tab's view id as well.
      this.views.set(published.id, published);
      return ok({ view: published });
    },
    'users.info': (args) => {
      const user = this.users.get(str(args.user) ?? '');
      if (!user) return fail('user_not_found');
      return ok({ user: this.userJson(user, flag(args.include_locale)) });
    },
    'conversations.info': (args) => {
      const id = this.resolveChannel(args.channel);
      if (!id) return fail('channel_not_found');
      const c = this.channels.get(id) ?? { id };
      const isIm = id.startsWith('D');
      return ok({
        channel: {
          id,
          ...(isIm ? { user: c.user } : { name: c.name ?? id.toLowerCase(), is_channel: !c.is_private, is_private: !!c.is_private }),
          is_im: isIm,
          is_member: true,
          is_archived: false,
          created: 1700000000,
        },
      });
    },
    'conversations.history': (args) => this.history(args),
  };

  private postMessage(args: ApiArgs): ApiResult {
    const channel = this.resolveChannel(args.channel);
    if (!channel) return fail('channel_not_found');
    if (!hasContent(args)) return fail('no_text');
    if (args.blocks !== undefined && !Array.isArray(args.blocks)) return fail('invalid_blocks');
    const threadTs = str(args.thread_ts);
    if (threadTs && !this.findMessage(channel, threadTs)) return fail('thread_not_found');
    const message: StoredMessage = { channel, ts: this.clock.next(), text: str(args.text) ?? '' };
    if (args.blocks !== undefined) message.blocks = args.blocks;
    if (args.attachments !== undefined) message.attachments = args.attachments;
    if (threadTs) message.thread_ts = threadTs;
    if (flag(args.reply_broadcast)) message.reply_broadcast = true;
    if (args.metadata !== undefined) message.metadata = record(args.metadata);
    this.messages.push(message);
    return ok({ channel, ts: message.ts, message: this.messageJson(message, false) });
  }

  private history(args: ApiArgs): ApiResult {
    const channel = this.resolveChannel(args.channel);
    if (!channel) return fail('channel_not_found');
    const inclusive = flag(args.inclusive);
    const latest = str(args.latest);
    const oldest = str(args.oldest);
    const within = (ts: string) =>
      (!latest || (inclusive ? Number(ts) <= Number(latest) : Number(ts) < Number(latest))) &&
      (!oldest || (inclusive ? Number(ts) >= Number(oldest) : Number(ts) > Number(oldest)));
    // Thread replies stay out of the channel's history unless they were broadcast to it.
    const all = this.messages
      .filter((m) => m.channel === channel && (!m.thread_ts || m.thread_ts === m.ts || m.reply_broadcast) && within(m.ts))
      .sort((a, b) => Number(b.ts) - Number(a.ts));
    const limit = Math.min(Math.max(Number(str(args.limit) ?? 100), 1), 999);
    const cursor = str(args.cursor);
    const start = cursor ? Number(Buffer.from(cursor, 'base64').toString().replace('offset:', '')) : 0;
    const page = all.slice(start, start + limit);
    const hasMore = start + limit < all.length;
    return ok({
      messages: page.map((m) => this.messageJson(m, flag(args.include_all_metadata))),
      has_more: hasMore,
      pin_count: 0,
      response_metadata: { next_cursor: hasMore ? Buffer.from(`offset:${start + limit}`).toString('base64') : '' },
    });
  }

  private openView(args: ApiArgs): ApiResult {
    const trigger = str(args.trigger_id) ?? str(args.interactivity_pointer);
    const view = record(args.view);
    if (!trigger || !view) return fail('invalid_arguments');
    if (this.expiredTriggerIds.has(trigger)) return fail('expired_trigger_id');
    // A trigger id opens one view, whatever the method.
    if (this.usedTriggerIds.has(trigger)) return fail('exchanged_trigger_id');
    this.usedTriggerIds.add(trigger);
    if (view.type !== 'modal') return fail('invalid_arguments');
    const opened = this.newView(view, {});
    this.views.set(opened.id, opened);
    return ok({ view: opened });
  }

  private newView(input: Record<string, unknown>, keep: Partial<ViewOutput>): ViewOutput {
    const id = keep.id ?? `V0FAKE${String(++this.viewCount).padStart(4, '0')}`;
    const fields = { ...input, id, state: { values: {} }, ...keep } as Partial<ViewOutput> & { id: string };
    // viewOutput() mints a fresh hash; drop any the caller sent so every update gets a new one, as on Slack.
    delete (fields as Partial<ViewOutput>).hash;
    return viewOutput(fields);
  }

  private userJson(u: FakeUser, includeLocale: boolean) {
    const realName = u.real_name ?? u.name ?? u.id;
    return {
      id: u.id,
      team_id: FAKE_TEAM.id,
      name: u.name ?? u.id.toLowerCase(),
      deleted: !!u.deleted,
      real_name: realName,
      tz: u.tz ?? 'America/Los_Angeles',
      tz_label: u.tz ?? 'Pacific Standard Time',
      tz_offset: tzOffsetSeconds(u.tz ?? 'America/Los_Angeles'),
      profile: { real_name: realName, display_name: u.name ?? '' },
      is_admin: !!u.is_admin,
      is_owner: !!u.is_owner,
      is_primary_owner: false,
      is_restricted: false,
      is_ultra_restricted: false,
      is_bot: !!u.is_bot,
      is_app_user: false,
      updated: 1700000000,
      // Slack leaves locale out unless include_locale=true was asked for.
      ...(includeLocale ? { locale: u.locale ?? 'en-US' } : {}),
    };
  }

  private messageJson(m: StoredMessage, withMetadata: boolean) {
    return {
      type: 'message',
      user: FAKE_APP.botUserId,
      bot_id: FAKE_APP.botId,
      app_id: FAKE_APP.appId,
      team: FAKE_TEAM.id,
      text: m.text,
      ts: m.ts,
      ...(m.blocks !== undefined ? { blocks: m.blocks } : {}),
      ...(m.attachments !== undefined ? { attachments: m.attachments } : {}),
      ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}),
      ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}),
    };
  }

  /** Channel ids as Slack mints them; a user id posts to the app's DM with that user. */
  private resolveChannel(raw: unknown): string | undefined {
    const id = str(raw);
    if (!id) return undefined;
    if (/^[UW][A-Z0-9]+$/.test(id)) return this.users.has(id) ? `D${id.slice(1)}` : undefined;
    return this.channels.has(id) || /^[CGD][A-Z0-9]+$/.test(id) ? id : undefined;
  }

  private findMessage(channel: unknown, ts: unknown): StoredMessage | undefined {
    const id = this.resolveChannel(channel);
    return this.messages.find((m) => m.channel === id && m.ts === str(ts));
  }
}

const hasContent = (args: ApiArgs) => !!str(args.text) || args.blocks !== undefined || args.attachments !== undefined;
