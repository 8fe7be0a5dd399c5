import { type Locale, translate } from '../i18n/catalog.js';
import type { Question } from '../questions/schema.js';
import { gradingMessages } from './grading-messages.js';
import type { InvalidAnswer } from './invalid-answer.js';

type MessageKey = keyof (typeof gradingMessages)['en'];

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

/**
 * The private message for an answer that was not graded: what was wrong and, for choice items, the
 * valid options with their text and how to answer. The user may answer again.
 */
export function renderInvalidAnswer(invalid: InvalidAnswer, question: Question, locale: Locale): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(gradingMessages, locale, key, params);
  const isChoice = question.kind === 'single' || question.kind === 'multi';
  const lines: string[] = [];
  switch (invalid.reason) {
    case 'empty':
      lines.push(t(isChoice ? 'invalidEmptyChoice' : 'invalidEmptyText'));
      break;
    case 'unknown-option':
      lines.push(t('invalidUnknown', { items: invalid.offending.map(code).join(t('listSeparator')) }));
      break;
    case 'several-for-single':
      lines.push(t('invalidSeveral', { keys: invalid.candidates.join(t('listSeparator')) }));
      break;
    case 'ambiguous': {
      const input = invalid.offending[0] ?? '';
      const key = /^[0-9]+$/.test(input) ? 'invalidAmbiguousNumber' : 'invalidAmbiguousLetter';
      lines.push(t(key, { input: code(input), keys: invalid.candidates.join(t('orSeparator')) }));
      break;
    }
    case 'wrong-input-type':
      lines.push(t('invalidWrongInputType'));
      break;
    case 'spelling-close':
      lines.push(t('spellingClose'));
      break;
    case 'too-long':
      lines.push(t('invalidTooLong'));
      break;
  }
  if (isChoice) {
    lines.push(t('validOptions'));
    for (const o of question.options) lines.push(t('optionLine', { key: o.key, text: o.text[locale] }));
    lines.push(t(question.kind === 'single' ? 'howToSingle' : 'howToMulti'));
  }
  return lines.join('\n');
}
