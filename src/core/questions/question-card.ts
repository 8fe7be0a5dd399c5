import type { Locale } from '../i18n/catalog.js';
import { t } from '../i18n/messages.js';
import type { OutboundMessage, Visibility } from '../types.js';
import { isChoice, type Question } from './schema.js';
import { topicName } from './topic-names.js';

/**
 * A question as a platform-neutral card: prompt, options, buttons (with their typed fallback).
 * It never contains the answer, explanation or any option's `why`.
 */
export function questionCard(
  question: Question,
  instanceId: string,
  locale: Locale,
  visibility: Visibility,
  /** The console has no buttons: its hint names only the typed form. */
  buttons = true,
): OutboundMessage {
  const meta = t(locale, 'quiz-meta', {
    topic: topicName(question.topic, locale),
    difficulty: '★'.repeat(question.difficulty),
    kind: t(locale, `kind-${question.kind}`),
  });
  const lines = [question.prompt[locale]];
  if (isChoice(question)) {
    lines.push('', ...question.options.map((o) => `**${o.key}.** ${o.text[locale]}`));
  }
  const example = question.kind === 'multi' ? 'A C' : 'B';
  return {
    visibility,
    tone: 'question',
    title: t(locale, 'quiz-title', { id: question.id }),
    text: lines.join('\n'),
    footer: `${meta}\n${isChoice(question) ? t(locale, buttons ? 'answer-hint-choice' : 'answer-hint-typed', { example }) : t(locale, 'answer-hint-text')}`,
    choices: isChoice(question)
      ? { instanceId, multi: question.kind === 'multi', options: question.options.map((o) => ({ key: o.key, label: o.text[locale] })) }
      : undefined,
  };
}
