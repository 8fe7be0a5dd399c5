import type { InstanceMode } from '../instances/question-instance.js';
import type { WorkspaceRef } from '../types.js';

/** The question a member was last shown or answered: what `/flag` flags. */
export interface SeenQuestion {
  instanceId: string;
  questionId: string;
  mode: InstanceMode;
  channelId: string;
  /** When it was shown (the instance's creation) or answered, ms. */
  at: number;
}

/**
 * Which question each member saw last, in any mode and channel of a workspace. Personal questions
 * and mock rounds are marked when they open; an answer marks its question in the recording step.
 */
export interface SeenQuestionStore {
  markSeen(workspace: WorkspaceRef, userIds: readonly string[], seen: SeenQuestion): Promise<void>;
  lastSeen(workspace: WorkspaceRef, userId: string): Promise<SeenQuestion | undefined>;
}

/** One member's flag on a question; a member has at most one per question. */
export interface QuestionFlag {
  userId: string;
  /** Free text, possibly empty. */
  reason: string;
  at: number;
  instanceId: string;
  mode: InstanceMode;
}

export interface FlagOutcome {
  /** `updated`: the member had flagged this question before; the count did not change. */
  status: 'new' | 'updated';
  /** Members who have flagged the question. */
  count: number;
  /** The reason now stored (an empty new reason keeps the earlier one). */
  reason: string;
}

export interface FlagStore {
  flag(workspace: WorkspaceRef, questionId: string, flag: QuestionFlag): Promise<FlagOutcome>;
  /** Every flagged question with its number of flags, most flagged first. */
  flagCounts(workspace: WorkspaceRef): Promise<Array<{ questionId: string; count: number }>>;
  /** The flags on each of these questions, newest first. */
  flagsOf(workspace: WorkspaceRef, questionIds: readonly string[]): Promise<Map<string, QuestionFlag[]>>;
}
