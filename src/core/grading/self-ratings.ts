/**
 * How a user rates their own open answer after seeing the reference; spaced repetition records it.
 * Ordered from worst to best.
 */
export const SELF_RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type SelfRating = (typeof SELF_RATINGS)[number];

export function isSelfRating(value: unknown): value is SelfRating {
  return typeof value === 'string' && (SELF_RATINGS as readonly string[]).includes(value);
}
