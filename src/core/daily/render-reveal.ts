import { renderSolution } from '../grading/index.js';
import type { Locale } from '../i18n/catalog.js';
import type { InstanceStats } from '../instances/question-instance.js';
import { isChoice, type Question } from '../questions/schema.js';
import type { OutboundMessage } from '../types.js';
import { dt } from './daily-messages.js';

/** The public reveal: correct answer and explanation, share correct, distribution, first three. */
export function renderReveal(
  question: Question,
  stats: InstanceStats,
  names: ReadonlyMap<string, string>,
  locale: Locale,
): OutboundMessage {
  const lines = [renderSolution(question, locale), ''];
  if (stats.answered === 0) {
    lines.push(dt(locale, 'daily-reveal-nobody'));
  } else {
    const share = Math.round((100 * stats.correct) / stats.answered);
    lines.push(dt(locale, 'daily-reveal-stats', { correct: stats.correct, answered: stats.answered, share }));
    if (isChoice(question)) {
      const distribution = question.options.map((o) => `${o.key} ${stats.distribution[o.key] ?? 0}`).join(' · ');
      lines.push(dt(locale, 'daily-reveal-distribution', { distribution }));
    }
    lines.push(
      stats.firstCorrect.length > 0
        ? dt(locale, 'daily-reveal-first', { names: stats.firstCorrect.map((id) => names.get(id) ?? id).join(', ') })
        : dt(locale, 'daily-reveal-first-none'),
    );
  }
  return { visibility: 'public', tone: 'info', title: dt(locale, 'daily-reveal-title', { id: question.id }), text: lines.join('\n') };
}
