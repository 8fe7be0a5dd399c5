import { type Locale, translate } from '../i18n/catalog.js';
import { gradingMessages } from './grading-messages.js';

/** One paragraph on how answers are graded, for /help (see docs/grading.md). */
export function gradingRulesText(locale: Locale): string {
  return translate(gradingMessages, locale, 'rules');
}
