/** Grading: pure functions used by every mode (daily, drill, mock) and every adapter. */
export { chineseNumeralsToDigits } from './chinese-numerals-to-digits.js';
export type { ChoiceLookup } from './choice-lookup.js';
export { choiceLookup } from './choice-lookup.js';
export { convertUnit, type Dimension, unitDimension } from './convert-unit.js';
export { gradeAnswer } from './grade-answer.js';
export { gradeOpenAnswer, OPEN_CORRECT_THRESHOLD } from './grade-open-answer.js';
export type {
  AnswerInput,
  ChoiceGradeResult,
  FeedbackItem,
  GradeOutcome,
  GradeResult,
  OpenGradeResult,
  ShortGradeResult,
} from './grade-result.js';
export { gradeShortAnswer, spellingTolerance } from './grade-short-answer.js';
export { gradingMessages } from './grading-messages.js';
export { gradingRulesText } from './grading-rules-text.js';
export { INVALID_REASONS, type InvalidAnswer, type InvalidReason, invalidAnswer } from './invalid-answer.js';
export { levenshtein } from './levenshtein.js';
export { maxPointsFor, pointsFor } from './max-points-for.js';
export { normalizeText } from './normalize-text.js';
export { type ChoiceParse, parseChoiceAnswer, parseChoiceKeys } from './parse-choice-answer.js';
export { parseQuantity, type Quantity } from './parse-quantity.js';
export { renderGradeFeedback } from './render-grade-feedback.js';
export { renderInvalidAnswer } from './render-invalid-answer.js';
export { renderSolution } from './render-solution.js';
export { multiScore, scoreChoice } from './score-choice.js';
export { selfRatingLabel } from './self-rating-label.js';
export { isSelfRating, SELF_RATINGS, type SelfRating } from './self-ratings.js';
