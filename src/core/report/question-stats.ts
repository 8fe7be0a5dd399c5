import type { WorkspaceRef } from '../types.js';

/**
 * A question's answers in a workspace, counted by the step that records each answer (every mode,
 * every recorded answer: a member's later answer in a review counts again).
 */
export interface QuestionStats {
  answered: number;
  correct: number;
  /** The sum of grade scores (0..1 each), for partial credit. */
  score: number;
  /** How many answers picked each option key (choice questions). */
  picked: Record<string, number>;
}

export const NO_STATS: QuestionStats = { answered: 0, correct: 0, score: 0, picked: {} };

export interface QuestionStatsStore {
  /** The counts of each question asked for; a question nobody answered is left out. */
  get(workspace: WorkspaceRef, questionIds: readonly string[]): Promise<Map<string, QuestionStats>>;
}
