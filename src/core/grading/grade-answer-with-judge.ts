import type { Locale } from '../i18n/catalog.js';
import { isOpen, type OpenQuestion } from '../questions/schema.js';
import { gradeAnswer } from './grade-answer.js';
import type { AnswerInput, GradeOutcome } from './grade-result.js';
import { modelGradeResult } from './model-grade-result.js';
import type { OpenAnswerJudge, OpenAnswerJudgeRequest } from './open-answer-judge.js';

/** The rubric in the member's language and the answer: all a judge is given. */
export function judgeRequest(question: OpenQuestion, locale: Locale, answer: string): OpenAnswerJudgeRequest {
  return {
    questionId: question.id,
    locale,
    prompt: question.prompt[locale],
    reference: question.reference[locale],
    keyPoints: question.keyPoints.map((k) => ({
      id: k.id,
      text: k.text[locale],
      misconceptions: (k.misconceptions ?? []).map((m) => m.text[locale]),
    })),
    answer,
  };
}

/**
 * `gradeAnswer`, and for an open answer with a judge configured, the judge's grade instead when it
 * gives a usable one (`gradedBy: 'model'`). The key-point grade comes first: it decides what is not
 * gradable at all (empty, too long) and it is the fallback whenever the judge fails.
 */
export async function gradeAnswerWithJudge(
  question: Parameters<typeof gradeAnswer>[0],
  input: AnswerInput,
  locale: Locale,
  judge: OpenAnswerJudge | undefined,
): Promise<GradeOutcome> {
  const graded = gradeAnswer(question, input);
  if (!judge || graded.status !== 'graded' || !isOpen(question) || input.type !== 'text') return graded;
  // A judge resolves to undefined on failure; one that throws anyway must not cost the member their answer.
  const judgement = await judge.judge(judgeRequest(question, locale, input.text)).catch(() => undefined);
  const result = judgement ? modelGradeResult(question, input.text, judgement) : undefined;
  return result ? { status: 'graded', result } : graded;
}
