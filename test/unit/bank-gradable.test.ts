import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeAnswer } from '../../src/core/grading/index.js';
import { TOPICS } from '../../src/core/questions/schema.js';
import { loadQuestionFiles } from '../../src/infra/questions/load-question-files.js';

const bank = loadQuestionFiles(join(import.meta.dirname, '..', '..', 'questions'));

describe('the shipped question bank', () => {
  it('loads without errors or likely duplicates', () => {
    expect(bank.problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([]);
  });

  it('has at least 150 auto-gradable items and at least 8 per topic', () => {
    const gradable = bank.questions.filter((q) => q.kind !== 'open');
    expect(gradable.length).toBeGreaterThanOrEqual(150);
    for (const topic of TOPICS) expect(gradable.filter((q) => q.topic === topic).length, topic).toBeGreaterThanOrEqual(8);
  });

  it('keeps the seed examples the grading rules are explained with', () => {
    const flags = bank.questions.find((q) => q.id === 'tcp-common-flags');
    expect(flags?.kind === 'multi' && flags.answer).toEqual(['A', 'B', 'C', 'D']);
    const daemon = bank.questions.find((q) => q.id === 'daemon-thread-statement');
    expect(daemon?.kind === 'single' && daemon.answer).toBe('A');
  });

  // Every item must be answerable the way its card invites: by its own option texts, its accepted
  // forms, its letters. A wording the grader cannot read would make a correct user look wrong.
  it('grades every correct answer, typed as text or letters, as correct', () => {
    const failures: string[] = [];
    for (const q of bank.questions) {
      if (q.kind === 'single' || q.kind === 'multi') {
        const keys = q.kind === 'single' ? [q.answer] : q.answer;
        const attempts = [
          keys.join(' '),
          ...(['zh', 'en'] as const).map((lang) => keys.map((k) => q.options.find((o) => o.key === k)?.text[lang] ?? '').join('、')),
        ];
        for (const text of attempts) {
          const outcome = gradeAnswer(q, { type: 'text', text });
          const ok = outcome.status === 'graded' && outcome.result.correct;
          if (!ok) failures.push(`${q.id}: "${text}"`);
        }
        const button = gradeAnswer(q, { type: 'choice', keys });
        if (!(button.status === 'graded' && button.result.correct)) failures.push(`${q.id}: buttons ${keys.join(',')}`);
      } else if (q.kind === 'short') {
        for (const form of q.accept) {
          const outcome = gradeAnswer(q, { type: 'text', text: form });
          if (!(outcome.status === 'graded' && outcome.result.correct)) failures.push(`${q.id}: accepted form "${form}"`);
        }
      } else {
        const outcome = gradeAnswer(q, { type: 'text', text: `${q.reference.zh}\n${q.reference.en}` });
        if (!(outcome.status === 'graded' && outcome.result.correct)) failures.push(`${q.id}: its own reference answer`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('reads each option by its own text in both languages', () => {
    const failures: string[] = [];
    for (const q of bank.questions) {
      if (q.kind !== 'single' && q.kind !== 'multi') continue;
      for (const o of q.options) {
        for (const lang of ['zh', 'en'] as const) {
          const outcome = gradeAnswer(q, { type: 'text', text: o.text[lang] });
          const picked = outcome.status === 'graded' && 'picked' in outcome.result ? outcome.result.picked : undefined;
          if (!(picked?.length === 1 && picked[0] === o.key)) failures.push(`${q.id} ${o.key} (${lang}): "${o.text[lang]}"`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
