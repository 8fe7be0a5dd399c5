import type { ChannelRef, MessageRef, UserRef, WorkspaceRef } from '../types.js';

export type InstanceMode = 'quiz' | 'daily' | 'drill' | 'mock';
export const INSTANCE_MODES = ['quiz', 'daily', 'drill', 'mock'] as const satisfies readonly InstanceMode[];

/** Who may answer an instance. */
export type Audience =
  | { kind: 'owner'; userId: string }
  | { kind: 'channel' }
  /** A mock round: the session's participants when the round started. */
  | { kind: 'participants'; userIds: readonly string[] };

/** Where an instance sits in a session: drill step n of N, mock round r of R. */
export interface SessionLink {
  sessionId: string;
  step: number;
  of: number;
}

/**
 * One showing of a question: a personal quiz, a channel's daily post, a drill step, a mock round.
 * The fields here never change after creation, so a snapshot (an open pointer) is as good as the
 * stored instance for routing and recording an answer.
 */
export interface InstanceIdentity {
  id: string;
  questionId: string;
  mode: InstanceMode;
  channel: ChannelRef;
  audience: Audience;
  session?: SessionLink | undefined;
  createdAt: number;
  /** When the answer is due to be revealed (channel modes). */
  revealAt?: number | undefined;
  /** Channel time zone at posting time, used for streak days of members without their own. */
  timezone?: string | undefined;
  /** Locale of public posts about this instance (the channel's daily setting). */
  locale?: 'zh' | 'en' | undefined;
  /**
   * Results stay secret until the reveal: an answer gets a receipt, and its points, streak and
   * statistics are applied at the reveal (a daily question with `feedback=reveal`).
   */
  secret?: boolean | undefined;
}

export interface QuestionInstance extends InstanceIdentity {
  state: 'open' | 'revealed';
  posted?: MessageRef | undefined;
  revealedAt?: number | undefined;
  /** Set once the reveal message is out, so a retried reveal job does not post it again. */
  revealPosted?: boolean | undefined;
}

export function mayAnswer(instance: InstanceIdentity, user: UserRef): boolean {
  const a = instance.audience;
  if (a.kind === 'owner') return a.userId === user.userId;
  if (a.kind === 'participants') return a.userIds.includes(user.userId);
  return true;
}

/** What the leaderboard and stats need from a grade; the grading result is stored whole. */
export interface GradeSummary {
  score: number;
  points: number;
  correct: boolean;
  picked?: readonly string[] | undefined;
}

/** What a secret answer still has to apply at the reveal, decided when it was recorded. */
export interface DeferredScore {
  week: { id: string; expireAt: number };
  month: { id: string; expireAt: number };
  streak?: { today: string; yesterday: string } | undefined;
  topic: string;
}

export interface StoredAnswer<R extends GradeSummary = GradeSummary> {
  userId: string;
  result: R;
  answeredAt: number;
  deferred?: DeferredScore | undefined;
}

export interface InstanceStats {
  answered: number;
  correct: number;
  /** How many picked each option key. */
  distribution: Record<string, number>;
  /** The first correct answerers, in order (at most three). */
  firstCorrect: string[];
}

/** `reclaimed`: claimed after an earlier claim was abandoned, so its post may already be out. */
export type RevealClaim = 'claimed' | 'reclaimed' | 'busy' | 'done' | 'missing';

/**
 * Question instances and the pointers that route a typed `/answer` to one: a per-user pointer for
 * personal modes (the user's latest quiz or drill step) and a per-channel pointer for each channel
 * mode, so a daily question and a mock round in the same channel never overwrite each other.
 */
export interface InstanceStore {
  /** Creates the instance unless one with that id exists; returns false if it already did. */
  create(instance: QuestionInstance): Promise<boolean>;
  get(workspace: WorkspaceRef, id: string): Promise<QuestionInstance | undefined>;
  setPosted(workspace: WorkspaceRef, id: string, posted: MessageRef): Promise<void>;
  /** Records that the instance is about to be posted; false when an earlier attempt already said so. */
  markPostIntent(workspace: WorkspaceRef, id: string, now: number): Promise<boolean>;
  /**
   * Claims the posting of the reveal and closes the instance to answers. `busy` means another
   * claim younger than `staleMs` is still in progress; an older one counts as abandoned (a crash).
   */
  claimReveal(workspace: WorkspaceRef, id: string, now: number, staleMs: number): Promise<RevealClaim>;
  markRevealPosted(workspace: WorkspaceRef, id: string): Promise<void>;
  answerOf<R extends GradeSummary>(workspace: WorkspaceRef, id: string, userId: string): Promise<StoredAnswer<R> | undefined>;
  stats(workspace: WorkspaceRef, id: string): Promise<InstanceStats>;
  /** True the first time for this member: their private verdict at the reveal goes out once. */
  claimVerdict(workspace: WorkspaceRef, id: string, userId: string): Promise<boolean>;
  /** Every recorded answer of an instance, first answered first (a mock round's results). */
  answers(workspace: WorkspaceRef, id: string): Promise<StoredAnswer[]>;

  /** Points a user's typed answers in this channel at a personal instance (replacing the previous one). */
  setUserPointer(channel: ChannelRef, userId: string, instance: InstanceIdentity): Promise<void>;
  /** Clears a user's personal pointer only if it still points at `instanceId` (a skipped question). */
  clearUserPointer(channel: ChannelRef, userId: string, instanceId: string): Promise<void>;
  /** Points the channel's typed answers of one mode at an open instance, or clears the pointer. */
  setChannelPointer(channel: ChannelRef, mode: InstanceMode, instance: InstanceIdentity | undefined): Promise<void>;
  /** Clears the channel pointer of `mode` only if it still points at `instanceId`. */
  clearChannelPointer(channel: ChannelRef, mode: InstanceMode, instanceId: string): Promise<void>;
  channelPointer(channel: ChannelRef, mode: InstanceMode): Promise<InstanceIdentity | undefined>;
  /**
   * Every instance a typed `/answer` of this user here could go to (their personal pointer and each
   * channel mode's pointer), read in one round trip.
   */
  answerTargets(channel: ChannelRef, userId: string, channelModes: readonly InstanceMode[]): Promise<InstanceIdentity[]>;

  /** Questions posted publicly and not yet revealed anywhere in the workspace, by instance id. */
  setPubliclyOpen(workspace: WorkspaceRef, instanceId: string, questionId: string | undefined): Promise<void>;
  publiclyOpenQuestions(workspace: WorkspaceRef): Promise<Set<string>>;
  /** The open question a user answered last here, which `/rate` (the typed fallback of the rating buttons) rates. */
  rateable(channel: ChannelRef, userId: string): Promise<string | undefined>;
  /** Stores an again/hard/good/easy self-rating next to the user's answer (open questions). */
  setSelfRating(workspace: WorkspaceRef, id: string, userId: string, rating: string): Promise<boolean>;
}
