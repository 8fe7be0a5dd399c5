import type { OpenQuestion } from '../questions/schema.js';
import { openGradeResult } from './grade-open-answer.js';
import type { KeyPointJudgement, OpenGradeResult } from './grade-result.js';
import { judgementProblem, type ModelJudgement, type ModelKeyPointJudgement } from './open-answer-judge.js';

/** The longest quote shown next to a key point (as the key-point grader's). */
const QUOTE_MAX = 100;
/** A misconception is one short sentence; a model that writes an essay is cut. */
const MISCONCEPTION_MAX = 200;

const WHITESPACE = /\s+/g;
const squash = (text: string) => text.replace(WHITESPACE, ' ').trim();

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * The quote when it is really part of the answer (whitespace aside: a model may join lines), else
 * undefined: the feedback never puts words in the member's mouth.
 */
function verifiedQuote(quote: string | undefined, answer: string): string | undefined {
  const q = squash(quote ?? '');
  return q !== '' && squash(answer).includes(q) ? clip(q, QUOTE_MAX) : undefined;
}

function toJudgement(j: ModelKeyPointJudgement, answer: string): KeyPointJudgement {
  const misconception = squash(j.misconception ?? '');
  // A wrong statement cancels the point, as in the key-point grader; the model named it in the member's language.
  if (misconception !== '') {
    const text = clip(misconception, MISCONCEPTION_MAX);
    return { id: j.id, verdict: 'missed', misconception: { zh: text, en: text } };
  }
  if (j.verdict === 'missed') return { id: j.id, verdict: 'missed' };
  const quote = verifiedQuote(j.quote, answer);
  return quote === undefined ? { id: j.id, verdict: j.verdict } : { id: j.id, verdict: j.verdict, quote };
}

/**
 * Turns a model's judgement of `answer` into a grade with the key-point grader's scoring (the same
 * verdict weights, threshold and points), or undefined when the judgement does not fit the question's
 * key points (then the caller keeps the key-point grade). Quotes that are not in the answer are dropped.
 */
export function modelGradeResult(question: OpenQuestion, answer: string, judgement: ModelJudgement): OpenGradeResult | undefined {
  if (
    judgementProblem(
      question.keyPoints.map((k) => k.id),
      judgement,
    ) !== undefined
  )
    return undefined;
  const byId = new Map(judgement.keyPoints.map((j) => [j.id, j]));
  const judgements = question.keyPoints.flatMap((k) => {
    const j = byId.get(k.id);
    return j ? [toJudgement(j, answer)] : [];
  });
  return openGradeResult(question, judgements, 'model');
}
