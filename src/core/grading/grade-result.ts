import type { OptionKey } from '../questions/schema.js';
import type { Dimension } from './convert-unit.js';
import type { InvalidAnswer } from './invalid-answer.js';

/** What the user sent: typed text, or option keys from buttons / a select menu. */
export type AnswerInput = { type: 'text'; text: string } | { type: 'choice'; keys: readonly OptionKey[] };

/**
 * One thing the private reply says, as data (the renderer turns it into zh or en text). None of them
 * carries the correct answer of a choice or short item.
 */
export type FeedbackItem =
  /** How a choice answer was read ("syn ack" -> A, C), so a lenient parse is visible. */
  | { type: 'picked'; keys: OptionKey[] }
  /** Multi, not the exact set: how many of the correct options were picked, and the wrong picks. */
  | { type: 'multi-near-miss'; rightPicks: number; correctCount: number; wrongPicks: OptionKey[] }
  /** Multi partial credit between 0 and 1 exclusive. */
  | { type: 'partial-credit'; score: number }
  /** Short numeric answer with a compatible unit but outside the tolerance. */
  | { type: 'numeric-off' }
  /** Short numeric answer measuring the wrong thing (a size where a time is asked). */
  | { type: 'unit-mismatch'; given: Dimension; expected: Dimension }
  /** Open: each key point's verdict, with the part of the answer that covered it or the misconception found. */
  | { type: 'key-points'; judgements: KeyPointJudgement[] }
  /** Open: show the reference answer. */
  | { type: 'reference' }
  /** Open: invite the user to rate themselves (again / hard / good / easy). */
  | { type: 'self-rate' };

interface GradeResultBase {
  questionId: string;
  /** 0..1. */
  score: number;
  /** Math.round(score * maxPoints). */
  points: number;
  /** 10 * difficulty. */
  maxPoints: number;
  /** Counts for accuracy and streaks: the exact answer (choice, short) or score >= 0.6 (open). */
  correct: boolean;
  /** What the private reply says, in order. */
  feedback: FeedbackItem[];
}

export interface ChoiceGradeResult extends GradeResultBase {
  kind: 'single' | 'multi';
  /** The keys the user picked, in option order, for answer-distribution stats. */
  picked: OptionKey[];
}
export interface ShortGradeResult extends GradeResultBase {
  kind: 'short';
}
/** How far an open answer states one key point. */
export type KeyPointVerdict = 'covered' | 'partly' | 'missed';

/** One key point judged; optional fields are absent (never undefined) so the result stays plain JSON. */
export interface KeyPointJudgement {
  id: string;
  verdict: KeyPointVerdict;
  /** The part of the answer that covered (or partly covered) the point, as the user wrote it, clipped. */
  quote?: string;
  /** A wrong statement found about this point, in both languages; it cancels the point. */
  misconception?: { zh: string; en: string };
}

export interface OpenGradeResult extends GradeResultBase {
  kind: 'open';
  coveredKeyPoints: string[];
  missedKeyPoints: string[];
  /** One per key point, in the question's order. */
  judgements: KeyPointJudgement[];
  /** Who judged: the built-in key-point grader, or the optional model grader (GRADER_URL). */
  gradedBy: 'key-points' | 'model';
}

/** A graded answer; plain JSON data (no undefined, no class instances), so it can be stored as is. */
export type GradeResult = ChoiceGradeResult | ShortGradeResult | OpenGradeResult;

/** Either not graded (the user may answer again) or graded. Never an exception. */
export type GradeOutcome = InvalidAnswer | { status: 'graded'; result: GradeResult };
