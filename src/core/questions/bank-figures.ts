import { findDuplicateFacts } from './duplicate-facts.js';
import type { Question } from './schema.js';
import { findSourceMentions } from './source-mentions.js';

/**
 * Test-wise cues across the whole bank, as `npm run questions:check` reports them. A learner who
 * always picks the longest option, or always ticks three of five, should do no better than chance.
 */
export interface BankFigures {
  singles: number;
  /** Single items whose correct option is strictly longer than every other one, in characters. */
  longestCorrect: { en: number; zh: number };
  multis: number;
  /** Multi items per "correct/options" combination, most frequent first (ties by name). */
  multiCounts: { combination: string; items: number }[];
  sourceMentions: number;
  /** Known duplicate-fact pairs (duplicate-facts.ts) present in the bank. */
  duplicateFacts: number;
}

/** At most this share of single items may have the correct option strictly longest (chance is 1 in 4 or 5). */
export const LENGTH_CUE_LIMIT = 0.3;
/** At most this share of multi items may share one correct/options combination. */
export const MULTI_COMBINATION_LIMIT = 0.3;

const chars = (s: string) => [...s].length;

function correctIsStrictlyLongest(q: Extract<Question, { kind: 'single' }>, lang: 'zh' | 'en'): boolean {
  const right = q.options.find((o) => o.key === q.answer);
  if (!right) return false;
  const length = chars(right.text[lang]);
  return q.options.every((o) => o.key === q.answer || chars(o.text[lang]) < length);
}

export function computeBankFigures(questions: readonly Question[]): BankFigures {
  let singles = 0;
  const longestCorrect = { en: 0, zh: 0 };
  const combos = new Map<string, number>();
  let multis = 0;
  for (const q of questions) {
    if (q.kind === 'single') {
      singles++;
      if (correctIsStrictlyLongest(q, 'en')) longestCorrect.en++;
      if (correctIsStrictlyLongest(q, 'zh')) longestCorrect.zh++;
    } else if (q.kind === 'multi') {
      multis++;
      const combination = `${new Set(q.answer).size}/${q.options.length}`;
      combos.set(combination, (combos.get(combination) ?? 0) + 1);
    }
  }
  const multiCounts = [...combos]
    .map(([combination, items]) => ({ combination, items }))
    .sort((a, b) => b.items - a.items || a.combination.localeCompare(b.combination));
  return {
    singles,
    longestCorrect,
    multis,
    multiCounts,
    sourceMentions: findSourceMentions(questions).length,
    duplicateFacts: new Set(findDuplicateFacts(questions).map((d) => d.entry)).size,
  };
}

const percent = (n: number, of: number) => `${of === 0 ? 0 : Math.round((100 * n) / of)}%`;

/** The figures as the checker prints them, one line each. */
export function formatBankFigures(f: BankFigures): string[] {
  const { en, zh } = f.longestCorrect;
  return [
    `length cue: ${en} of ${f.singles} single items (${percent(en, f.singles)}) have the correct option strictly longest (English text, in characters; Chinese: ${zh}, ${percent(zh, f.singles)})`,
    `multi-select: correct/option counts: ${f.multiCounts.map((c) => `${c.combination}: ${c.items}`).join(', ') || 'none'} (of ${f.multis} multi items)`,
    `duplicate facts: ${f.duplicateFacts}`,
    `source mentions: ${f.sourceMentions}`,
  ];
}

/** Figures beyond their limits, worded for the author; empty when the bank is within them. */
export function bankFigureWarnings(f: BankFigures): string[] {
  const warnings: string[] = [];
  for (const lang of ['en', 'zh'] as const) {
    const n = f.longestCorrect[lang];
    if (f.singles > 0 && n / f.singles > LENGTH_CUE_LIMIT) {
      warnings.push(
        `length cue: ${n} of ${f.singles} single items (${percent(n, f.singles)}, ${lang}) have the correct option strictly longest; keep it at or under ${percent(LENGTH_CUE_LIMIT, 1)}`,
      );
    }
  }
  const top = f.multiCounts[0];
  if (top && top.items / f.multis > MULTI_COMBINATION_LIMIT) {
    warnings.push(
      `multi-select: ${top.items} of ${f.multis} multi items (${percent(top.items, f.multis)}) are "${top.combination}"; keep any one combination at or under ${percent(MULTI_COMBINATION_LIMIT, 1)}`,
    );
  }
  return warnings;
}
