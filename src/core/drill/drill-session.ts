import type { ChannelRef } from '../types.js';

/** What one answered step of a drill contributed to its summary. */
export interface DrillResult {
  questionId: string;
  topic: string;
  score: number;
  correct: boolean;
  points: number;
}

/**
 * A member's private drill in a channel: the questions planned at the start (so a resumed drill
 * continues with the same question), where it stands and what was answered so far.
 */
export interface DrillSession {
  id: string;
  userId: string;
  channel: ChannelRef;
  topic?: string | undefined;
  difficulty?: number | undefined;
  questionIds: string[];
  /** Index of the current question in `questionIds`. */
  step: number;
  results: DrillResult[];
  startedAt: number;
}

/** Drill sessions, one per member and channel, expiring when abandoned. */
export interface DrillStore {
  get(channel: ChannelRef, userId: string): Promise<DrillSession | undefined>;
  save(session: DrillSession): Promise<void>;
  delete(channel: ChannelRef, userId: string): Promise<void>;
}

/** The instance of a drill step: deterministic, so showing a step again shows the same instance. */
export function drillStepInstanceId(session: Pick<DrillSession, 'id' | 'step'>): string {
  return `drill-${session.id}-${session.step + 1}`;
}
