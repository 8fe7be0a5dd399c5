import { type ChoiceQuestion, isChoice, type Question } from '../questions/schema.js';
import type { QuestionStats } from './question-stats.js';

/** Below this many answers a question's accuracy says little, so it is not ranked among the hardest. */
export const HARDEST_MIN_ANSWERS = 5;

export interface ItemFigures {
  question: Question;
  answered: number;
  correct: number;
  /** correct / answered */
  accuracy: number;
  /** Mean grade score 0..1 (partial credit counts here, not in accuracy). */
  meanScore: number;
  picked: Readonly<Record<string, number>>;
}

export interface OptionShare {
  key: string;
  count: number;
  /** Of all answers to the question (a multiple-choice answer may pick several options). */
  share: number;
  correct: boolean;
}

export interface ReportFigures {
  answers: number;
  correct: number;
  /** Every question with answers, most answered first. */
  byAnswers: ItemFigures[];
  /** Lowest accuracy first, among questions with at least HARDEST_MIN_ANSWERS answers. */
  hardest: ItemFigures[];
  /** Choice questions whose spread says most: the hardest first, then the most answered. */
  distributions: ItemFigures[];
}

export function itemFigures(question: Question, stats: QuestionStats): ItemFigures {
  const n = stats.answered;
  return {
    question,
    answered: n,
    correct: stats.correct,
    accuracy: n > 0 ? stats.correct / n : 0,
    meanScore: n > 0 ? stats.score / n : 0,
    picked: stats.picked,
  };
}

const byAnswers = (a: ItemFigures, b: ItemFigures) => b.answered - a.answered || a.question.id.localeCompare(b.question.id);
const byDifficulty = (a: ItemFigures, b: ItemFigures) => a.accuracy - b.accuracy || a.meanScore - b.meanScore || byAnswers(a, b);

/** The report's figures from the counts kept at answer time; `limit` caps the ranked lists. */
export function reportFigures(pool: readonly Question[], stats: ReadonlyMap<string, QuestionStats>, limit: number): ReportFigures {
  const items = pool.flatMap((q) => {
    const s = stats.get(q.id);
    return s && s.answered > 0 ? [itemFigures(q, s)] : [];
  });
  const sorted = [...items].sort(byAnswers);
  const ranked = items.filter((i) => i.answered >= HARDEST_MIN_ANSWERS).sort(byDifficulty);
  const rankedIds = new Set(ranked.map((i) => i.question.id));
  const choice = (i: ItemFigures) => isChoice(i.question);
  return {
    answers: items.reduce((n, i) => n + i.answered, 0),
    correct: items.reduce((n, i) => n + i.correct, 0),
    byAnswers: sorted,
    hardest: ranked.slice(0, limit),
    distributions: [...ranked.filter(choice), ...sorted.filter((i) => choice(i) && !rankedIds.has(i.question.id))].slice(0, limit),
  };
}

/** How often each option was picked, in option order, the correct ones marked. */
export function optionShares(item: ItemFigures): OptionShare[] {
  if (!isChoice(item.question)) return [];
  const q: ChoiceQuestion = item.question;
  const right = new Set<string>(q.kind === 'single' ? [q.answer] : q.answer);
  return q.options.map((o) => {
    const count = item.picked[o.key] ?? 0;
    return { key: o.key, count, share: item.answered > 0 ? count / item.answered : 0, correct: right.has(o.key) };
  });
}

/** The wrong option picked most often (the distractor that catches people), if any was picked. */
export function topDistractor(item: ItemFigures): OptionShare | undefined {
  return optionShares(item)
    .filter((o) => !o.correct && o.count > 0)
    .reduce<OptionShare | undefined>((best, o) => (!best || o.count > best.count ? o : best), undefined);
}
