import { type Locale, translate } from '../i18n/catalog.js';
import type { Question } from '../questions/schema.js';
import type { Dimension } from './convert-unit.js';
import type { FeedbackItem, GradeResult } from './grade-result.js';
import { gradingMessages } from './grading-messages.js';
import { selfRatingLabel } from './self-rating-label.js';
import { SELF_RATINGS } from './self-ratings.js';

type MessageKey = keyof (typeof gradingMessages)['en'];

const DIMENSION_KEYS: Readonly<Record<Dimension, MessageKey>> = {
  time: 'dimensionTime',
  size: 'dimensionSize',
  count: 'dimensionCount',
};

function header(result: GradeResult, t: (key: MessageKey, params?: Record<string, string | number>) => string): string {
  const { points, maxPoints } = result;
  if (result.kind === 'open') {
    const covered = result.coveredKeyPoints.length;
    return t('headerOpen', { covered, total: covered + result.missedKeyPoints.length, points, maxPoints });
  }
  if (result.correct) return t('headerCorrect', { points, maxPoints });
  return t(result.score > 0 ? 'headerPartial' : 'headerWrong', { points, maxPoints });
}

/**
 * The private reply to a graded answer, in `locale`: verdict and points, then each feedback item.
 * Never shows the correct answer or explanation of a choice or short item (see renderSolution); for an
 * open item it lists covered and missed key points, the reference answer and the self-rating prompt.
 */
export function renderGradeFeedback(result: GradeResult, question: Question, locale: Locale): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(gradingMessages, locale, key, params);
  const list = (items: readonly string[]) => items.join(t('listSeparator'));
  const keyPointText = (id: string) =>
    (question.kind === 'open' ? question.keyPoints.find((k) => k.id === id)?.text[locale] : undefined) ?? id;
  const bullets = (ids: readonly string[]) =>
    ids.length === 0 ? [t('bullet', { text: t('keyPointsNone') })] : ids.map((id) => t('bullet', { text: keyPointText(id) }));

  const lines = [header(result, t)];
  const render = (item: FeedbackItem): string[] => {
    switch (item.type) {
      case 'picked':
        return [t('picked', { keys: list(item.keys) })];
      case 'multi-near-miss':
        return [
          t('multiNearMiss', { right: item.rightPicks, total: item.correctCount }),
          item.wrongPicks.length > 0 ? t('wrongPicks', { keys: list(item.wrongPicks) }) : t('noWrongPicks'),
        ];
      case 'partial-credit':
        return [t('partialCredit', { percent: Math.round(item.score * 100) })];
      case 'numeric-off':
        return [t('numericOff')];
      case 'unit-mismatch':
        return [t('unitMismatch', { given: t(DIMENSION_KEYS[item.given]), expected: t(DIMENSION_KEYS[item.expected]) })];
      case 'key-points':
        return [
          t('keyPointsCovered'),
          ...bullets(item.judgements.filter((j) => j.verdict === 'covered').map((j) => j.id)),
          t('keyPointsMissed'),
          ...bullets(item.judgements.filter((j) => j.verdict !== 'covered').map((j) => j.id)),
        ];
      case 'reference':
        return question.kind === 'open' ? [t('referenceAnswer'), question.reference[locale]] : [];
      case 'self-rate':
        return [t('selfRate', { ratings: SELF_RATINGS.map((r) => `**${selfRatingLabel(r, locale)}**`).join(' / ') })];
    }
  };
  for (const item of result.feedback) lines.push(...render(item));
  return lines.join('\n');
}
