import { encodeForm } from '../actions/action-codec.js';
import { clip } from '../actions/clip.js';
import type { Locale } from '../i18n/catalog.js';
import { t } from '../i18n/messages.js';
import { INPUT_LIMITS } from '../input-limits.js';
import type { FormSpec } from '../types.js';

/** Longest typed answer a form takes (Discord's text input allows 4,000): the core's answer limit. */
export const ANSWER_FORM_MAX = INPUT_LIMITS.answer;
export const ANSWER_FIELD = 'answer';

/** The form in which a short or open answer is typed on platforms with forms. */
export function answerForm(instanceId: string, questionId: string | undefined, locale: Locale): FormSpec {
  return {
    id: encodeForm('answer', instanceId),
    title: t(locale, 'answer-form-title'),
    submitLabel: t(locale, 'answer-form-submit'),
    inputs: [
      {
        id: ANSWER_FIELD,
        // Discord caps an input label at 45 characters.
        label: clip(questionId ? t(locale, 'answer-form-label', { id: questionId }) : t(locale, 'answer-form-title'), 45),
        style: 'paragraph',
        required: true,
        maxLength: ANSWER_FORM_MAX,
        placeholder: t(locale, 'answer-form-placeholder'),
      },
    ],
  };
}
