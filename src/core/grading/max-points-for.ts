import type { Question } from '../questions/schema.js';

/** Points scale with difficulty: 10, 20 or 30. */
export function maxPointsFor(question: Pick<Question, 'difficulty'>): number {
  return 10 * question.difficulty;
}

/** Points for a score in 0..1 (clamped; NaN counts as 0): Math.round(score * maxPoints). */
export function pointsFor(score: number, maxPoints: number): number {
  const s = Number.isNaN(score) ? 0 : Math.min(1, Math.max(0, score));
  return Math.round(s * maxPoints);
}
