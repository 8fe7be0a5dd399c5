import { type Locale, translate } from '../i18n/catalog.js';
import type { Question } from '../questions/schema.js';
import type { Dimension } from './convert-unit.js';
import type { FeedbackItem, GradeResult, KeyPointJudgement } from './grade-result.js';
import { gradingMessages } from './grading-messages.js';
import { selfRatingLabel } from './self-rating-label.js';
import { SELF_RATINGS } from './self-ratings.js';

type MessageKey = keyof (typeof gradingMessages)['en'];

const DIMENSION_KEYS: Readonly<Record<Dimension, MessageKey>> = {
  time: 'dimensionTime',
  size: 'dimensionSize',
  count: 'dimensionCount',
};

/** Results stored before judgements existed (a daily answer awaiting its reveal) list ids only. */
interface LegacyKeyPoints {
  covered?: string[];
  missed?: string[];
  coveredKeyPoints?: string[];
  missedKeyPoints?: string[];
}

function storedJudgements(judgements: KeyPointJudgement[] | undefined, legacy: LegacyKeyPoints): KeyPointJudgement[] {
  if (Array.isArray(judgements)) return judgements;
  const covered = legacy.covered ?? legacy.coveredKeyPoints ?? [];
  const missed = legacy.missed ?? legacy.missedKeyPoints ?? [];
  return [
    ...covered.map((id): KeyPointJudgement => ({ id, verdict: 'covered' })),
    ...missed.map((id): KeyPointJudgement => ({ id, verdict: 'missed' })),
  ];
}

function header(result: GradeResult, t: (key: MessageKey, params?: Record<string, string | number>) => string): string {
  const { points, maxPoints } = result;
  if (result.kind === 'open') {
    const judgements = storedJudgements(result.judgements, result);
    const count = (verdict: string) => judgements.filter((j) => j.verdict === verdict).length;
    const partly = count('partly');
    const params = { covered: count('covered'), partly, total: judgements.length, points, maxPoints };
    return t(partly > 0 ? 'headerOpenPartly' : 'headerOpen', params);
  }
  if (result.correct) return t('headerCorrect', { points, maxPoints });
  return t(result.score > 0 ? 'headerPartial' : 'headerWrong', { points, maxPoints });
}

/**
 * The private reply to a graded answer, in `locale`: verdict and points, then each feedback item.
 * Never shows the correct answer or explanation of a choice or short item (see renderSolution); for an
 * open item it judges each key point (covered with the words that stated it, partly, missed, or a misconception
 * found), then shows the reference answer and the self-rating prompt.
 */
export function renderGradeFeedback(result: GradeResult, question: Question, locale: Locale): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(gradingMessages, locale, key, params);
  const list = (items: readonly string[]) => items.join(t('listSeparator'));
  const keyPointText = (id: string) =>
    (question.kind === 'open' ? question.keyPoints.find((k) => k.id === id)?.text[locale] : undefined) ?? id;
  const judged = (j: KeyPointJudgement): string => {
    const text = keyPointText(j.id);
    if (j.misconception) return t('keyPointMisconception', { text, misconception: j.misconception[locale] });
    if (j.verdict === 'missed') return t('keyPointMissed', { text });
    if (j.quote === undefined) return t(j.verdict === 'covered' ? 'keyPointCoveredPlain' : 'keyPointPartlyPlain', { text });
    return t(j.verdict === 'covered' ? 'keyPointCovered' : 'keyPointPartly', { text, quote: j.quote });
  };

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
        return [t('keyPointsJudged'), ...storedJudgements(item.judgements, item as LegacyKeyPoints).map(judged)];
      case 'reference':
        return question.kind === 'open' ? [t('referenceAnswer'), question.reference[locale]] : [];
      case 'self-rate':
        return [t('selfRate', { ratings: SELF_RATINGS.map((r) => `**${selfRatingLabel(r, locale)}**`).join(' / ') })];
    }
  };
  for (const item of result.feedback) lines.push(...render(item));
  return lines.join('\n');
}
