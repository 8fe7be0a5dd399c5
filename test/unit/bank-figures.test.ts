import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bankFigureWarnings, computeBankFigures, formatBankFigures } from '../../src/core/questions/bank-figures.js';
import type { Question } from '../../src/core/questions/schema.js';
import { loadQuestionFiles } from '../../src/infra/questions/load-question-files.js';

const text = (en: string, zh = en) => ({ en, zh });
const options = (texts: [string, string][]) => texts.map(([en, zh], i) => ({ key: 'ABCDEFGH'[i], text: text(en, zh), why: text('x') }));
const single = (id: string, answer: string, texts: [string, string][]) =>
  ({ id, kind: 'single', prompt: text('p'), options: options(texts), answer, explanation: text('e') }) as unknown as Question;
const multi = (id: string, answer: string[], n: number) =>
  ({
    id,
    kind: 'multi',
    prompt: text('p'),
    options: options(Array.from({ length: n }, (_, i) => [`option ${i}`, `选项 ${i}`] as [string, string])),
    answer,
    explanation: text('e'),
  }) as unknown as Question;

describe('bank figures', () => {
  it('counts single items whose correct option is strictly longest, per language', () => {
    const bank = [
      // longest in English only
      single('a', 'A', [
        ['Three segments', '三个'],
        ['Two', '两个报文段'],
      ]),
      // a tie is not strictly longest
      single('b', 'B', [
        ['Four', '四'],
        ['Five', '五'],
      ]),
      // longest in both
      single('c', 'A', [
        ['The longest one', '最长的一个选项'],
        ['Short', '短'],
      ]),
    ];
    const f = computeBankFigures(bank);
    expect([f.singles, f.longestCorrect]).toEqual([3, { en: 2, zh: 1 }]);
    expect(formatBankFigures(f)[0]).toBe(
      'length cue: 2 of 3 single items (67%) have the correct option strictly longest (English text, in characters; Chinese: 1, 33%)',
    );
    expect(bankFigureWarnings(f)).toEqual([
      'length cue: 2 of 3 single items (67%, en) have the correct option strictly longest; keep it at or under 30%',
      'length cue: 1 of 3 single items (33%, zh) have the correct option strictly longest; keep it at or under 30%',
    ]);
  });

  it('counts multi items per correct/option combination, most frequent first', () => {
    const bank = [multi('m1', ['A', 'B', 'C'], 5), multi('m2', ['A', 'B'], 5), multi('m3', ['A', 'C', 'E'], 5), multi('m4', ['A', 'B'], 4)];
    const f = computeBankFigures(bank);
    expect(f.multiCounts).toEqual([
      { combination: '3/5', items: 2 },
      { combination: '2/4', items: 1 },
      { combination: '2/5', items: 1 },
    ]);
    expect(formatBankFigures(f).slice(1)).toEqual([
      'multi-select: correct/option counts: 3/5: 2, 2/4: 1, 2/5: 1 (of 4 multi items)',
      'duplicate facts: 0',
      'source mentions: 0',
    ]);
    expect(bankFigureWarnings(f)).toEqual(['multi-select: 2 of 4 multi items (50%) are "3/5"; keep any one combination at or under 30%']);
    const varied = [
      multi('m1', ['A', 'B', 'C'], 5),
      multi('m2', ['A', 'B'], 5),
      multi('m3', ['A', 'B'], 4),
      multi('m4', ['A', 'B', 'C', 'D'], 6),
    ];
    expect(bankFigureWarnings(computeBankFigures(varied))).toEqual([]);
  });

  it('counts source mentions and known duplicate-fact pairs', () => {
    const seed = {
      ...single('s', 'A', [
        ['x', 'x'],
        ['yy', 'yy'],
      ]),
      explanation: text('The seed answer says three.', '种子答案'),
    } as Question;
    const pair = ['mp-queue-argument-to-pool', 'pool-with-plain-mp-queue'].map((id) => ({
      ...single(id, 'A', [
        ['x', 'x'],
        ['yy', 'yy'],
      ]),
    }));
    const f = computeBankFigures([seed, ...pair]);
    expect([f.sourceMentions, f.duplicateFacts]).toEqual([2, 1]);
  });

  it('the shipped bank stays within the limits and has no source mention or known duplicate fact', () => {
    const { questions } = loadQuestionFiles(join(import.meta.dirname, '..', '..', 'questions'));
    const f = computeBankFigures(questions);
    expect(bankFigureWarnings(f)).toEqual([]);
    expect([f.sourceMentions, f.duplicateFacts]).toEqual([0, 0]);
  });
});
