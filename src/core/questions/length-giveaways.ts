import type { ChoiceQuestion, Question } from './schema.js';

/** How much longer than the other options the correct ones may be before length gives them away. */
export const GIVEAWAY_RATIO = 1.4;

/**
 * Choice items whose correct options stand out by length in either language: a test-wise user
 * would pick the longest option without knowing anything. For single items the correct option is
 * compared with the longest wrong one; for multi items the shortest correct with the longest wrong.
 */
export function findLengthGiveaways(questions: readonly Question[]): ChoiceQuestion[] {
  return questions.filter((q): q is ChoiceQuestion => {
    if (q.kind !== 'single' && q.kind !== 'multi') return false;
    const correct = new Set<string>(q.kind === 'single' ? [q.answer] : q.answer);
    return (['zh', 'en'] as const).some((lang) => {
      const right = q.options.filter((o) => correct.has(o.key)).map((o) => [...o.text[lang]].length);
      const wrong = q.options.filter((o) => !correct.has(o.key)).map((o) => [...o.text[lang]].length);
      if (wrong.length === 0 || right.length === 0) return false;
      return Math.min(...right) > GIVEAWAY_RATIO * Math.max(...wrong);
    });
  });
}
