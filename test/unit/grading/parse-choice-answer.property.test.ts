import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChoiceAnswer } from '../../../src/core/grading/parse-choice-answer.js';
import { anyText } from './arbitraries.js';
import { choiceQuestions } from './fixtures.js';

describe('parseChoiceAnswer on arbitrary Unicode input', () => {
  it('never throws, and every accepted value names only existing options, once, in option order', () => {
    fc.assert(
      fc.property(fc.constantFrom(...choiceQuestions), anyText, (question, text) => {
        const parsed = parseChoiceAnswer(question, text);
        const keys = question.options.map((o) => o.key);
        if (parsed.ok) {
          expect(parsed.keys.length).toBeGreaterThan(0);
          expect(parsed.keys).toEqual(keys.filter((k) => parsed.keys.includes(k)));
          if (question.kind === 'single') expect(parsed.keys).toHaveLength(1);
        } else {
          expect(parsed.invalid.status).toBe('invalid');
          expect(parsed.invalid.validOptions).toEqual(keys);
        }
      }),
      { numRuns: 100_000 },
    );
  }, 120_000);
});
