import type { Question } from './schema.js';

/** Similarity above which two prompts are reported as a likely duplicate. */
export const NEAR_DUPLICATE_THRESHOLD = 0.9;

/**
 * Distinct character bigrams of the normalised text, as small integer codes: characters are numbered
 * densely in `charIds` so codes stay small integers (V8 Smis), which keeps the sets fast.
 */
function bigrams(text: string, charIds: Map<number, number>): number[] {
  // NFKC folds full-width forms; dropping punctuation and spaces makes "TCP 的 flags?" equal "TCP的flags".
  const s = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
  const ids: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let id = charIds.get(c);
    if (id === undefined) {
      id = charIds.size + 1;
      charIds.set(c, id);
    }
    ids.push(id);
  }
  const grams = new Set<number>();
  for (let i = 0; i < ids.length - 1; i++) grams.add((ids[i] as number) * 32768 + (ids[i + 1] as number));
  if (ids.length === 1) grams.add(ids[0] as number);
  return [...grams];
}

function overlap(a: Int32Array, b: Int32Array): number {
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
  return shared;
}

/**
 * Pairs [earlier, later] of items whose prompts are nearly the same in either language: Dice
 * coefficient over character bigrams of the normalised prompt >= threshold.
 *
 * Prefix filtering (as in set-similarity joins) keeps this far from comparing every pair: with bigrams
 * ordered rarest first, two sets that reach the threshold must share one of the first few bigrams of
 * each, so only prompts sharing such a bigram are compared.
 */
export function findNearDuplicates(questions: readonly Question[], threshold = NEAR_DUPLICATE_THRESHOLD): Array<[Question, Question]> {
  const found = new Map<string, [number, number]>();
  for (const lang of ['zh', 'en'] as const) {
    const charIds = new Map<number, number>();
    const raw = questions.map((q) => bigrams(q.prompt[lang], charIds));
    const frequency = new Map<number, number>();
    for (const set of raw) for (const g of set) frequency.set(g, (frequency.get(g) ?? 0) + 1);
    // Rank bigrams rarest first; sets become sorted arrays of ranks, so prefixes hold the rare ones.
    const rank = new Map([...frequency].sort((a, b) => a[1] - b[1] || a[0] - b[0]).map(([g], i) => [g, i]));
    const sets = raw.map((set) => Int32Array.from(set.map((g) => rank.get(g) ?? 0)).sort());
    const postings = new Map<number, number[]>();
    // seenBy[j] === i + 1 marks j as already a candidate of i (cheaper than a Set per item).
    const seenBy = new Int32Array(sets.length);
    const minRatio = threshold / (2 - threshold);
    for (let i = 0; i < sets.length; i++) {
      const set = sets[i] as Int32Array;
      // Dice >= t needs overlap >= t(|A|+|B|)/2 >= ceil(t|A|/(2-t)) elements, so a match must share
      // one of the first |A| - minOverlap + 1 ranks.
      const minOverlap = Math.ceil((threshold * set.length) / (2 - threshold));
      const prefix = Math.max(1, set.length - minOverlap + 1);
      const candidates: number[] = [];
      for (let k = 0; k < prefix && k < set.length; k++) {
        const g = set[k] as number;
        let list = postings.get(g);
        if (!list) {
          list = [];
          postings.set(g, list);
        }
        for (const j of list) {
          if (seenBy[j] !== i + 1) {
            seenBy[j] = i + 1;
            candidates.push(j);
          }
        }
        list.push(i);
      }
      for (const j of candidates) {
        const other = sets[j] as Int32Array;
        // Dice >= t also needs the smaller set to be at least t / (2 - t) of the larger one.
        if (Math.min(set.length, other.length) < minRatio * Math.max(set.length, other.length)) continue;
        const dice = set.length + other.length === 0 ? 1 : (2 * overlap(set, other)) / (set.length + other.length);
        if (dice >= threshold) found.set(`${j}:${i}`, [j, i]);
      }
    }
  }
  return [...found.values()]
    .sort((p, q) => p[1] - q[1] || p[0] - q[0])
    .map(([i, j]) => [questions[i] as Question, questions[j] as Question]);
}
