import { normalizeText } from './normalize-text.js';

/** Separators between words: whitespace, punctuation and symbols. */
const SEPARATORS = /[\s\p{P}\p{S}\p{Cc}\p{Cf}]+/u;
/** A change between Latin letters/digits and other scripts (CJK) also starts a new word. */
const SCRIPT_RUNS = /[a-z0-9.]+|[^a-z0-9.]+/g;

/**
 * An answer normalised like normalizeText, plus where its words start. Key-point phrases that begin
 * with a Latin letter or digit must match at a word start, so "TTL" is not found inside "little" nor
 * "API" inside "rapid", while "reference count" still finds "reference counting".
 */
export interface WordStartText {
  text: string;
  starts: ReadonlySet<number>;
}

export function wordStartText(raw: string): WordStartText {
  let text = '';
  const starts = new Set<number>();
  for (const chunk of raw.normalize('NFKC').toLowerCase().split(SEPARATORS)) {
    for (const run of chunk.match(SCRIPT_RUNS) ?? []) {
      const part = normalizeText(run);
      if (part === '') continue;
      starts.add(text.length);
      text += part;
    }
  }
  return { text, starts };
}

const LATIN_START = /^[a-z0-9]/;

/** True when `phrase` (already normalised) occurs in the answer, at a word start if it begins with a Latin letter or digit. */
export function containsPhrase(answer: WordStartText, phrase: string): boolean {
  if (!LATIN_START.test(phrase)) return answer.text.includes(phrase);
  for (let at = answer.text.indexOf(phrase); at >= 0; at = answer.text.indexOf(phrase, at + 1)) {
    if (answer.starts.has(at)) return true;
  }
  return false;
}
