import type { OptionKey, Question, QuestionKind } from '../questions/schema.js';

/**
 * Why an answer was not graded:
 * - `empty`: nothing usable was typed (or no key was pressed);
 * - `unknown-option`: it names options the item does not have, or words that match no option (`offending`);
 * - `several-for-single`: several options for a single-choice item;
 * - `ambiguous`: a single letter or digit that names one option but is also the exact text of another
 *   (option A when option B's text is "A"); `candidates` holds both readings;
 * - `wrong-input-type`: option keys sent for a short or open item;
 * - `spelling-close`: a short answer a small edit away from an accepted form (a typo, not a wrong answer);
 * - `too-long`: text that grows past a bound under Unicode normalisation (ligatures such as U+FDFA
 *   expand 18-fold), refused before the costly steps so grading time stays bounded.
 */
export const INVALID_REASONS = [
  'empty',
  'unknown-option',
  'several-for-single',
  'ambiguous',
  'wrong-input-type',
  'spelling-close',
  'too-long',
] as const;
export type InvalidReason = (typeof INVALID_REASONS)[number];

/** Not graded: the caller sends a private message (renderInvalidAnswer) and the user may answer again. */
export interface InvalidAnswer {
  status: 'invalid';
  questionId: string;
  kind: QuestionKind;
  reason: InvalidReason;
  /** What could not be read, as typed (letters upper-cased), at most a few short items. */
  offending: string[];
  /** The option keys the user can choose from (empty for short and open items). */
  validOptions: OptionKey[];
  /** For `ambiguous`: the options the input could mean; otherwise empty. */
  candidates: OptionKey[];
}

const MAX_OFFENDING = 5;
const MAX_OFFENDING_LENGTH = 24;

export function invalidAnswer(
  question: Question,
  reason: InvalidReason,
  offending: readonly string[] = [],
  candidates: readonly OptionKey[] = [],
): InvalidAnswer {
  const shown = [...new Set(offending)]
    .slice(0, MAX_OFFENDING)
    .map((o) => (o.length > MAX_OFFENDING_LENGTH ? `${Array.from(o).slice(0, MAX_OFFENDING_LENGTH).join('')}…` : o));
  return {
    status: 'invalid',
    questionId: question.id,
    kind: question.kind,
    reason,
    offending: shown,
    validOptions: question.kind === 'single' || question.kind === 'multi' ? question.options.map((o) => o.key) : [],
    candidates: [...candidates],
  };
}
