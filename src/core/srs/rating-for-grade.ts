import type { GradeSummary } from '../instances/question-instance.js';
import type { ReviewRating } from './review-card.js';

/** A right answer of an auto-graded question within this long after it was shown counts as easy. */
export const FAST_ANSWER_MS = 15_000;

/**
 * The FSRS rating a grade stands for: wrong -> again, partly right -> hard, right -> good, right
 * and fast -> easy. Open answers are never "easy" by speed (their self-rating decides).
 */
export function ratingForGrade(result: GradeSummary, kind: 'single' | 'multi' | 'short' | 'open', elapsedMs: number): ReviewRating {
  if (!result.correct) return result.score > 0 ? 'hard' : 'again';
  return kind !== 'open' && elapsedMs >= 0 && elapsedMs < FAST_ANSWER_MS ? 'easy' : 'good';
}
