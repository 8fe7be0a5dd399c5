import type { Locale } from '../i18n/catalog.js';
import type { KeyPointVerdict } from './grade-result.js';

/**
 * What an outside judge (a language model) is asked about one open answer: the question's rubric in the
 * member's language and the answer text. Nothing about the member (no id, name, workspace or channel).
 */
export interface OpenAnswerJudgeRequest {
  /** For the judge's own logs; the model is not told. */
  questionId: string;
  /** The language of the rubric below and of the misconceptions the judge names. */
  locale: Locale;
  prompt: string;
  reference: string;
  keyPoints: ReadonlyArray<{ id: string; text: string; misconceptions: readonly string[] }>;
  /** The member's answer, as typed. */
  answer: string;
}

/** The judge's verdict on one key point, as the model gave it (checked by `modelGradeResult` before use). */
export interface ModelKeyPointJudgement {
  id: string;
  verdict: KeyPointVerdict;
  quote?: string | undefined;
  /** A wrong statement the answer makes about this point, in the request's language. */
  misconception?: string | undefined;
}

export interface ModelJudgement {
  keyPoints: ModelKeyPointJudgement[];
}

/**
 * Grades an open answer against its rubric from outside the core (src/infra/grading). Never throws:
 * it resolves to undefined when it has no usable judgement, and it bounds its own time (the member is
 * waiting), so the caller keeps the built-in key-point grade.
 */
export interface OpenAnswerJudge {
  judge(request: OpenAnswerJudgeRequest, signal?: AbortSignal): Promise<ModelJudgement | undefined>;
}

const shown = (id: string) => JSON.stringify(id.length > 40 ? `${id.slice(0, 39)}…` : id);

/**
 * Why a judgement cannot be used for these key points, or undefined when it can: exactly one entry per
 * key point, and no id the rubric does not have (a model that invents ids was not grading this rubric).
 */
export function judgementProblem(keyPointIds: readonly string[], judgement: ModelJudgement): string | undefined {
  const expected = new Set(keyPointIds);
  const seen = new Set<string>();
  for (const { id } of judgement.keyPoints) {
    if (!expected.has(id)) return `unknown key point id ${shown(id)}`;
    if (seen.has(id)) return `key point ${shown(id)} judged twice`;
    seen.add(id);
  }
  const missing = keyPointIds.find((id) => !seen.has(id));
  return missing === undefined ? undefined : `key point ${shown(missing)} not judged`;
}
