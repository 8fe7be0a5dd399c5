import type { ChoiceQuestion, OptionKey } from '../questions/schema.js';
import { chineseNumeralsToDigits } from './chinese-numerals-to-digits.js';
import { type ChoiceLookup, choiceLookup, exactChoiceText } from './choice-lookup.js';
import { type InvalidAnswer, invalidAnswer } from './invalid-answer.js';
import { normalizeText } from './normalize-text.js';

/** A choice answer read from text or buttons: the picked keys in option order, or why it is not graded. */
export type ChoiceParse = { ok: true; keys: OptionKey[] } | { ok: false; invalid: InvalidAnswer };

/** Same separators normalizeText removes (whitespace, punctuation incl. 、，；, symbols), as split points. */
const SEPARATORS = /(?:(?<!\d)\.|\.(?!\d)|[\s\p{Cc}\p{Cf}\p{S}]|[^\P{P}.])+/u;
/** "A和C", "1或3", "选AB", "答案是B": glued connectors and lead-ins around letters and digits. */
const GLUED = /(?<=[a-z0-9])(?:以及|和|与|及|或)(?=[a-z0-9])|(?:我选择|我选|选择|选项|答案是|答案|选)(?=[a-z0-9])/gu;
const LETTERS = /^[a-h]+$/;
const DIGITS = /^[0-9]+$/;
const SINGLE_LETTER = /^[a-z]$/;
const HAS_NON_ASCII = /\P{ASCII}/u;

/** Whole answers meaning "every option" (multi items only), normalised. */
const ALL_ANSWERS: ReadonlySet<string> = new Set(
  [
    'all',
    'all of them',
    'all of the above',
    'all above',
    'everything',
    '全选',
    '全部',
    '都选',
    '全都选',
    '全都是',
    '以上都是',
    '以上全是',
    '以上全部',
    '都对',
    '全对',
  ].map(normalizeText),
);
/** Words that carry no choice: lead-ins and connectors ("answer: A and C", "选项 A 和 C"). */
const FILLER: ReadonlySet<string> = new Set([
  'answer',
  'answers',
  'my',
  'is',
  'are',
  'i',
  'choose',
  'pick',
  'select',
  'option',
  'options',
  'choice',
  'and',
  'or',
  '我选',
  '我选择',
  '选择',
  '选项',
  '选',
  '答案',
  '答案是',
  '是',
  '和',
  '与',
  '及',
  '以及',
  '或',
  '还有',
]);

function sortKeys(keys: Iterable<OptionKey>, lookup: ChoiceLookup): OptionKey[] {
  return [...keys].sort((a, b) => (lookup.order.get(a) ?? 0) - (lookup.order.get(b) ?? 0));
}

/** A single letter or digit naming one option by position while being the exact text of another. */
function ambiguity(token: string, byText: OptionKey, lookup: ChoiceLookup): OptionKey | undefined {
  if (token.length !== 1) return undefined;
  const byPosition = lookup.byLetter.get(token) ?? lookup.byNumber.get(token);
  return byPosition !== undefined && byPosition !== byText ? byPosition : undefined;
}

function finish(
  question: ChoiceQuestion,
  lookup: ChoiceLookup,
  keys: Set<OptionKey>,
  offending: string[],
  ambiguous?: { token: string; candidates: OptionKey[] },
): ChoiceParse {
  if (offending.length > 0) return { ok: false, invalid: invalidAnswer(question, 'unknown-option', offending) };
  if (ambiguous) {
    return {
      ok: false,
      invalid: invalidAnswer(
        question,
        'ambiguous',
        [SINGLE_LETTER.test(ambiguous.token) ? ambiguous.token.toUpperCase() : ambiguous.token],
        sortKeys(ambiguous.candidates, lookup),
      ),
    };
  }
  if (keys.size === 0) return { ok: false, invalid: invalidAnswer(question, 'empty') };
  if (question.kind === 'single' && keys.size > 1) {
    return { ok: false, invalid: invalidAnswer(question, 'several-for-single', [], sortKeys(keys, lookup)) };
  }
  return { ok: true, keys: sortKeys(keys, lookup) };
}

/** The longest run of tokens from `start` whose joined text is an option's text: [token count, key]. */
function matchText(tokens: readonly string[], start: number, lookup: ChoiceLookup): [number, OptionKey] | undefined {
  let best: [number, OptionKey] | undefined;
  for (const { text, key } of lookup.texts) {
    let joined = '';
    let end = start;
    while (end < tokens.length && joined.length < text.length) {
      joined += tokens[end];
      end++;
      if (!text.startsWith(joined)) break;
    }
    if (joined === text && (!best || end - start > best[0])) best = [end - start, key];
  }
  return best;
}

/**
 * Reads a typed choice answer. Accepted forms, in any mix: letters in any case with or without
 * separators (`abd`, `A B D`, `a,b`, `Ａ，Ｂ`, `A、B`), option numbers (`1 3` -> A, C), option texts in either
 * language (`SYN, ACK`, `syn ack`), and for multi items `all` / `全选` / `全部`. Order and repetition do
 * not matter. Text wins over letters: `ACK` is the option whose text is ACK, not A, C and K; a single
 * letter or digit (alone or among other picks) that names one option but is the exact text of another
 * is reported as ambiguous rather than guessed, as is an answer equal to the normalised text of several
 * options that differ only in punctuation (`8888:9999` / `8888,9999`) but typed exactly as none of them.
 * Never throws.
 */
export function parseChoiceAnswer(question: ChoiceQuestion, text: string): ChoiceParse {
  const lookup = choiceLookup(question);
  const lower = (HAS_NON_ASCII.test(text) ? text.normalize('NFKC') : text).toLowerCase();
  const whole = normalizeText(lower);
  if (whole === '') return { ok: false, invalid: invalidAnswer(question, 'empty') };

  // The whole answer is one option's text: first as written (punctuation kept), then normalised.
  const exactText = exactChoiceText(lower);
  // (A one-character text goes through the ambiguity check below: "A" may be option A or the text "A".)
  const exact = exactText.length > 1 ? lookup.byExactText.get(exactText) : undefined;
  if (exact !== undefined) return { ok: true, keys: [exact] };
  const shared = lookup.sharedTexts.get(whole);
  if (shared) return finish(question, lookup, new Set(), [], { token: text.trim(), candidates: [...shared] });
  const byText = lookup.byText.get(whole);
  if (byText !== undefined) {
    const byPosition = ambiguity(whole, byText, lookup);
    if (byPosition === undefined) return { ok: true, keys: [byText] };
    return finish(question, lookup, new Set(), [], { token: whole, candidates: [byPosition, byText] });
  }
  if (ALL_ANSWERS.has(whole)) return finish(question, lookup, new Set(lookup.keys), []);

  const tokens = lower
    .replace(GLUED, ' ')
    .split(SEPARATORS)
    .filter((t) => t !== '');
  const converted = tokens.map(chineseNumeralsToDigits);
  const keys = new Set<OptionKey>();
  const offending: string[] = [];
  let ambiguous: { token: string; candidates: OptionKey[] } | undefined;
  let i = 0;
  while (i < tokens.length) {
    const textMatch = matchText(converted, i, lookup);
    if (textMatch) {
      const [length, key] = textMatch;
      const byPosition = length === 1 ? ambiguity(tokens[i] ?? '', key, lookup) : undefined;
      if (byPosition !== undefined) ambiguous ??= { token: tokens[i] ?? '', candidates: [byPosition, key] };
      keys.add(key);
      i += length;
      continue;
    }
    const token = tokens[i] ?? '';
    i++;
    if (FILLER.has(token)) continue;
    if (ALL_ANSWERS.has(token)) {
      for (const k of lookup.keys) keys.add(k);
    } else if (LETTERS.test(token)) {
      for (const ch of token) {
        const key = lookup.byLetter.get(ch);
        if (key) keys.add(key);
        else offending.push(ch.toUpperCase());
      }
    } else if (DIGITS.test(token)) {
      for (const ch of token) {
        const key = lookup.byNumber.get(ch);
        if (key) keys.add(key);
        else offending.push(ch);
      }
    } else {
      offending.push(SINGLE_LETTER.test(token) ? token.toUpperCase() : token);
    }
  }
  return finish(question, lookup, keys, offending, ambiguous);
}

/** Keys from buttons or a select menu, checked and ordered exactly like a typed answer. */
export function parseChoiceKeys(question: ChoiceQuestion, keys: readonly string[]): ChoiceParse {
  const lookup = choiceLookup(question);
  const picked = new Set<OptionKey>();
  const offending: string[] = [];
  for (const k of keys) {
    const key = typeof k === 'string' ? lookup.byLetter.get(k.toLowerCase()) : undefined;
    if (key !== undefined && k.length === 1) picked.add(key);
    else offending.push(String(k));
  }
  return finish(question, lookup, picked, offending);
}
