import type { ChoiceQuestion, OptionKey } from '../questions/schema.js';
import { normalizeText } from './normalize-text.js';

/** Per-question tables for parsing and scoring choice answers; built once per question object. */
export interface ChoiceLookup {
  /** Option keys in the order the item lists them. */
  keys: readonly OptionKey[];
  /** Position of each key in `keys`, for sorting picks. */
  order: ReadonlyMap<OptionKey, number>;
  /** Lower-case letter ('a') to key, only for keys the item has. */
  byLetter: ReadonlyMap<string, OptionKey>;
  /** Option number ('1') to key. */
  byNumber: ReadonlyMap<string, OptionKey>;
  /** Option text (either language) with only case, width and whitespace folded, to key: tried first. */
  byExactText: ReadonlyMap<string, OptionKey>;
  /** Normalised option text (normalizeText, either language) to key, for texts only one option has. */
  byText: ReadonlyMap<string, OptionKey>;
  /** Normalised texts shared by several options ("8888:9999" and "8888,9999"), to those options. */
  sharedTexts: ReadonlyMap<string, readonly OptionKey[]>;
  /** The texts of `byText`, longest first, for matching a run of typed words. */
  texts: ReadonlyArray<{ text: string; key: OptionKey }>;
  /** The correct keys. */
  answer: ReadonlySet<OptionKey>;
}

const cache = new WeakMap<ChoiceQuestion, ChoiceLookup>();

const WHITESPACE = /\s+/gu;

/** Case, width and whitespace folded; punctuation kept, so texts that differ only in it stay apart. */
export function exactChoiceText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(WHITESPACE, '');
}

function build(question: ChoiceQuestion): ChoiceLookup {
  const keys = question.options.map((o) => o.key);
  const byExactText = new Map<string, OptionKey>();
  const owners = new Map<string, Set<OptionKey>>();
  for (const o of question.options) {
    for (const t of [o.text.en, o.text.zh]) {
      const exact = exactChoiceText(t);
      if (exact !== '' && !byExactText.has(exact)) byExactText.set(exact, o.key);
      const n = normalizeText(t);
      if (n === '') continue;
      const set = owners.get(n) ?? new Set<OptionKey>();
      set.add(o.key);
      owners.set(n, set);
    }
  }
  const byText = new Map<string, OptionKey>();
  const sharedTexts = new Map<string, OptionKey[]>();
  for (const [text, set] of owners) {
    const [first] = set;
    if (set.size === 1 && first !== undefined) byText.set(text, first);
    else sharedTexts.set(text, [...set]);
  }
  const texts = [...byText].map(([text, key]) => ({ text, key })).sort((a, b) => b.text.length - a.text.length);
  return {
    keys,
    order: new Map(keys.map((k, i) => [k, i])),
    byLetter: new Map(keys.map((k) => [k.toLowerCase(), k])),
    byNumber: new Map(keys.map((k, i) => [String(i + 1), k])),
    byExactText,
    byText,
    sharedTexts,
    texts,
    answer: new Set(question.kind === 'single' ? [question.answer] : question.answer),
  };
}

/** The cached tables for `question` (keyed by object identity, so a reloaded bank gets fresh ones). */
export function choiceLookup(question: ChoiceQuestion): ChoiceLookup {
  let lookup = cache.get(question);
  if (!lookup) {
    lookup = build(question);
    cache.set(question, lookup);
  }
  return lookup;
}
