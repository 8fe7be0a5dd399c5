import { encodeAction } from '../actions/action-codec.js';
import { renderSolution } from '../grading/index.js';
import type { Locale } from '../i18n/catalog.js';
import { questionCard } from '../questions/question-card.js';
import type { Question, Topic } from '../questions/schema.js';
import { topicName } from '../questions/topic-names.js';
import type { Capabilities, OutboundMessage } from '../types.js';
import { mt } from './mock-messages.js';
import { MAX_PARTICIPANTS, type MockSession } from './mock-session.js';

const nameList = (ids: readonly string[], names: ReadonlyMap<string, string>) => ids.map((id) => names.get(id) ?? id).join(', ') || '-';

/** The lobby: who hosts, the plan, who is in, and Join / Leave / Begin. */
export function lobbyCard(
  session: MockSession,
  participants: readonly string[],
  names: ReadonlyMap<string, string>,
  startAt: string,
): OutboundMessage {
  const locale = session.locale;
  const button = (value: 'join' | 'leave' | 'begin', style: 'primary' | 'secondary' | 'success') => ({
    type: 'button' as const,
    id: encodeAction({ kind: 'mock', target: session.id, value }),
    label: mt(locale, `mock-${value}`),
    style,
    twin: `/mock ${value}`,
  });
  return {
    visibility: 'public',
    tone: 'info',
    title: mt(locale, 'mock-lobby-title'),
    text: [
      mt(locale, 'mock-lobby-text', {
        host: names.get(session.hostId) ?? session.hostId,
        rounds: session.rounds,
        seconds: session.seconds,
        topic: session.topic ? mt(locale, 'mock-lobby-topic', { topic: topicName(session.topic as Topic, locale) }) : '',
        startAt,
      }),
      '',
      mt(locale, 'mock-lobby-people', { count: participants.length, max: MAX_PARTICIPANTS, names: nameList(participants, names) }),
    ].join('\n'),
    footer: mt(locale, 'mock-rules'),
    actions: [button('join', 'primary'), button('leave', 'secondary'), button('begin', 'success')],
  };
}

/** A round's question, posted in the channel; answers come privately. */
export function roundCard(
  session: MockSession,
  round: number,
  question: Question,
  instanceId: string,
  capabilities: Capabilities,
): OutboundMessage {
  const card = questionCard(question, instanceId, session.locale, 'public', capabilities);
  return {
    ...card,
    title: mt(session.locale, 'mock-round-title', { round, of: session.questionIds.length, id: question.id }),
    footer: `${card.footer ?? ''}\n${mt(session.locale, 'mock-round-footer', { seconds: session.seconds })}`,
  };
}

/** The end of a round: the answer, who got it right in what order, who did not answer, the top three. */
export function roundResult(
  session: MockSession,
  round: number,
  question: Question,
  rightInOrder: readonly string[],
  unanswered: readonly string[],
  names: ReadonlyMap<string, string>,
  skipped: boolean,
): OutboundMessage {
  const locale = session.locale;
  const lines = [renderSolution(question, locale), ''];
  if (skipped) lines.push(mt(locale, 'mock-skipped', { round }));
  lines.push(
    rightInOrder.length > 0
      ? mt(locale, 'mock-result-right', { names: nameList(rightInOrder, names) })
      : mt(locale, 'mock-result-none-right'),
  );
  if (unanswered.length > 0) lines.push(mt(locale, 'mock-result-unanswered', { names: nameList(unanswered, names) }));
  lines.push(mt(locale, 'mock-result-top', { names: standingsLine(session, names, 3) }));
  return {
    visibility: 'public',
    tone: 'info',
    title: mt(locale, 'mock-result-title', { round, of: session.questionIds.length, id: question.id }),
    text: lines.join('\n'),
  };
}

/** The final results: podium, each participant's score and accuracy by topic, the most missed questions. */
export function mockSummary(session: MockSession, names: ReadonlyMap<string, string>, locale: Locale): OutboundMessage {
  const ranked = ranking(session);
  const lines: string[] = [];
  if (ranked.length === 0 || ranked.every(([, s]) => s.answered === 0)) {
    lines.push(mt(locale, 'mock-summary-nobody'));
  } else {
    lines.push(mt(locale, 'mock-podium', { names: standingsLine(session, names, 3) }), '');
    for (const [userId, s] of ranked) {
      const topics = Object.entries(s.byTopic)
        .map(([topic, t]) => `${topicName(topic as Topic, locale)} ${t.correct}/${t.answered}`)
        .join(', ');
      lines.push(
        mt(locale, 'mock-summary-row', {
          name: names.get(userId) ?? userId,
          points: s.points,
          correct: s.correct,
          answered: s.answered,
          topics: topics ? ` (${topics})` : '',
        }),
      );
    }
    const hardest = Object.entries(session.wrong)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([id, n]) => `${id} (${n})`);
    if (hardest.length > 0) lines.push('', mt(locale, 'mock-summary-hardest', { ids: hardest.join(', ') }));
  }
  return { visibility: 'public', tone: 'info', title: mt(locale, 'mock-summary-title'), text: lines.join('\n') };
}

function ranking(session: MockSession) {
  return Object.entries(session.scores).sort(
    (a, b) => b[1].points - a[1].points || b[1].correct - a[1].correct || a[0].localeCompare(b[0]),
  );
}

function standingsLine(session: MockSession, names: ReadonlyMap<string, string>, n: number): string {
  const top = ranking(session).slice(0, n);
  return top.length > 0 ? top.map(([id, s], i) => `${i + 1}. ${names.get(id) ?? id} ${s.points}`).join(' · ') : '-';
}
