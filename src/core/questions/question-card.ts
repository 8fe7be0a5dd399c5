import { encodeAction } from '../actions/action-codec.js';
import { clip } from '../actions/clip.js';
import type { Locale } from '../i18n/catalog.js';
import { t } from '../i18n/messages.js';
import type { Capabilities, MessageAction, OutboundMessage, Visibility } from '../types.js';
import { isChoice, type Question } from './schema.js';
import { topicName } from './topic-names.js';

/** Slack's limit for an option's text and a button's label (Discord allows 100 and 80). */
const LABEL_MAX = 75;

/**
 * A question as a platform-neutral card: prompt, options, the actions that answer it (with their
 * typed twins) and a hint that matches what the platform can show. It never contains the answer,
 * explanation or any option's `why`.
 */
export function questionCard(
  question: Question,
  instanceId: string,
  locale: Locale,
  visibility: Visibility,
  capabilities: Capabilities,
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
  const hint = isChoice(question)
    ? t(locale, capabilities.buttons ? 'answer-hint-choice' : 'answer-hint-typed', { example })
    : t(locale, capabilities.forms ? 'answer-hint-form' : 'answer-hint-text');
  return {
    visibility,
    tone: 'question',
    title: t(locale, 'quiz-title', { id: question.id }),
    text: lines.join('\n'),
    footer: `${meta}\n${hint}`,
    actions: answerActions(question, instanceId, locale, visibility),
  };
}

/** Buttons for single choice, a multi-select for multiple choice, a form button for typed answers. */
function answerActions(question: Question, instanceId: string, locale: Locale, visibility: Visibility): MessageAction[] {
  if (question.kind === 'single') {
    // A private card is the answerer's own: the click updates it. A shared card stays as it is.
    const kind = visibility === 'private' ? 'own' : 'ans';
    return question.options.map((o) => ({
      type: 'button',
      id: encodeAction({ kind, target: instanceId, value: o.key }),
      label: o.key,
      style: 'secondary',
      twin: `/answer ${o.key}`,
    }));
  }
  if (question.kind === 'multi') {
    return [
      {
        type: 'select',
        id: encodeAction({ kind: visibility === 'private' ? 'ownpick' : 'pick', target: instanceId, value: '' }),
        placeholder: t(locale, 'select-placeholder'),
        options: question.options.map((o) => ({ value: o.key, label: clip(`${o.key}. ${o.text[locale]}`, LABEL_MAX) })),
        minValues: 1,
        maxValues: question.options.length,
        submitLabel: t(locale, 'select-submit'),
        twin: '/answer A C',
      },
    ];
  }
  return [
    {
      type: 'form-button',
      id: encodeAction({ kind: 'form', target: instanceId, value: '' }),
      label: t(locale, 'answer-button'),
      style: 'primary',
      twin: '/answer <text>',
    },
  ];
}

/** The card after its owner answered: buttons disabled with the picked one marked, a menu gone. */
export function answeredCard(card: OutboundMessage, picked: readonly string[]): OutboundMessage {
  const buttons = (card.actions ?? []).flatMap((a) =>
    a.type === 'button' ? [{ ...a, disabled: true, style: picked.includes(a.label) ? ('primary' as const) : ('secondary' as const) }] : [],
  );
  return { ...card, actions: buttons.length > 0 ? buttons : undefined, footer: `${card.footer ?? ''}\n✓ ${picked.join(' ')}`.trim() };
}
