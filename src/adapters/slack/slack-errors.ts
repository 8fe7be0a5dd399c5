import { ChannelGoneError, PermanentJobError } from '../../core/jobs/job-errors.js';

/** The `error` of a Slack answer with ok:false (channel_not_found...), or undefined for any other failure. */
export function slackErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, data } = error as { code?: unknown; data?: { error?: unknown } };
  return code === 'slack_webapi_platform_error' && typeof data?.error === 'string' ? data.error : undefined;
}

/** The channel was deleted or archived, the bot is not in it, or the workspace's bot account is gone: nothing posted there can work. */
const CHANNEL_GONE = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'account_inactive']);
/** The member left or is not in the channel, the message to edit is gone: this job cannot succeed, others may. */
const PERMANENT = new Set(['user_not_found', 'user_not_in_channel', 'message_not_found']);

/** For the job queue: a failure no retry can fix fails the job for good, with the reason in one line; others stay retryable. */
export function asJobError(error: unknown, what: string): unknown {
  const code = slackErrorCode(error);
  if (code && CHANNEL_GONE.has(code)) return new ChannelGoneError(`slack refused ${what}: ${code}`);
  if (code && PERMANENT.has(code)) return new PermanentJobError(`slack refused ${what}: ${code}`);
  return error;
}

/**
 * A failure another attempt may get past: no answer (a timeout, a dropped connection) or an HTTP
 * error such as a 5xx. Slack may have acted on the request all the same.
 */
export function isTransient(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 'slack_webapi_request_error' || code === 'slack_webapi_http_error';
}

/**
 * A 429 the Web API client has already waited out (its Retry-After) before giving up: nothing was
 * posted. Known by the client's message; should that change, the caller just looks before posting.
 */
export function wasRateLimited(error: unknown): boolean {
  const original = typeof error === 'object' && error !== null ? (error as { original?: unknown }).original : undefined;
  return isTransient(error) && original instanceof Error && original.message.startsWith('A rate limit was exceeded');
}
