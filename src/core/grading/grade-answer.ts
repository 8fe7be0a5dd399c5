import { isChoice, type Question } from '../questions/schema.js';
import { gradeOpenAnswer } from './grade-open-answer.js';
import type { AnswerInput, GradeOutcome } from './grade-result.js';
import { gradeShortAnswer } from './grade-short-answer.js';
import { invalidAnswer } from './invalid-answer.js';

/** The most characters an answer may have once normalised: four times the longest answer the core takes. */
export const MAX_EXPANDED = 8_000;

import { parseChoiceAnswer, parseChoiceKeys } from './parse-choice-answer.js';
import { scoreChoice } from './score-choice.js';

/**
 * The one entry point every mode and adapter uses. Returns a value, never throws: either
 * `{ status: 'invalid', ... }` (not graded; send renderInvalidAnswer and let the user answer again)
 * or `{ status: 'graded', result }` (JSON-serialisable; render with renderGradeFeedback).
 */
export function gradeAnswer(question: Question, input: AnswerInput): GradeOutcome {
  // NFKC itself is cheap; what follows is linear in the expanded text, so that is what is bounded.
  if (input.type === 'text' && input.text.length > MAX_EXPANDED / 18 && input.text.normalize('NFKC').length > MAX_EXPANDED) {
    return invalidAnswer(question, 'too-long');
  }
  if (isChoice(question)) {
    const parsed = input.type === 'text' ? parseChoiceAnswer(question, input.text) : parseChoiceKeys(question, input.keys);
    return parsed.ok ? { status: 'graded', result: scoreChoice(question, parsed.keys) } : parsed.invalid;
  }
  if (input.type !== 'text') return invalidAnswer(question, 'wrong-input-type');
  const graded = question.kind === 'short' ? gradeShortAnswer(question, input.text) : gradeOpenAnswer(question, input.text);
  return 'status' in graded ? graded : { status: 'graded', result: graded };
}
