import type { Question } from './schema.js';

/** Similarity above which two prompts are reported as a likely duplicate. */
export const NEAR_DUPLICATE_THRESHOLD = 0.9;

/** Distinct character bigrams of the normalised text, as sorted integer codes. */
function bigrams(text: string): Int32Array {
  // NFKC folds full-width forms; dropping punctuation and spaces makes "TCP 的 flags?" equal "TCP的flags".
  const s = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
  const grams = new Set<number>();
  for (let i = 0; i < s.length - 1; i++) grams.add(s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1));
  if (s.length === 1) grams.add(s.charCodeAt(0));
  return Int32Array.from(grams).sort();
}

function dice(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * shared) / (a.length + b.length);
}

/**
 * Pairs of items whose prompts are nearly the same in either language (Dice coefficient over
 * character bigrams of the normalised prompt), reported as [earlier, later] in bank order.
 */
export function findNearDuplicates(questions: readonly Question[], threshold = NEAR_DUPLICATE_THRESHOLD): Array<[Question, Question]> {
  // Dice >= t needs the smaller set to be at least t / (2 - t) of the larger: sort by size and
  // compare each prompt only with those close enough in size, instead of every pair.
  const minRatio = threshold / (2 - threshold);
  const found = new Map<string, [number, number]>();
  for (const lang of ['zh', 'en'] as const) {
    const grams = questions.map((q, index) => ({ index, g: bigrams(q.prompt[lang]) })).sort((a, b) => a.g.length - b.g.length);
    for (let x = 0; x < grams.length; x++) {
      const a = grams[x];
      if (!a) continue;
      for (let y = x + 1; y < grams.length; y++) {
        const b = grams[y];
        if (!b || a.g.length < b.g.length * minRatio) break;
        if (dice(a.g, b.g) >= threshold) {
          const pair: [number, number] = a.index < b.index ? [a.index, b.index] : [b.index, a.index];
          found.set(`${pair[0]}:${pair[1]}`, pair);
        }
      }
    }
  }
  return [...found.values()]
    .sort((p, q) => p[1] - q[1] || p[0] - q[0])
    .map(([i, j]) => [questions[i] as Question, questions[j] as Question]);
}
