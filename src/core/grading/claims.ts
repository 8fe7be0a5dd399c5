import { normalizeText } from './normalize-text.js';

/**
 * A key-point claim: phrase groups that must all occur in one sentence of the answer. Each group is a
 * list of alternatives; `ordered` claims need the groups in the order given (who sends what to whom).
 */
export interface Claim {
  groups: string[][];
  ordered: boolean;
}

const MAX_GROUPS = 4;
const UNORDERED = ' + ';
const ORDERED = ' > ';

/** Why a written claim cannot be parsed, or undefined when it is fine. */
export function claimSyntaxError(written: string): string | undefined {
  const hasPlus = written.includes(UNORDERED);
  const hasArrow = written.includes(ORDERED);
  if (hasPlus && hasArrow) return `"${written}" mixes " + " and " > "`;
  const parts = written.split(hasArrow ? ORDERED : UNORDERED);
  if (parts.length > MAX_GROUPS) return `"${written}" has more than ${MAX_GROUPS} groups`;
  for (const part of parts) {
    const alternatives = part.split('|').map((a) => a.trim());
    if (alternatives.some((a) => a === '')) return `"${written}" has an empty alternative`;
    if (alternatives.some((a) => normalizeText(a) === '')) return `"${written}" has an alternative that is only punctuation`;
  }
  return undefined;
}

/** Parses a claim written as `a|b + c|d` (any order) or `a|b > c|d` (this order). Throws on bad syntax. */
export function parseClaim(written: string): Claim {
  const error = claimSyntaxError(written);
  if (error) throw new Error(error);
  const ordered = written.includes(ORDERED);
  const groups = written.split(ordered ? ORDERED : UNORDERED).map((part) => part.split('|').map((a) => a.trim()));
  return { groups, ordered };
}
