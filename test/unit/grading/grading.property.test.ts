import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeAnswer } from '../../../src/core/grading/grade-answer.js';
import type { AnswerInput } from '../../../src/core/grading/grade-result.js';
import { normalizeText } from '../../../src/core/grading/normalize-text.js';
import { parseChoiceAnswer, parseChoiceKeys } from '../../../src/core/grading/parse-choice-answer.js';
import { multiScore, scoreChoice } from '../../../src/core/grading/score-choice.js';
import { OPTION_KEYS, type OptionKey } from '../../../src/core/questions/schema.js';
import { anyText } from './arbitraries.js';
import { allQuestions, choiceQuestions, udpProtocols } from './fixtures.js';

const keySet = fc.uniqueArray(fc.constantFrom(...OPTION_KEYS), { maxLength: OPTION_KEYS.length });
const anyInput: fc.Arbitrary<AnswerInput> = fc.oneof(
  anyText.map((text) => ({ type: 'text' as const, text })),
  fc.array(fc.constantFrom(...OPTION_KEYS), { maxLength: 10 }).map((keys) => ({ type: 'choice' as const, keys })),
);

describe('grading properties', () => {
  it('normalisation is idempotent', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = normalizeText(text);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 30_000 },
    );
  });

  it('adding a wrong pick never raises a multi score', () => {
    fc.assert(
      fc.property(
        keySet.filter((a) => a.length > 0),
        keySet,
        fc.constantFrom(...OPTION_KEYS),
        (answer, picked, extra) => {
          const correct = new Set(answer);
          fc.pre(!correct.has(extra));
          expect(multiScore(correct, [...picked, extra])).toBeLessThanOrEqual(multiScore(correct, picked));
        },
      ),
      { numRuns: 20_000 },
    );
    // and through the real item: B and D are wrong for udpProtocols
    fc.assert(
      fc.property(fc.subarray(['A', 'B', 'C', 'D'] as OptionKey[]), fc.constantFrom<OptionKey>('B', 'D'), (picked, wrong) => {
        const before = scoreChoice(udpProtocols, picked).score;
        const after = scoreChoice(udpProtocols, [...picked, wrong]).score;
        expect(after).toBeLessThanOrEqual(before);
      }),
    );
  });

  it('only the exact set scores 1 and counts as correct', () => {
    fc.assert(
      fc.property(
        keySet.filter((a) => a.length > 0),
        keySet,
        (answer, picked) => {
          const score = multiScore(new Set(answer), picked);
          const exact = picked.length === answer.length && picked.every((k) => answer.includes(k));
          expect(score === 1).toBe(exact);
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('every outcome is a value: graded scores lie in 0..1 with whole points up to the maximum, and survive JSON', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allQuestions), anyInput, (question, input) => {
        const outcome = gradeAnswer(question, input);
        expect(JSON.parse(JSON.stringify(outcome))).toEqual(outcome);
        if (outcome.status === 'invalid') return;
        const { score, points, maxPoints, correct } = outcome.result;
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(maxPoints).toBe(10 * question.difficulty);
        expect(Number.isInteger(points)).toBe(true);
        expect(points).toBeGreaterThanOrEqual(0);
        expect(points).toBeLessThanOrEqual(maxPoints);
        if (question.kind !== 'open') expect(correct).toBe(score === 1);
      }),
      { numRuns: 20_000 },
    );
  });

  it('buttons and typed letters give the same parsed value', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...choiceQuestions),
        fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 6 }),
        (q, idx) => {
          const keys = idx.map((i) => q.options[i % q.options.length]?.key).filter((k): k is OptionKey => k !== undefined);
          // Letters separated by spaces; a lone letter that is another option's text would be ambiguous by design.
          const typed = parseChoiceAnswer(q, keys.join(' '));
          fc.pre(typed.ok || typed.invalid.reason !== 'ambiguous');
          expect(parseChoiceKeys(q, keys)).toEqual(typed);
        },
      ),
      { numRuns: 5_000 },
    );
  });
});
