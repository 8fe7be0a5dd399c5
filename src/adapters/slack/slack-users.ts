import { type SlackMember, slackLocale } from './to-inbound-event.js';

/** The fields of a users.info `user` that PrepBot reads. */
export interface SlackUserInfo {
  id?: string;
  name?: string;
  real_name?: string;
  profile?: { display_name?: string; real_name?: string };
  locale?: string;
  tz?: string;
  is_admin?: boolean;
  is_owner?: boolean;
}

/** users.info with include_locale; undefined when Slack knows no such user. */
export type UserLookup = (userId: string) => Promise<SlackUserInfo | undefined>;

/** Workspace admins and owners may run admin commands, and so may the ids in SLACK_ADMINS. */
export function memberOf(info: SlackUserInfo, userId: string, fallbackName: string, admins: ReadonlySet<string>): SlackMember {
  return {
    userId,
    displayName: info.profile?.display_name || info.real_name || info.profile?.real_name || info.name || fallbackName,
    locale: slackLocale(info.locale),
    timezone: info.tz || undefined,
    isAdmin: info.is_admin === true || info.is_owner === true || admins.has(userId),
  };
}

export interface SlackUsersOptions {
  admins: readonly string[];
  /** How long a member's locale, zone and role are trusted (default 10 minutes). */
  ttlMs?: number;
  /** A failed lookup is retried after this long; meanwhile the member is served from the payload alone. */
  failureTtlMs?: number;
  now?: () => number;
  /** One line per failed lookup. */
  onLookupError?: (error: unknown, userId: string) => void;
}

/**
 * Who a member is, from users.info, cached per member: every event needs the locale, zone and admin
 * flag, and Slack rate-limits users.info. Concurrent lookups of one member share one call. When
 * Slack cannot tell (the member left, the API is down), the member is still served: the name from
 * the payload, no locale or zone, admin only through SLACK_ADMINS.
 */
export class SlackUsers {
  private readonly cache = new Map<string, { until: number; member: Promise<SlackMember> }>();
  private readonly admins: ReadonlySet<string>;
  private readonly ttlMs: number;
  private readonly failureTtlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly lookup: UserLookup,
    private readonly options: SlackUsersOptions,
  ) {
    this.admins = new Set(options.admins);
    this.ttlMs = options.ttlMs ?? 10 * 60_000;
    this.failureTtlMs = options.failureTtlMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  member(teamId: string, userId: string, fallbackName: string): Promise<SlackMember> {
    const key = `${teamId}:${userId}`;
    const now = this.now();
    const cached = this.cache.get(key);
    if (cached && cached.until > now) return cached.member;
    const entry = { until: now + this.ttlMs, member: this.fetch(userId, fallbackName, () => (entry.until = now + this.failureTtlMs)) };
    this.cache.set(key, entry);
    if (this.cache.size > 10_000) this.evictExpired(now);
    return entry.member;
  }

  private async fetch(userId: string, fallbackName: string, onFailure: () => void): Promise<SlackMember> {
    try {
      const info = await this.lookup(userId);
      if (info) return memberOf(info, userId, fallbackName, this.admins);
      this.options.onLookupError?.(new Error('users.info returned no user'), userId);
    } catch (error) {
      this.options.onLookupError?.(error, userId);
    }
    onFailure();
    return { userId, displayName: fallbackName, isAdmin: this.admins.has(userId) };
  }

  private evictExpired(now: number): void {
    for (const [key, entry] of this.cache) if (entry.until <= now) this.cache.delete(key);
  }
}
