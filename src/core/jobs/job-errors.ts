/** A job failure that retrying cannot fix (the channel's platform is not running here, the pool is empty). */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

/** Makes the queue run the job again later (someone else is doing the same work right now). */
export class RetryLaterError extends Error {
  override name = 'RetryLaterError';
}
