import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTION_ID_MAX,
  ACTION_KINDS,
  decodeAction,
  decodeForm,
  encodeAction,
  encodeForm,
  FORM_KINDS,
} from '../../src/core/actions/action-codec.js';
import { answerForm } from '../../src/core/answer/answer-form.js';
import { ratingActions } from '../../src/core/instances/rating-actions.js';
import { questionCard } from '../../src/core/questions/question-card.js';
import { loadQuestionFiles } from '../../src/infra/questions/load-question-files.js';
import { ALL_CAPABILITIES } from '../support/recording-platform.js';

const bank = loadQuestionFiles(join(import.meta.dirname, '..', '..', 'questions')).questions;

// The longest instance ids the code makes: a `/daily now` post in a Discord channel (snowflakes have
// up to 20 digits) with an 11-character random id, and a personal quiz's random id.
const LONGEST_DAILY_ID = `daily-${'9'.repeat(20)}-now-${'x'.repeat(11)}`;
const QUIZ_ID = 'AbCdEfGhIjK';
const SLACK_ACTION_ID_MAX = 255;

describe('the action id codec', () => {
  it('round-trips every kind, target and value, colons and percent signs included', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ACTION_KINDS),
        fc.string({ minLength: 1, maxLength: 30 }),
        fc.string({ maxLength: 20 }),
        (kind, target, value) => {
          expect(decodeAction(encodeAction({ kind, target, value }))).toEqual({ kind, target, value });
        },
      ),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.constantFrom(...FORM_KINDS), fc.string({ minLength: 1, maxLength: 60 }), (kind, target) => {
        expect(decodeForm(encodeForm(kind, target))).toEqual({ kind, target, value: '' });
      }),
    );
  });

  it('refuses ids it did not make: other versions, unknown kinds, forms as actions, junk', () => {
    const good = encodeAction({ kind: 'ans', target: 'i1', value: 'A' });
    expect(decodeAction(good.replace(/^p1/, 'p2'))).toBeUndefined();
    expect(decodeAction('p1:launch:i1:A')).toBeUndefined();
    expect(decodeAction('ans:i1:A')).toBeUndefined(); // the unversioned shape of old comments
    expect(decodeAction(encodeForm('answer', 'i1'))).toBeUndefined();
    expect(decodeForm(good)).toBeUndefined();
    expect(decodeAction('p1:ans::A')).toBeUndefined();
    expect(decodeAction('x'.repeat(500))).toBeUndefined();
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (junk) => {
        const ref = decodeAction(junk);
        if (ref) expect(encodeAction(ref)).toBe(junk); // anything accepted is exactly what we would encode
      }),
      { numRuns: 5000 },
    );
  });

  it('refuses to make an id longer than Discord allows', () => {
    expect(() => encodeAction({ kind: 'ans', target: 'x'.repeat(100), value: 'A' })).toThrow(RangeError);
  });

  it('keeps every action and form of every question in the bank within both platforms’ limits', () => {
    let checked = 0;
    for (const question of bank) {
      for (const instanceId of [LONGEST_DAILY_ID, QUIZ_ID]) {
        for (const visibility of ['public', 'private'] as const) {
          for (const locale of ['zh', 'en'] as const) {
            const card = questionCard(question, instanceId, locale, visibility, ALL_CAPABILITIES);
            const actions = [...(card.actions ?? []), ...ratingActions(instanceId, locale)];
            for (const action of actions) {
              expect(action.id.length, action.id).toBeLessThanOrEqual(Math.min(ACTION_ID_MAX, SLACK_ACTION_ID_MAX));
              expect(decodeAction(action.id)?.target).toBe(instanceId);
              if (action.type === 'select') {
                expect(action.options.length).toBeLessThanOrEqual(25);
                for (const o of action.options) expect(o.label.length, o.label).toBeLessThanOrEqual(75);
              } else {
                expect(action.label.length).toBeLessThanOrEqual(75);
              }
              checked++;
            }
            const form = answerForm(instanceId, question.id, locale);
            expect(form.id.length).toBeLessThanOrEqual(ACTION_ID_MAX);
            expect(decodeForm(form.id)?.target).toBe(instanceId);
            expect(form.inputs.length).toBeLessThanOrEqual(5);
            for (const input of form.inputs) expect(input.label.length).toBeLessThanOrEqual(45);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(bank.length * 8);
  });
});
