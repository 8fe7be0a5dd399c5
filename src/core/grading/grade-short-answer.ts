import type { ShortQuestion } from '../questions/schema.js';
import { convertUnit, unitDimension } from './convert-unit.js';
import type { FeedbackItem, ShortGradeResult } from './grade-result.js';
import { type InvalidAnswer, invalidAnswer } from './invalid-answer.js';
import { levenshtein } from './levenshtein.js';
import { maxPointsFor, pointsFor } from './max-points-for.js';
import { normalizeText } from './normalize-text.js';
import { parseQuantity } from './parse-quantity.js';

interface ShortLookup {
  accepted: ReadonlySet<string>;
  /** Accepted forms a near miss is reported for, with the distance allowed for each. */
  spellable: ReadonlyArray<{ form: string; maxDistance: number; digits: string }>;
}

const cache = new WeakMap<ShortQuestion, ShortLookup>();
const NUMBER_LIKE = /^[\d.]+$/;
const NON_DIGITS = /\D+/g;

/**
 * Edit distance that still counts as "close" to an accepted form: none for 1-2 characters (every short
 * word is one edit from another), 1 for 3-6, 2 from 7 on. Pure numbers are never close.
 */
export function spellingTolerance(form: string): number {
  const length = Array.from(form).length;
  if (length < 3) return 0;
  return length >= 7 ? 2 : 1;
}

function lookupFor(question: ShortQuestion): ShortLookup {
  let lookup = cache.get(question);
  if (!lookup) {
    const accepted = new Set(question.accept.map(normalizeText).filter((f) => f !== ''));
    const spellable = [...accepted]
      .filter((form) => !NUMBER_LIKE.test(form))
      .map((form) => ({ form, maxDistance: spellingTolerance(form), digits: form.replace(NON_DIGITS, '') }))
      .filter((s) => s.maxDistance > 0);
    lookup = { accepted, spellable };
    cache.set(question, lookup);
  }
  return lookup;
}

/** Compares a typed number with the item's `numeric`; undefined when the text is not a usable number. */
function checkNumeric(question: ShortQuestion, text: string): { correct: boolean; feedback?: FeedbackItem } | undefined {
  const numeric = question.numeric;
  if (!numeric) return undefined;
  const q = parseQuantity(text);
  if (!q) return undefined;
  const expected = unitDimension(numeric.unit);
  let value: number | undefined;
  if (q.unit === null) value = q.value;
  else if (q.unit === 'word') value = expected === 'count' ? q.value : undefined;
  else {
    value = convertUnit(q.value, q.unit, numeric.unit);
    if (value === undefined) return { correct: false, feedback: { type: 'unit-mismatch', given: unitDimension(q.unit), expected } };
  }
  if (value === undefined) return undefined;
  const slack = 1e-9 * Math.max(1, Math.abs(numeric.value));
  if (Math.abs(value - numeric.value) <= numeric.tolerance + slack) return { correct: true };
  return { correct: false, feedback: { type: 'numeric-off' } };
}

/**
 * Grades a typed short answer: accepted forms (either language) after normalisation, then the numeric
 * value with units; a near miss of an accepted form's spelling is not graded (the member may answer
 * again). Right or wrong, no partial credit. The feedback never contains an accepted form.
 */
export function gradeShortAnswer(question: ShortQuestion, text: string): ShortGradeResult | InvalidAnswer {
  const normalized = normalizeText(text);
  if (normalized === '') return invalidAnswer(question, 'empty');
  const lookup = lookupFor(question);
  const maxPoints = maxPointsFor(question);
  const feedback: FeedbackItem[] = [];
  let correct = lookup.accepted.has(normalized);
  if (!correct) {
    const numeric = checkNumeric(question, text);
    if (numeric?.correct) correct = true;
    else if (numeric?.feedback) feedback.push(numeric.feedback);
  }
  if (!correct && feedback.length === 0 && !NUMBER_LIKE.test(normalized)) {
    // A different number is a different answer, never a spelling slip (http2 / http3, 60s / 6s).
    const digits = normalized.replace(NON_DIGITS, '');
    const close = lookup.spellable.some((s) => s.digits === digits && levenshtein(normalized, s.form, s.maxDistance) <= s.maxDistance);
    // "Check the spelling" invites another try, so a near miss is not graded: the member answers again.
    if (close) return invalidAnswer(question, 'spelling-close', [text.trim()]);
  }
  const score = correct ? 1 : 0;
  return { questionId: question.id, kind: 'short', score, points: pointsFor(score, maxPoints), maxPoints, correct, feedback };
}
