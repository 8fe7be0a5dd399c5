/** A job failure that retrying cannot fix (the channel's platform is not running here, the pool is empty). */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

/**
 * The platform says the channel is gone or closed to the bot (deleted, archived, access or
 * permission lost): nothing scheduled there can succeed, so its schedules are ended.
 */
export class ChannelGoneError extends PermanentJobError {
  override name = 'ChannelGoneError';
}

/** Makes the queue run the job again later (someone else is doing the same work right now). */
export class RetryLaterError extends Error {
  override name = 'RetryLaterError';
}
