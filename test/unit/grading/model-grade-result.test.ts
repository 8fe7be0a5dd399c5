import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { gradeAnswerWithJudge, judgeRequest } from '../../../src/core/grading/grade-answer-with-judge.js';
import { KEY_POINT_WEIGHTS, OPEN_CORRECT_THRESHOLD } from '../../../src/core/grading/grade-open-answer.js';
import { gradeAnswer } from '../../../src/core/grading/index.js';
import { modelGradeResult } from '../../../src/core/grading/model-grade-result.js';
import { judgementProblem, type ModelJudgement, type OpenAnswerJudge } from '../../../src/core/grading/open-answer-judge.js';
import { gradedByNote } from '../../../src/core/grading/render-graded-by.js';
import { isOpen, type OpenQuestion, type Question } from '../../../src/core/questions/schema.js';
import { loadQuestionFiles } from '../../../src/infra/questions/load-question-files.js';

const bank = loadQuestionFiles(join(import.meta.dirname, '..', '..', 'fixtures', 'bank')).questions;
const byId = (id: string): Question => {
  const q = bank.find((x) => x.id === id);
  if (!q) throw new Error(`no fixture ${id}`);
  return q;
};
const whyGil = byId('g-why-gil') as OpenQuestion; // key points: refcount, c-ext, simple
const choice = byId('t-flags');

const ANSWER = 'The GIL exists because reference counting is not thread-safe.\nIt also keeps   the interpreter simple.';

const judgement = (...keyPoints: ModelJudgement['keyPoints']): ModelJudgement => ({ keyPoints });

describe('modelGradeResult: a model judgement scored like the key-point grader', () => {
  it('keeps verdicts in the question order, weighs them with KEY_POINT_WEIGHTS and marks the grade as the model’s', () => {
    const result = modelGradeResult(
      whyGil,
      ANSWER,
      judgement(
        { id: 'simple', verdict: 'partly', quote: 'keeps the interpreter simple' },
        { id: 'refcount', verdict: 'covered', quote: 'reference counting is not thread-safe' },
        { id: 'c-ext', verdict: 'missed' },
      ),
    );
    expect(result).toBeDefined();
    const score = (KEY_POINT_WEIGHTS.covered + KEY_POINT_WEIGHTS.partly + KEY_POINT_WEIGHTS.missed) / 3;
    expect(result).toMatchObject({
      kind: 'open',
      gradedBy: 'model',
      questionId: 'g-why-gil',
      score,
      maxPoints: 20,
      points: Math.round(score * 20),
      correct: score >= OPEN_CORRECT_THRESHOLD,
      coveredKeyPoints: ['refcount'],
      missedKeyPoints: ['c-ext', 'simple'],
    });
    expect(result?.judgements).toEqual([
      { id: 'refcount', verdict: 'covered', quote: 'reference counting is not thread-safe' },
      { id: 'c-ext', verdict: 'missed' },
      // Whitespace aside, the quote is the answer's own words (the model joined the spaces).
      { id: 'simple', verdict: 'partly', quote: 'keeps the interpreter simple' },
    ]);
    expect(result?.feedback).toEqual([
      { type: 'key-points', judgements: result?.judgements },
      { type: 'reference' },
      { type: 'self-rate' },
    ]);
    // Plain JSON, like every stored result.
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('counts as correct from the threshold: all covered scores full points', () => {
    const result = modelGradeResult(
      whyGil,
      ANSWER,
      judgement({ id: 'refcount', verdict: 'covered' }, { id: 'c-ext', verdict: 'covered' }, { id: 'simple', verdict: 'covered' }),
    );
    expect(result).toMatchObject({ score: 1, points: 20, correct: true });
    const none = modelGradeResult(
      whyGil,
      ANSWER,
      judgement({ id: 'refcount', verdict: 'missed' }, { id: 'c-ext', verdict: 'missed' }, { id: 'simple', verdict: 'missed' }),
    );
    expect(none).toMatchObject({ score: 0, points: 0, correct: false });
  });

  it('drops a quote that is not in the answer, and a quote on a missed point', () => {
    const result = modelGradeResult(
      whyGil,
      ANSWER,
      judgement(
        { id: 'refcount', verdict: 'covered', quote: 'reference counting is unsafe without a lock' },
        { id: 'c-ext', verdict: 'missed', quote: 'The GIL exists' },
        { id: 'simple', verdict: 'covered', quote: '   ' },
      ),
    );
    expect(result?.judgements).toEqual([
      { id: 'refcount', verdict: 'covered' },
      { id: 'c-ext', verdict: 'missed' },
      { id: 'simple', verdict: 'covered' },
    ]);
  });

  it('clips a long quote to 100 characters', () => {
    const long = `${'refcount '.repeat(30)}is not thread-safe`;
    const result = modelGradeResult(
      whyGil,
      long,
      judgement(
        { id: 'refcount', verdict: 'covered', quote: long },
        { id: 'c-ext', verdict: 'missed' },
        { id: 'simple', verdict: 'missed' },
      ),
    );
    const quote = result?.judgements[0]?.quote ?? '';
    expect([...quote]).toHaveLength(100);
    expect(quote.endsWith('…')).toBe(true);
  });

  it('a named misconception cancels the point and is kept for the feedback, in the language the model wrote it', () => {
    const result = modelGradeResult(
      whyGil,
      ANSWER,
      judgement(
        { id: 'refcount', verdict: 'covered', quote: 'reference counting', misconception: 'Says Jython has a GIL too.' },
        { id: 'c-ext', verdict: 'covered' },
        { id: 'simple', verdict: 'covered' },
      ),
    );
    expect(result?.judgements[0]).toEqual({
      id: 'refcount',
      verdict: 'missed',
      misconception: { zh: 'Says Jython has a GIL too.', en: 'Says Jython has a GIL too.' },
    });
    expect(result?.coveredKeyPoints).toEqual(['c-ext', 'simple']);
  });

  const missed = (id: string) => ({ id, verdict: 'missed' }) as const;
  it.each([
    ['an unknown id', [missed('refcount'), missed('c-ext'), missed('simple'), missed('made-up')], 'unknown key point id "made-up"'],
    [
      'a point judged twice',
      [missed('refcount'), missed('c-ext'), missed('simple'), missed('refcount')],
      'key point "refcount" judged twice',
    ],
    ['a point left out', [missed('refcount'), missed('c-ext')], 'key point "simple" not judged'],
  ])('refuses a judgement with %s (the caller keeps the key-point grade)', (_name, keyPoints, problem) => {
    expect(judgementProblem(['refcount', 'c-ext', 'simple'], judgement(...keyPoints))).toBe(problem);
    expect(modelGradeResult(whyGil, ANSWER, judgement(...keyPoints))).toBeUndefined();
  });
});

describe('gradeAnswerWithJudge', () => {
  const judgeReplying = (reply: ModelJudgement | undefined | Error) => {
    const judge = vi.fn<OpenAnswerJudge['judge']>(async () => {
      if (reply instanceof Error) throw reply;
      return reply;
    });
    return { judge } satisfies OpenAnswerJudge;
  };
  const allCovered = judgement(
    { id: 'refcount', verdict: 'covered', quote: 'reference counting is not thread-safe' },
    { id: 'c-ext', verdict: 'covered' },
    { id: 'simple', verdict: 'covered' },
  );

  it('uses the judge’s grade for an open answer, asking in the member’s language with the answer text', async () => {
    const spy = judgeReplying(allCovered);
    const outcome = await gradeAnswerWithJudge(whyGil, { type: 'text', text: ANSWER }, 'zh', spy);
    expect(outcome).toMatchObject({ status: 'graded', result: { gradedBy: 'model', score: 1, points: 20 } });
    expect(spy.judge).toHaveBeenCalledTimes(1);
    expect(spy.judge.mock.calls[0]?.[0]).toEqual(judgeRequest(whyGil, 'zh', ANSWER));
    expect(spy.judge.mock.calls[0]?.[0]).toMatchObject({
      questionId: 'g-why-gil',
      locale: 'zh',
      prompt: '为什么 CPython 有 GIL？',
      reference: whyGil.reference.zh,
      keyPoints: [
        { id: 'refcount', text: '引用计数需要保护', misconceptions: [] },
        { id: 'c-ext', text: 'C 扩展更容易写', misconceptions: [] },
        { id: 'simple', text: '实现简单、单线程快', misconceptions: [] },
      ],
      answer: ANSWER,
    });
  });

  it.each([
    ['gives no judgement', undefined],
    ['throws', new Error('boom')],
    ['judges an unknown key point', judgement({ id: 'nope', verdict: 'covered' })],
  ])('keeps the key-point grade when the judge %s', async (_name, reply) => {
    const input = { type: 'text', text: ANSWER } as const;
    const outcome = await gradeAnswerWithJudge(whyGil, input, 'en', judgeReplying(reply));
    expect(outcome).toEqual(gradeAnswer(whyGil, input));
    expect(outcome).toMatchObject({ status: 'graded', result: { gradedBy: 'key-points' } });
  });

  it('never asks the judge about a choice question, an empty answer, or without a judge', async () => {
    const spy = judgeReplying(allCovered);
    const choiceInput = { type: 'text', text: 'A' } as const;
    expect(await gradeAnswerWithJudge(choice, choiceInput, 'en', spy)).toEqual(gradeAnswer(choice, choiceInput));
    const empty = { type: 'text', text: '   ' } as const;
    expect(await gradeAnswerWithJudge(whyGil, empty, 'en', spy)).toMatchObject({ status: 'invalid' });
    expect(spy.judge).not.toHaveBeenCalled();
    const input = { type: 'text', text: ANSWER } as const;
    expect(await gradeAnswerWithJudge(whyGil, input, 'en', undefined)).toEqual(gradeAnswer(whyGil, input));
    expect(isOpen(whyGil)).toBe(true);
  });
});

describe('gradedByNote', () => {
  const model = modelGradeResult(
    whyGil,
    ANSWER,
    judgement({ id: 'refcount', verdict: 'covered' }, { id: 'c-ext', verdict: 'covered' }, { id: 'simple', verdict: 'covered' }),
  );
  const keyPoints = gradeAnswer(whyGil, { type: 'text', text: ANSWER });

  it('names the model, or the key points when a configured model failed; nothing without a model grader', () => {
    if (!model || keyPoints.status !== 'graded') throw new Error('fixtures');
    expect(gradedByNote(model, 'en', true)).toEqual(['Graded by a language model against the key points.']);
    expect(gradedByNote(model, 'zh', true)).toEqual(['由语言模型对照要点评分。']);
    expect(gradedByNote(keyPoints.result, 'en', true)).toEqual(['Graded by key points: the model grader gave no usable answer this time.']);
    expect(gradedByNote(keyPoints.result, 'en', false)).toEqual([]);
  });
});
