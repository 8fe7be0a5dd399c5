import { clip } from '../actions/clip.js';
import type { OptionSpec } from '../commands.js';
import type { Locale } from '../i18n/catalog.js';
import type { QuestionBank } from './question-bank.js';
import { topicName } from './topic-names.js';

/** Discord shows at most 25 suggestions, each name and value at most 100 characters. */
export const SUGGESTIONS_MAX = 25;
const NAME_MAX = 100;

export interface Suggestion {
  name: string;
  value: string;
}

/**
 * Suggestions while a member types an option (Discord autocomplete): topics by id or name in
 * either language, then question ids. Pure and in memory, so it answers well inside 3 seconds.
 */
export function suggestOptionValues(
  bank: QuestionBank,
  source: NonNullable<OptionSpec['autocomplete']>,
  typed: string,
  locale: Locale,
): Suggestion[] {
  const q = typed.trim().toLowerCase();
  const topics = bank
    .topics()
    .filter((t) => !q || t.includes(q) || topicName(t, 'en').toLowerCase().includes(q) || topicName(t, 'zh').includes(typed.trim()))
    .map((t) => ({ name: clip(`${topicName(t, locale)} (${t}) · ${bank.pool({ topic: t }).length}`, NAME_MAX), value: t }));
  if (source === 'topic' || !q) return topics.slice(0, SUGGESTIONS_MAX);
  const questions = bank.questions
    .filter((question) => question.id.includes(q))
    .sort((a, b) => Number(!b.id.startsWith(q)) - Number(!a.id.startsWith(q)) || a.id.localeCompare(b.id))
    .map((question) => ({ name: clip(`${question.id} · ${question.prompt[locale]}`, NAME_MAX), value: question.id }));
  return [...topics, ...questions].slice(0, SUGGESTIONS_MAX);
}
