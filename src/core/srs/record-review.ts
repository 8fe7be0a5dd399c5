import type { BotDeps } from '../bot-deps.js';
import { localDate } from '../calendar.js';
import type { InstanceIdentity } from '../instances/question-instance.js';
import type { WorkspaceRef } from '../types.js';
import type { ReviewRating, StoredReview } from './review-card.js';

/**
 * Moves a member's card for a question on after a graded answer in any mode (quiz, drill, daily,
 * mock). Runs once per recorded answer: the lock-in upstream makes a duplicate delivery stop before.
 */
export async function recordReview(
  deps: BotDeps,
  instance: Pick<InstanceIdentity, 'id' | 'questionId' | 'channel'>,
  userId: string,
  topic: string,
  rating: ReviewRating,
  now: number,
  /** The card as the answer recorder read it in its atomic step (saves a round trip). */
  stored: StoredReview | undefined,
): Promise<void> {
  const card = deps.spacing.next(stored?.card, rating, now);
  const newOnDay = stored ? undefined : localDate(new Date(now), deps.defaultTimezone);
  await deps.reviews.save(
    instance.channel,
    userId,
    instance.questionId,
    { card, previous: stored?.card, instanceId: instance.id, topic },
    newOnDay,
  );
}

/**
 * A self-rating after an open question replaces the review its answer made (the member knows better
 * than the key-point grader how well they knew it).
 */
export async function replaceReviewRating(
  deps: BotDeps,
  workspace: WorkspaceRef,
  userId: string,
  questionId: string,
  instanceId: string,
  rating: ReviewRating,
): Promise<void> {
  const stored = await deps.reviews.get(workspace, userId, questionId);
  if (!stored || stored.instanceId !== instanceId) return; // a later answer has moved the card on since
  const at = stored.card.lastReview ?? deps.clock.now().getTime();
  const card = deps.spacing.next(stored.previous, rating, at);
  await deps.reviews.save(workspace, userId, questionId, { ...stored, card });
}
