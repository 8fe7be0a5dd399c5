import type { Locale } from '../i18n/catalog.js';
import type { Topic } from '../questions/schema.js';
import { topicName } from '../questions/topic-names.js';
import type { OutboundMessage } from '../types.js';
import { drt } from './drill-messages.js';
import type { DrillSession } from './drill-session.js';

/** Score, accuracy per topic, the weakest topic and a suggested next drill. */
export function drillSummary(session: DrillSession, locale: Locale, stopped: boolean): OutboundMessage {
  const { results } = session;
  const lines: string[] = [];
  if (results.length === 0) {
    lines.push(drt(locale, 'drill-summary-none'));
  } else {
    const correct = results.filter((r) => r.correct).length;
    const points = results.reduce((n, r) => n + r.points, 0);
    lines.push(drt(locale, 'drill-summary-score', { correct, answered: results.length, points }));
    if (stopped) lines.push(drt(locale, 'drill-summary-stopped', { answered: results.length, of: session.questionIds.length }));
    const byTopic = new Map<string, { answered: number; correct: number; score: number }>();
    for (const r of results) {
      const t = byTopic.get(r.topic) ?? { answered: 0, correct: 0, score: 0 };
      byTopic.set(r.topic, { answered: t.answered + 1, correct: t.correct + (r.correct ? 1 : 0), score: t.score + r.score });
    }
    lines.push('');
    for (const [topic, t] of byTopic) {
      lines.push(
        drt(locale, 'drill-summary-topic', { topic: topicName(topic as Topic, locale), correct: t.correct, answered: t.answered }),
      );
    }
    const weakest = [...byTopic].sort((a, b) => a[1].score / a[1].answered - b[1].score / b[1].answered)[0];
    if (weakest && weakest[1].score < weakest[1].answered) {
      lines.push(
        '',
        drt(locale, 'drill-summary-weakest', {
          topic: topicName(weakest[0] as Topic, locale),
          id: weakest[0],
          count: Math.max(5, session.questionIds.length),
        }),
      );
    }
  }
  return { visibility: 'private', tone: 'info', title: drt(locale, 'drill-summary-title'), text: lines.join('\n') };
}
