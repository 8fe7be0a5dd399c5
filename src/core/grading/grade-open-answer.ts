import type { OpenQuestion } from '../questions/schema.js';
import { type AnswerSentence, answerSentences } from './answer-sentences.js';
import {
  claimStatus,
  findPhrase,
  matchClaim,
  type PreparedClaim,
  type PreparedPhrase,
  prepareClaim,
  preparePhrase,
} from './claim-matcher.js';
import { parseClaim } from './claims.js';
import type { KeyPointJudgement, KeyPointVerdict, OpenGradeResult } from './grade-result.js';
import { type InvalidAnswer, invalidAnswer } from './invalid-answer.js';
import { maxPointsFor, pointsFor } from './max-points-for.js';
import { normalizeText } from './normalize-text.js';

/** Share of the key-point weight an open answer must reach to count as correct. */
export const OPEN_CORRECT_THRESHOLD = 0.6;

/** What each verdict is worth: a point only mentioned earns a little, so a half answer stays below the threshold. */
export const KEY_POINT_WEIGHTS: Readonly<Record<KeyPointVerdict, number>> = { covered: 1, partly: 0.25, missed: 0 };

/**
 * What stating a known misconception costs beyond the point it cancels: an answer that asserts a wrong
 * fact confidently is not as good as one that leaves the point out.
 */
export const MISCONCEPTION_PENALTY = 0.25;

/** Weighted verdicts less misconception penalties, per key point, at least 0. */
function scoreJudgements(judgements: readonly KeyPointJudgement[]): number {
  if (judgements.length === 0) return 0;
  const weight = judgements.reduce((sum, j) => sum + KEY_POINT_WEIGHTS[j.verdict] - (j.misconception ? MISCONCEPTION_PENALTY : 0), 0);
  return Math.max(0, weight / judgements.length);
}

/** The longest quote of the answer shown next to a key point. */
const QUOTE_MAX = 100;
const TRAILING_MARKS = /[\s,，、:：(（.。!！?？;；]+$/u;

interface PreparedPoint {
  id: string;
  claims: PreparedClaim[];
  mentions: PreparedPhrase[];
  misconceptions: Array<{ text: { zh: string; en: string }; claims: PreparedClaim[] }>;
}

interface PreparedQuestion {
  points: PreparedPoint[];
  /** The question's terms (every point's `match` phrases): words outside them make a sentence more than a list of terms. */
  vocabulary: PreparedPhrase[];
}

const cache = new WeakMap<OpenQuestion, PreparedQuestion>();

function phrases(list: readonly string[]): PreparedPhrase[] {
  const seen = new Set<string>();
  return list.map(preparePhrase).filter((p): p is PreparedPhrase => p !== undefined && !seen.has(p.text) && Boolean(seen.add(p.text)));
}

function prepare(question: OpenQuestion): PreparedQuestion {
  let prepared = cache.get(question);
  if (prepared) return prepared;
  const points = question.keyPoints.map((k): PreparedPoint => {
    const mentions = phrases([...k.match.zh, ...k.match.en]);
    // Without written claims a point's own phrases are its claims (bare tokens still never count alone).
    const claims = k.claims
      ? [...k.claims.zh, ...k.claims.en].map((c) => prepareClaim(parseClaim(c)))
      : mentions.map((p) => ({ groups: [[p]], ordered: false }));
    const misconceptions = (k.misconceptions ?? []).map((m) => ({
      text: m.text,
      claims: [...m.zh, ...m.en].map((c) => prepareClaim(parseClaim(c))),
    }));
    return { id: k.id, claims, mentions: mentions.filter((m) => !m.bare), misconceptions };
  });
  prepared = { points, vocabulary: phrases(question.keyPoints.flatMap((k) => [...k.match.zh, ...k.match.en])) };
  cache.set(question, prepared);
  return prepared;
}

/** Little words that carry no statement, so a term list padded with them is still a term list. */
const FILLER = new Set(['the', 'a', 'an', 'and', 'or', 'then', 'of', 'to', 'with', 'etc', 'vs', 'e.g', 'ie']);
/** Chinese words that make a short part a statement, not a term: "TCP 用在网页" says something, "FIN 重传" names a thing. */
const CHINESE_PREDICATES = new Set([
  '是',
  '用',
  '用在',
  '用于',
  '会',
  '要',
  '能',
  '可以',
  '需要',
  '就是',
  '在',
  '有',
  '没有',
  '发',
  '发送',
  '回',
  '回复',
  '收到',
  '等待',
  '进入',
  '负责',
  '表示',
  '指',
  '叫',
  '称为',
  '让',
  '把',
  '被',
  '导致',
  '因为',
  '所以',
  '如果',
  '就',
  '才',
  '都',
  '也',
  '只',
  '由',
  '向',
  '给',
  '从',
  '到',
  '不',
  '不会',
  '不是',
  '没',
]);
const ALPHABETIC = /^[a-z]{2,}$/;
const HAS_DIGIT = /[0-9]/;

/** A comma part of this many words is a statement of its own, so the sentence is not a list. */
const STATEMENT_WORDS = 5;

/**
 * A sentence can state something only when it is more than a list of terms. It needs a word of its
 * own (not the question's terms, a capitalised term, a number or filler: "sends", "waits", 等待).
 * And it is a list when it has three or more comma parts, none of five words or more, and at least
 * three quarters are term-like: one or two words, or up to four with no English word of its own, no
 * Chinese predicate (是, 用在, 发送, 会) and
 * not ended by the Chinese statement comma (，): "FIN 重传、旧报文" is a list, "PUT 修改数据，DELETE 删除数据"
 * is not. A sentence with a colon, or opening with a part that is a statement, introduces its enumeration.
 */
function statesSomething(sentence: AnswerSentence, vocabulary: readonly PreparedPhrase[]): boolean {
  const covered = vocabulary.flatMap((p) => findPhrase(sentence, p));
  const own = sentence.words.map((w) => {
    if (covered.some((o) => o.start < w.end && w.start < o.end)) return false;
    const word = sentence.text.slice(w.start, w.end);
    if (w.latin) return !w.term && ALPHABETIC.test(word) && !FILLER.has(word);
    return !HAS_DIGIT.test(word);
  });
  if (!own.includes(true)) return false;
  if (sentence.hasColon) return true;
  const parts = new Map<number, { words: number; predicate: boolean }>();
  sentence.words.forEach((w, i) => {
    const part = parts.get(w.clause) ?? { words: 0, predicate: false };
    part.words++;
    if ((w.latin && own[i]) || (!w.latin && CHINESE_PREDICATES.has(sentence.text.slice(w.start, w.end)))) part.predicate = true;
    parts.set(w.clause, part);
  });
  if (parts.size < 3 || [...parts.values()].some((p) => p.words >= STATEMENT_WORDS)) return true;
  const isTermLike = ([clause, p]: [number, { words: number; predicate: boolean }]) =>
    p.words <= 2 || (p.words <= 4 && !p.predicate && sentence.statementComma[clause] !== true);
  const ordered = [...parts].sort(([a], [b]) => a - b);
  // A statement that opens with its own head and then enumerates ("调度算法有 rr、wrr、lc") is not a list.
  if (ordered[0] && !isTermLike(ordered[0])) return true;
  return ordered.filter(isTermLike).length < 0.75 * parts.size;
}

/** The clauses that stated the point (the whole sentence when unknown), trimmed and clipped. */
function quote(sentence: AnswerSentence, clauses?: readonly [number, number]): string {
  const text = (clauses ? sentence.clauses.slice(clauses[0], clauses[1] + 1).join('') : sentence.raw).trim().replace(TRAILING_MARKS, '');
  // A quote cut at a bracket would show half of it: drop a closing bracket without its opening one.
  const balanced = /[)）]$/u.test(text) && !/[(（]/u.test(text) ? text.slice(0, -1).trim() : text;
  const part = balanced === '' ? sentence.raw : balanced;
  const chars = [...part];
  return chars.length <= QUOTE_MAX ? part : `${chars.slice(0, QUOTE_MAX - 1).join('')}…`;
}

function judgePoint(point: PreparedPoint, sentences: readonly AnswerSentence[]): KeyPointJudgement {
  for (const m of point.misconceptions) {
    if (sentences.some((s) => m.claims.some((c) => claimStatus(s, c) === 'stated'))) {
      return { id: point.id, verdict: 'missed', misconception: { zh: m.text.zh, en: m.text.en } };
    }
  }
  let partly: AnswerSentence | undefined;
  for (const s of sentences) {
    const matches = point.claims.map((c) => matchClaim(s, c));
    const stated = matches.find((m) => m.status === 'stated');
    if (stated) return { id: point.id, verdict: 'covered', quote: quote(s, stated.clauses) };
    const statuses = matches.map((m) => m.status);
    // A sentence that contradicts the point earns nothing for merely naming it.
    if (!partly && !statuses.includes('negated') && point.mentions.some((m) => findPhrase(s, m).length > 0)) partly = s;
  }
  return partly ? { id: point.id, verdict: 'partly', quote: quote(partly) } : { id: point.id, verdict: 'missed' };
}

/**
 * Grades an open answer by what it claims. Each key point is covered when one sentence states one of
 * its claims (all phrase groups together, in order when ordered, none under a negation such as "never"
 * or 不), partly covered when a sentence only names its subject, and missed otherwise or when the
 * answer states one of the point's misconceptions. Sentences that are only a list of terms state
 * nothing. score = weighted verdicts / key points; correct from 0.6.
 */
export function gradeOpenAnswer(question: OpenQuestion, text: string): OpenGradeResult | InvalidAnswer {
  if (normalizeText(text) === '') return invalidAnswer(question, 'empty');
  const prepared = prepare(question);
  const sentences = answerSentences(text).filter((s) => statesSomething(s, prepared.vocabulary));
  const judgements = prepared.points.map((p) => judgePoint(p, sentences));
  return openGradeResult(question, judgements, 'key-points');
}

/** The result of judged key points, whoever judged them (this grader or the model grader): one scoring rule. */
export function openGradeResult(
  question: OpenQuestion,
  judgements: KeyPointJudgement[],
  gradedBy: OpenGradeResult['gradedBy'],
): OpenGradeResult {
  const score = scoreJudgements(judgements);
  const maxPoints = maxPointsFor(question);
  return {
    questionId: question.id,
    kind: 'open',
    score,
    points: pointsFor(score, maxPoints),
    maxPoints,
    correct: score >= OPEN_CORRECT_THRESHOLD - 1e-9,
    coveredKeyPoints: judgements.filter((j) => j.verdict === 'covered').map((j) => j.id),
    missedKeyPoints: judgements.filter((j) => j.verdict !== 'covered').map((j) => j.id),
    judgements,
    gradedBy,
    feedback: [{ type: 'key-points', judgements }, { type: 'reference' }, { type: 'self-rate' }],
  };
}
