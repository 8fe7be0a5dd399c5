import type { Locale } from './i18n/catalog.js';
import type { GradeSummary, InstanceIdentity, StoredAnswer } from './instances/question-instance.js';
import type { Topic } from './questions/schema.js';
import type { StoredReview } from './srs/review-card.js';
import type { Capabilities, ChannelRef, MessageRef, OutboundMessage, UserRef, WorkspaceRef } from './types.js';

/** The current time; tests pass a fixed clock so period roll-overs and streaks are deterministic. */
export interface Clock {
  now(): Date;
}

/** Remembers platform delivery ids so a retried or duplicated delivery is handled once. */
export interface DeliveryGuard {
  /** True the first time `key` is seen (within a retention window), false afterwards. */
  firstDelivery(key: string): Promise<boolean>;
}

export interface PostOptions {
  /** The same for every attempt of one post, so a platform that can recognise a repeat does (Discord's nonce). */
  idempotencyKey: string;
  /** An earlier attempt may have reached the platform (its intent was recorded): look for it before posting. */
  retry?: boolean | undefined;
}

/**
 * A chat platform as the core sees it outside an interaction: where scheduled work (daily posts,
 * reveals, mock rounds) goes. Adapters implement it next to their event handling.
 */
export interface ChatPlatform {
  readonly capabilities: Capabilities;
  /**
   * Posts a message in a channel. `idempotencyKey` is the same for every retry of the same post, so
   * a platform that supports it (Discord's nonce) can recognise a repeat.
   */
  post(channel: ChannelRef, message: OutboundMessage, options: PostOptions): Promise<MessageRef>;
  /** Replaces a message posted earlier (a question at its reveal, a lobby as members join). */
  edit(ref: MessageRef, message: OutboundMessage): Promise<void>;
  /** A message in a channel that only `userId` sees (a Slack ephemeral message, a Discord DM). */
  postPrivate(channel: ChannelRef, userId: string, message: OutboundMessage): Promise<MessageRef | undefined>;
}

/**
 * Per-user settings and the display names shown on leaderboards (a name is stored by the step that
 * records a member's answer, not on every event).
 */
export interface UserDirectory {
  /** Stores the name shown for a member who joins something before scoring (a mock interview). */
  remember(workspace: WorkspaceRef, user: UserRef): Promise<void>;
  localeOf(workspace: WorkspaceRef, userId: string): Promise<Locale | undefined>;
  setLocale(workspace: WorkspaceRef, userId: string, locale: Locale): Promise<void>;
  displayNames(workspace: WorkspaceRef, userIds: readonly string[]): Promise<Map<string, string>>;
}

export type Period = 'all' | 'week' | 'month';

/** A leaderboard period bucket: its id (2026-W48, 2026-11) and when its key may expire. */
export interface PeriodBucket {
  id: string;
  expireAt: number;
}

export interface AnswerToRecord {
  instance: InstanceIdentity;
  user: UserRef;
  result: GradeSummary;
  /** Personal practice scores a question once per user; daily and mock score every instance. */
  scoreOncePerQuestion: boolean;
  /** The question's topic, for the member's per-topic statistics. */
  topic: string;
  /** Personal modes: the user's pointer is cleared in the same step, so the next /answer goes elsewhere. */
  clearUserPointer: boolean;
  /** Open questions in personal modes: `/rate` rates this instance next. */
  makeRateable: boolean;
  /** Results stay secret: boards, streak and statistics wait for `applyDeferred` at the reveal. */
  defer: boolean;
  /**
   * Unique to this attempt: the same attempt sent again (a client re-sending after a reconnect) is
   * told it was recorded, with what it earned, instead of "already answered".
   */
  attemptId: string;
  week: PeriodBucket;
  month: PeriodBucket;
  /** Present for modes that keep a daily streak: the member's today and yesterday (YYYY-MM-DD). */
  streak?: { today: string; yesterday: string } | undefined;
  now: number;
}

export type RecordOutcome =
  /** `review`: the member's card for the question before this answer, read in the same step. */
  | { status: 'recorded'; points: number; streak?: number | undefined; review?: StoredReview | undefined; retried?: boolean }
  | { status: 'already-answered'; previous: StoredAnswer }
  | { status: 'revealed' }
  | { status: 'missing' };

/**
 * Records a user's first graded answer to an instance together with its points, the streak and
 * every leaderboard, as one atomic step: a double click or a duplicate delivery scores once.
 */
export interface AnswerRecorder {
  record(answer: AnswerToRecord): Promise<RecordOutcome>;
  /** The member gave a question up after seeing its solution: in practice it can no longer score. */
  forfeit(workspace: WorkspaceRef, userId: string, questionId: string): Promise<void>;
  /**
   * At the reveal of a secret instance: its answers' points, streaks and statistics, in answer order,
   * once (a retried reveal changes nothing and gets `already`). Returns each member's streak.
   */
  applyDeferred(instance: InstanceIdentity, answers: readonly StoredAnswer[]): Promise<Map<string, number> | 'already'>;
}

export interface BoardRef {
  workspace: WorkspaceRef;
  /** Set for a per-channel board; unset for the whole server/workspace. */
  channelId?: string | undefined;
  period: Period;
  bucket?: PeriodBucket | undefined;
}

export interface Standing {
  userId: string;
  points: number;
  /** 1-based, among members who have not hidden themselves. */
  rank: number;
}

/** A member's daily streak as last recorded: `count` days in a row ending on `last` (YYYY-MM-DD). */
export interface StreakRecord {
  count: number;
  last: string;
  best: number;
}

export interface LeaderboardStore {
  /** The top `limit` visible members, best first; ties go to whoever reached the score first. */
  top(board: BoardRef, limit: number): Promise<Standing[]>;
  /** The member's own standing (even when hidden from public boards), or undefined. */
  standing(board: BoardRef, userId: string): Promise<Standing | undefined>;
  setHidden(workspace: WorkspaceRef, userId: string, hidden: boolean): Promise<void>;
  isHidden(workspace: WorkspaceRef, userId: string): Promise<boolean>;
  /** The member's streak as the answer recorder left it, or undefined before their first streak day. */
  streak(workspace: WorkspaceRef, userId: string): Promise<StreakRecord | undefined>;
}

/** Per-channel memory of which questions were used, so a channel sees no repeats until its pool is used up. */
export interface QuestionHistoryStore {
  used(channel: ChannelRef, pool: string): Promise<Set<string>>;
  markUsed(channel: ChannelRef, pool: string, questionId: string): Promise<void>;
  reset(channel: ChannelRef, pool: string): Promise<void>;
}

export type { Topic };

/** A member's answers in a workspace, overall and per topic (score: the sum of grade scores 0..1). */
export interface MemberStats {
  answered: number;
  correct: number;
  byTopic: Record<string, { answered: number; correct: number; score: number }>;
}

/** Counts kept by the answer recorder in its atomic step; read for /stats. */
export interface MemberStatsStore {
  get(workspace: WorkspaceRef, userId: string): Promise<MemberStats>;
}
