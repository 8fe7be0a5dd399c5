import type { Question } from './schema.js';

/** Similarity above which two prompts are reported as a likely duplicate. */
export const NEAR_DUPLICATE_THRESHOLD = 0.9;

function bigrams(text: string): Set<string> {
  // NFKC folds full-width forms; dropping punctuation and spaces makes "TCP 的 flags?" equal "TCP的flags".
  const s = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
  const grams = new Set<string>();
  for (let i = 0; i < s.length - 1; i++) grams.add(s.slice(i, i + 2));
  if (s.length === 1) grams.add(s);
  return grams;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * Pairs of items whose prompts are nearly the same in either language (Dice coefficient over
 * character bigrams of the normalised prompt). Later items are reported against earlier ones.
 */
export function findNearDuplicates(questions: readonly Question[]): Array<[Question, Question]> {
  const grams = questions.map((q) => ({ zh: bigrams(q.prompt.zh), en: bigrams(q.prompt.en) }));
  const pairs: Array<[Question, Question]> = [];
  for (let i = 0; i < questions.length; i++) {
    for (let j = i + 1; j < questions.length; j++) {
      const gi = grams[i];
      const gj = grams[j];
      if (!gi || !gj) continue;
      const score = Math.max(dice(gi.zh, gj.zh), dice(gi.en, gj.en));
      if (score >= NEAR_DUPLICATE_THRESHOLD) pairs.push([questions[i] as Question, questions[j] as Question]);
    }
  }
  return pairs;
}
