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
