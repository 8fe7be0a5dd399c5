import { isLocale, type Locale } from '../../core/i18n/catalog.js';
import type { UserDirectory } from '../../core/ports.js';
import type { UserRef, WorkspaceRef } from '../../core/types.js';
import type { RedisKeys } from './keys.js';
import type { RedisClient } from './redis-client.js';

export class RedisUserDirectory implements UserDirectory {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  async remember(ws: WorkspaceRef, user: UserRef): Promise<void> {
    await this.redis.hset(this.keys.displayNames(ws), user.userId, user.displayName);
  }

  async localeOf(ws: WorkspaceRef, userId: string): Promise<Locale | undefined> {
    const v = await this.redis.hget(this.keys.locales(ws), userId);
    return isLocale(v) ? v : undefined;
  }

  async setLocale(ws: WorkspaceRef, userId: string, locale: Locale): Promise<void> {
    await this.redis.hset(this.keys.locales(ws), userId, locale);
  }

  async displayNames(ws: WorkspaceRef, userIds: readonly string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const names = await this.redis.hmget(this.keys.displayNames(ws), ...userIds);
    const out = new Map<string, string>();
    userIds.forEach((id, i) => {
      const n = names[i];
      if (n) out.set(id, n);
    });
    return out;
  }
}
