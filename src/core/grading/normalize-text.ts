import { chineseNumeralsToDigits } from './chinese-numerals-to-digits.js';

/**
 * Whitespace, punctuation, symbols and invisible format/control characters; a full stop survives only
 * between two digits so 1.5 does not become 15 (and 127.0.0.1 stays readable).
 */
const STRIP = /(?<!\d)\.|\.(?!\d)|[\s\p{Cc}\p{Cf}\p{S}]|[^\P{P}.]/gu;
const ASCII = /^\p{ASCII}*$/u;

function pass(text: string): string {
  return chineseNumeralsToDigits(text.normalize('NFKC').toLowerCase().replace(STRIP, ''));
}

/**
 * The form answers and accepted forms are compared in: NFKC (full-width to ASCII), lower-case, every
 * whitespace, punctuation and symbol character removed (except a decimal point between digits),
 * Chinese numerals turned into digits. Idempotent: normalising twice gives the same text.
 */
export function normalizeText(text: string): string {
  let current = pass(text);
  // An ASCII result is already stable; otherwise removing characters can bring a base letter next to
  // a combining mark that NFKC then composes, so run again until nothing changes.
  if (ASCII.test(current)) return current;
  for (let i = 0; i < 4; i++) {
    const next = pass(current);
    if (next === current) break;
    current = next;
  }
  return current;
}
