import type { OpenQuestion } from '../questions/schema.js';
import type { OpenGradeResult } from './grade-result.js';
import { type InvalidAnswer, invalidAnswer } from './invalid-answer.js';
import { maxPointsFor, pointsFor } from './max-points-for.js';
import { normalizeText } from './normalize-text.js';
import { containsPhrase, wordStartText } from './word-start-text.js';

/** Share of key points an open answer must cover to count as correct. */
export const OPEN_CORRECT_THRESHOLD = 0.6;

const cache = new WeakMap<OpenQuestion, ReadonlyArray<{ id: string; phrases: readonly string[] }>>();

function keyPointPhrases(question: OpenQuestion): ReadonlyArray<{ id: string; phrases: readonly string[] }> {
  let table = cache.get(question);
  if (!table) {
    table = question.keyPoints.map((k) => ({
      id: k.id,
      // A phrase that normalises to nothing (only punctuation) would match every answer; it is dropped.
      phrases: [...new Set([...k.match.zh, ...k.match.en].map(normalizeText))].filter((p) => p !== ''),
    }));
    cache.set(question, table);
  }
  return table;
}

/**
 * Grades an open answer by key points: a point is covered when one of its `match` phrases (zh or en),
 * normalised like the answer, occurs in the normalised answer (at a word start when the phrase begins
 * with a Latin letter or digit). score = covered / all key points;
 * correct when score >= 0.6. The user then rates themselves against the reference answer.
 */
export function gradeOpenAnswer(question: OpenQuestion, text: string): OpenGradeResult | InvalidAnswer {
  const answer = wordStartText(text);
  if (answer.text === '') return invalidAnswer(question, 'empty');
  const covered: string[] = [];
  const missed: string[] = [];
  for (const { id, phrases } of keyPointPhrases(question)) {
    if (phrases.some((p) => containsPhrase(answer, p))) covered.push(id);
    else missed.push(id);
  }
  const total = covered.length + missed.length;
  const score = total === 0 ? 0 : covered.length / total;
  const maxPoints = maxPointsFor(question);
  return {
    questionId: question.id,
    kind: 'open',
    score,
    points: pointsFor(score, maxPoints),
    maxPoints,
    correct: score >= OPEN_CORRECT_THRESHOLD,
    coveredKeyPoints: covered,
    missedKeyPoints: missed,
    judgements: question.keyPoints.map((k) => ({ id: k.id, verdict: covered.includes(k.id) ? 'covered' : 'missed' })),
    gradedBy: 'key-points',
    feedback: [{ type: 'key-points', judgements: question.keyPoints.map((k) => ({ id: k.id, verdict: covered.includes(k.id) ? 'covered' : 'missed' })) }, { type: 'reference' }, { type: 'self-rate' }],
  };
}
