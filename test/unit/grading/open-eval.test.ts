import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { gradeOpenAnswer } from '../../../src/core/grading/grade-open-answer.js';
import type { OpenQuestion } from '../../../src/core/questions/schema.js';
import { loadQuestionFiles } from '../../../src/infra/questions/load-question-files.js';

/**
 * The labelled evaluation set (test/fixtures/open-eval): answers written from prompts, references and
 * key-point texts only, each with the verdict an expert gives. The grader must agree with the expert.
 */
const LABELS = ['good-zh', 'good-en', 'wrong', 'terms', 'half'] as const;
const evalSet = z
  .strictObject({
    items: z.array(
      z.strictObject({
        id: z.string(),
        answers: z.array(z.strictObject({ label: z.enum(LABELS), expect: z.enum(['pass', 'fail']), text: z.string().min(1) })).length(5),
      }),
    ),
  })
  .parse(parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'open-eval', 'open-eval-set.yaml'), 'utf8')));

const bank = loadQuestionFiles(join(import.meta.dirname, '..', '..', '..', 'questions')).questions;

const TARGETS = { agreement: 0.9, falsePass: 0.05, falseFail: 0.1 };

interface Row {
  id: string;
  label: (typeof LABELS)[number];
  expected: boolean;
  judged: boolean;
  score: number;
}

function judgeAll(): Row[] {
  return evalSet.items.flatMap((item) => {
    const question = bank.find((q) => q.id === item.id);
    if (question?.kind !== 'open') throw new Error(`${item.id} is not an open question in the bank`);
    return item.answers.map((a) => {
      const r = gradeOpenAnswer(question as OpenQuestion, a.text);
      const graded = !('status' in r);
      return { id: item.id, label: a.label, expected: a.expect === 'pass', judged: graded && r.correct, score: graded ? r.score : 0 };
    });
  });
}

const share = (rows: readonly Row[], pick: (r: Row) => boolean) => (rows.length === 0 ? 0 : rows.filter(pick).length / rows.length);
const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

describe('open-answer grading against the labelled evaluation set', () => {
  const rows = judgeAll();
  const agreement = share(rows, (r) => r.judged === r.expected);
  const wrongOrTerms = rows.filter((r) => r.label === 'wrong' || r.label === 'terms');
  const good = rows.filter((r) => r.label === 'good-zh' || r.label === 'good-en');
  const falsePass = share(wrongOrTerms, (r) => r.judged);
  const falseFail = share(good, (r) => !r.judged);

  it(`covers at least 25 items x 5 answers (${evalSet.items.length} items)`, () => {
    expect(evalSet.items.length).toBeGreaterThanOrEqual(25);
    for (const item of evalSet.items) expect(new Set(item.answers.map((a) => a.label))).toEqual(new Set(LABELS));
  });

  it('agrees with the expert verdicts within the targets', () => {
    const byLabel = LABELS.map((label) => {
      const of = rows.filter((r) => r.label === label);
      return `${label} ${of.filter((r) => r.judged === r.expected).length}/${of.length}`;
    });
    const disagreements = rows
      .filter((r) => r.judged !== r.expected)
      .map(
        (r) =>
          `  ${r.id} ${r.label}: expected ${r.expected ? 'pass' : 'fail'}, judged ${r.judged ? 'pass' : 'fail'} (score ${r.score.toFixed(2)})`,
      );
    console.log(
      [
        `open-answer evaluation: ${rows.length} answers to ${evalSet.items.length} items`,
        `  agreement ${percent(agreement)} (target >= ${percent(TARGETS.agreement)})`,
        `  wrong answers and term lists judged correct ${percent(falsePass)} (target <= ${percent(TARGETS.falsePass)})`,
        `  good answers judged wrong ${percent(falseFail)} (target <= ${percent(TARGETS.falseFail)})`,
        `  by label: ${byLabel.join(', ')}`,
        ...(disagreements.length > 0 ? ['  disagreements:', ...disagreements] : []),
      ].join('\n'),
    );
    expect(agreement).toBeGreaterThanOrEqual(TARGETS.agreement);
    expect(falsePass).toBeLessThanOrEqual(TARGETS.falsePass);
    expect(falseFail).toBeLessThanOrEqual(TARGETS.falseFail);
  });
});
