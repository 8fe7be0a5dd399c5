import { type Locale, translate } from '../i18n/catalog.js';
import type { Question, Unit } from '../questions/schema.js';
import { gradingMessages } from './grading-messages.js';

type MessageKey = keyof (typeof gradingMessages)['en'];

/** A `why` that opens with its own verdict ("Wrong.", "正确。") would repeat the one the line already shows. */
const LEADING_VERDICT = /^\s*(?:right|wrong|correct|incorrect|true|false|正确|错误|对|错)\s*[.:：。，,!！]\s*/i;

const UNIT_KEYS: Readonly<Record<Exclude<Unit, 'count'>, MessageKey>> = {
  ms: 'unitMs',
  s: 'unitS',
  min: 'unitMin',
  h: 'unitH',
  byte: 'unitByte',
  KB: 'unitKB',
  MB: 'unitMB',
};

/**
 * The solution, for after a daily reveal or in a personal drill: the correct answer, each option's
 * `why` (choice), the accepted forms and value (short), the reference and key points (open), and the
 * explanation.
 */
export function renderSolution(question: Question, locale: Locale): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(gradingMessages, locale, key, params);
  const lines: string[] = [];
  switch (question.kind) {
    case 'single':
    case 'multi': {
      const answer: readonly string[] = question.kind === 'single' ? [question.answer] : question.answer;
      const correct = new Set(answer);
      const inOrder = question.options.map((o) => o.key).filter((k) => correct.has(k));
      lines.push(t('solutionAnswer', { keys: inOrder.join(t('listSeparator')) }));
      for (const o of question.options) {
        const why = o.why[locale].replace(LEADING_VERDICT, '') || o.why[locale];
        const params = { key: o.key, text: o.text[locale], why };
        lines.push(t(correct.has(o.key) ? 'solutionOptionRight' : 'solutionOptionWrong', params));
      }
      lines.push(t('solutionExplanation', { text: question.explanation[locale] }));
      break;
    }
    case 'short': {
      lines.push(t('solutionAccepted', { forms: question.accept.map((a) => `\`${a}\``).join(t('listSeparator')) }));
      const n = question.numeric;
      if (n) {
        const value = n.unit === 'count' ? String(n.value) : t('quantity', { value: n.value, unit: t(UNIT_KEYS[n.unit]) });
        lines.push(n.tolerance > 0 ? t('solutionValueTolerance', { value, tolerance: n.tolerance }) : t('solutionValue', { value }));
      }
      lines.push(t('solutionExplanation', { text: question.explanation[locale] }));
      break;
    }
    case 'open': {
      lines.push(t('referenceAnswer'), question.reference[locale], t('solutionKeyPoints'));
      for (const k of question.keyPoints) lines.push(t('bullet', { text: k.text[locale] }));
      if (question.explanation) lines.push(t('solutionExplanation', { text: question.explanation[locale] }));
      break;
    }
  }
  return lines.join('\n');
}
