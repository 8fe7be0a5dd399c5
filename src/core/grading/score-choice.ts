import type { ChoiceQuestion, OptionKey } from '../questions/schema.js';
import { choiceLookup } from './choice-lookup.js';
import type { ChoiceGradeResult, FeedbackItem } from './grade-result.js';
import { maxPointsFor, pointsFor } from './max-points-for.js';

/**
 * The multi-choice score: 1 for the exact set, otherwise max(0, (right picks - wrong picks) / correct options).
 * Repeated picks count once.
 */
export function multiScore(answer: ReadonlySet<OptionKey>, picked: Iterable<OptionKey>): number {
  let right = 0;
  let wrong = 0;
  for (const k of new Set(picked)) {
    if (answer.has(k)) right++;
    else wrong++;
  }
  if (answer.size === 0) return 0;
  if (right === answer.size && wrong === 0) return 1;
  return Math.max(0, (right - wrong) / answer.size);
}

/**
 * Grades already-parsed picks (from parseChoiceAnswer or parseChoiceKeys). Single: right or wrong.
 * Multi: partial credit, but only the exact set is `correct`. The feedback never names the correct keys.
 */
export function scoreChoice(question: ChoiceQuestion, picked: readonly OptionKey[]): ChoiceGradeResult {
  const { answer } = choiceLookup(question);
  const maxPoints = maxPointsFor(question);
  const keys = [...new Set(picked)];
  const feedback: FeedbackItem[] = [{ type: 'picked', keys }];
  let score: number;
  if (question.kind === 'single') {
    score = keys.length === 1 && answer.has(keys[0] as OptionKey) ? 1 : 0;
  } else {
    score = multiScore(answer, keys);
    if (score < 1) {
      const wrongPicks = keys.filter((k) => !answer.has(k));
      feedback.push({ type: 'multi-near-miss', rightPicks: keys.length - wrongPicks.length, correctCount: answer.size, wrongPicks });
      if (score > 0) feedback.push({ type: 'partial-credit', score });
    }
  }
  return {
    questionId: question.id,
    kind: question.kind,
    score,
    points: pointsFor(score, maxPoints),
    maxPoints,
    correct: score === 1,
    picked: keys,
    feedback,
  };
}
