import type { DeliveryGuard } from '../../core/ports.js';
import type { RedisKeys } from './keys.js';
import type { RedisClient } from './redis-client.js';

/** Platforms retry for minutes at most; an hour of memory covers every duplicate delivery. */
const RETENTION_S = 3600;

export class RedisDeliveryGuard implements DeliveryGuard {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  async firstDelivery(id: string): Promise<boolean> {
    return (await this.redis.set(this.keys.delivery(id), '1', 'EX', RETENTION_S, 'NX')) === 'OK';
  }
}
