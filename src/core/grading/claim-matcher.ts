import { type AnswerSentence, wordIndexAt } from './answer-sentences.js';
import type { Claim } from './claims.js';
import { negatedBefore } from './negation-cues.js';
import { normalizeText } from './normalize-text.js';

/** A phrase ready to look for: normalised, and whether it is a bare token that never states a point alone. */
export interface PreparedPhrase {
  text: string;
  bare: boolean;
}

export interface PreparedClaim {
  groups: PreparedPhrase[][];
  ordered: boolean;
}

/** Where a phrase occurs in a sentence: text positions and the words it spans. */
export interface Occurrence {
  start: number;
  end: number;
  first: number;
  last: number;
  bare: boolean;
}

const LATIN_CHAR = /[a-z0-9]/;
const LATIN_ONLY = /^[a-z0-9.]+$/;
const NUMBER = /^[0-9.]+$/;
const SHORT_SUFFIX = /^[a-z]{1,4}$/;
const NEGATING_SUFFIX = new Set(['not', 'nt', 't']);

/**
 * A bare token: a short Latin word or a number ("SYN", "join", "53", "2MSL") or a single Chinese
 * character. Wrong answers use them as freely as right ones, so they never state a point by themselves.
 */
export function isBarePhrase(normalised: string): boolean {
  if (LATIN_ONLY.test(normalised)) return normalised.length <= 5 || NUMBER.test(normalised);
  return [...normalised].length <= 1;
}

export function preparePhrase(phrase: string): PreparedPhrase | undefined {
  const text = normalizeText(phrase);
  return text === '' ? undefined : { text, bare: isBarePhrase(text) };
}

export function prepareClaim(claim: Claim): PreparedClaim {
  const groups = claim.groups.map((g) => g.map(preparePhrase).filter((p): p is PreparedPhrase => p !== undefined));
  return { groups, ordered: claim.ordered };
}

/** A Latin-ending match must end at a word's end, or inside a word's last part with a short suffix ("wait" in "waits"). */
function endsWell(sentence: AnswerSentence, end: number, last: number): boolean {
  if (sentence.wordEnds.has(end)) return true;
  if (sentence.partBoundaries.has(end)) return false;
  const word = sentence.words[last];
  if (!word?.latin) return false;
  const rest = sentence.text.slice(end, word.end);
  // A suffix that negates is a different word: "can" is not "cannot" nor "can't".
  if (!SHORT_SUFFIX.test(rest) || NEGATING_SUFFIX.has(rest)) return false;
  for (let at = end + 1; at < word.end; at++) if (sentence.partBoundaries.has(at)) return false;
  return true;
}

/** Occurrences already looked up per sentence: the same phrase recurs across claims, misconceptions and terms. */
const found = new WeakMap<AnswerSentence, Map<string, Occurrence[]>>();

/** Every occurrence of `phrase` in the sentence that respects word starts and ends and stays in one clause. */
export function findPhrase(sentence: AnswerSentence, phrase: PreparedPhrase): Occurrence[] {
  let cache = found.get(sentence);
  if (!cache) {
    cache = new Map();
    found.set(sentence, cache);
  }
  const key = phrase.bare ? `!${phrase.text}` : phrase.text;
  let result = cache.get(key);
  if (!result) {
    result = search(sentence, phrase);
    cache.set(key, result);
  }
  return result;
}

function search(sentence: AnswerSentence, phrase: PreparedPhrase): Occurrence[] {
  const { text } = phrase;
  let at = sentence.text.indexOf(text);
  if (at < 0) return NONE;
  const result: Occurrence[] = [];
  const latinStart = LATIN_CHAR.test(text[0] ?? '');
  const latinEnd = LATIN_CHAR.test(text.at(-1) ?? '');
  for (; at >= 0; at = sentence.text.indexOf(text, at + 1)) {
    const end = at + text.length;
    if (latinStart && !sentence.wordStarts.has(at)) continue;
    const first = wordIndexAt(sentence, at);
    const last = wordIndexAt(sentence, end - 1);
    if (latinEnd && !endsWell(sentence, end, last)) continue;
    if (sentence.words[first]?.clause !== sentence.words[last]?.clause) continue;
    result.push({ start: at, end, first, last, bare: phrase.bare });
  }
  return result;
}

const NONE: Occurrence[] = [];

export type ClaimStatus = 'stated' | 'negated' | 'absent';

/** A claim's status in a sentence and, when found, the clauses its phrases span. */
export interface ClaimMatch {
  status: ClaimStatus;
  clauses?: readonly [number, number];
}

function clauseRange(sentence: AnswerSentence, chosen: readonly Occurrence[]): readonly [number, number] {
  const clauses = chosen.flatMap((o) => [sentence.words[o.first]?.clause ?? 0, sentence.words[o.last]?.clause ?? 0]);
  return [Math.min(...clauses), Math.max(...clauses)];
}

interface Candidate extends Occurrence {
  negated: boolean;
}

function overlaps(a: Occurrence, b: Occurrence): boolean {
  return a.start < b.end && b.start < a.end;
}

/** How many words a claim's phrases may spread over: far apart in a run-on sentence they are about different things. */
const MAX_SPAN_WORDS = 25;

function withinReach(chosen: readonly Occurrence[]): boolean {
  const first = Math.min(...chosen.map((o) => o.first));
  const last = Math.max(...chosen.map((o) => o.last));
  return last - first < MAX_SPAN_WORDS;
}

/** Picks one occurrence per group: non-overlapping, in order for ordered claims. */
function assign(groups: Candidate[][], ordered: boolean, chosen: Candidate[] = []): Candidate[] | undefined {
  const index = chosen.length;
  if (index === groups.length) return withinReach(chosen) ? chosen : undefined;
  const previous = chosen.at(-1);
  for (const c of groups[index] ?? []) {
    if (ordered && previous && c.start < previous.end) continue;
    if (chosen.some((o) => overlaps(o, c))) continue;
    const done = assign(groups, ordered, [...chosen, c]);
    if (done) return done;
  }
  return undefined;
}

/**
 * Whether the sentence states the claim: every group found in one sentence (in order when ordered),
 * none of them under a negation. All groups present but only under a negation is a contradiction
 * ("an active close never waits"). A one-group claim found only through a bare token states nothing.
 */
export function matchClaim(sentence: AnswerSentence, claim: PreparedClaim): ClaimMatch {
  const single = claim.groups.length === 1;
  const occurrences: Occurrence[][] = [];
  for (const group of claim.groups) {
    const inGroup = group.flatMap((p) => findPhrase(sentence, p));
    // Most claims are absent from most sentences: stop at the first group not there.
    if (inGroup.length === 0) return { status: 'absent' };
    occurrences.push(inGroup);
  }
  const spans = occurrences.flat().map((o) => [o.start, o.end] as const);
  const candidates = occurrences.map((group) =>
    group.filter((o) => !(single && o.bare)).map((o) => ({ ...o, negated: negatedBefore(sentence, o.first, o.start, spans) })),
  );
  const stated = assign(
    candidates.map((g) => g.filter((c) => !c.negated)),
    claim.ordered,
  );
  if (stated) return { status: 'stated', clauses: clauseRange(sentence, stated) };
  const negated = assign(candidates, claim.ordered);
  return negated ? { status: 'negated', clauses: clauseRange(sentence, negated) } : { status: 'absent' };
}

export function claimStatus(sentence: AnswerSentence, claim: PreparedClaim): ClaimStatus {
  return matchClaim(sentence, claim).status;
}
