/** The fastest answer earns up to this much on top of its grade's points. */
export const SPEED_BONUS_MAX = 0.5;
/** Points per earlier consecutive correct round, for a correct answer, up to the cap. */
export const STREAK_BONUS_STEP = 2;
export const STREAK_BONUS_MAX = 10;

/**
 * A panel round's points for one answer: the grade's points (partial credit included) times a speed
 * bonus from +50% (answered at once) down to +0% (at the deadline), plus 2 points for each earlier
 * consecutive correct round (at most 10) when this answer is correct too.
 */
export function mockPoints(input: {
  gradePoints: number;
  correct: boolean;
  roundStart: number;
  deadline: number;
  answeredAt: number;
  streakBefore: number;
}): number {
  const span = Math.max(1, input.deadline - input.roundStart);
  const left = Math.min(1, Math.max(0, (input.deadline - input.answeredAt) / span));
  const speed = input.gradePoints * SPEED_BONUS_MAX * left;
  const streak = input.correct ? Math.min(STREAK_BONUS_MAX, STREAK_BONUS_STEP * input.streakBefore) : 0;
  return Math.round(input.gradePoints + speed + streak);
}
