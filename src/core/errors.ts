import type { DailyMessageKey } from './daily/daily-messages.js';
import type { DrillMessageKey } from './drill/drill-messages.js';
import type { Params } from './i18n/catalog.js';
import type { MessageKey } from './i18n/messages.js';
import type { MockMessageKey } from './mock/mock-messages.js';

export type UserFacingCode = MessageKey | DailyMessageKey | DrillMessageKey | MockMessageKey;

/**
 * A mistake the user can fix (unknown topic, bad time, not an admin). The core renders it
 * privately in the user's language; it is never logged as a failure.
 */
export class UserFacingError extends Error {
  constructor(
    readonly code: UserFacingCode,
    readonly params: Params = {},
  ) {
    super(code);
    this.name = 'UserFacingError';
  }
}
