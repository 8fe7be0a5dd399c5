import { chineseNumeralsToDigits } from './chinese-numerals-to-digits.js';

/**
 * Whitespace, punctuation, symbols and invisible format/control characters; a full stop survives only
 * between two digits so 1.5 does not become 15 (and 127.0.0.1 stays readable).
 */
const STRIP = /[\s\p{Cc}\p{Cf}\p{S}]|[^\P{P}.]/gu;
/** Its full stop rule, apart: one regex with lookarounds at every position costs twice as much on long text. */
const STRAY_DOT = /(?<!\d)\.|\.(?!\d)/g;
const ASCII = /^\p{ASCII}*$/u;
/** What canonical composition can join: combining marks and Hangul jamo (and compatibility jamo). */
const MAY_COMPOSE = /[\p{M}\u1100-\u11FF\u3130-\u318F]/u;

function pass(text: string): string {
  const lowered = text.normalize('NFKC').toLowerCase();
  // Stray dots go first, judged by their neighbours in the same text the combined rule would see.
  const undotted = lowered.includes('.') ? lowered.replace(STRAY_DOT, '') : lowered;
  return chineseNumeralsToDigits(undotted.replace(STRIP, ''));
}

/**
 * The form answers and accepted forms are compared in: NFKC (full-width to ASCII), lower-case, every
 * whitespace, punctuation and symbol character removed (except a decimal point between digits),
 * Chinese numerals turned into digits. Idempotent: normalising twice gives the same text.
 */
export function normalizeText(text: string): string {
  let current = pass(text);
  // A result with nothing NFKC could compose is already stable (most text, and the 18x expansion of a
  // ligature like U+FDFA, which then costs one pass, not two); otherwise removing characters can bring
  // a base letter next to a combining mark that NFKC composes, so run again until nothing changes.
  if (ASCII.test(current) || !MAY_COMPOSE.test(current)) return current;
  for (let i = 0; i < 4; i++) {
    const next = pass(current);
    if (next === current) break;
    current = next;
  }
  return current;
}
