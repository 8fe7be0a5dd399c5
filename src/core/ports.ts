import type { Locale } from './i18n/catalog.js';
import type { Topic } from './questions/schema.js';
import type { ChannelRef, OutboundMessage, PostedMessage, UserRef, WorkspaceRef } from './types.js';

/** The current time; tests pass a fixed clock so period roll-overs and streaks are deterministic. */
export interface Clock {
  now(): Date;
}

/** Remembers platform delivery ids so a retried or duplicated delivery is handled once. */
export interface DeliveryGuard {
  /** True the first time `key` is seen (within a retention window), false afterwards. */
  firstDelivery(key: string): Promise<boolean>;
}

/** Where the core posts messages nobody asked for right now (daily posts, reveals). */
export interface ChatPlatform {
  post(channel: ChannelRef, message: OutboundMessage): Promise<PostedMessage | undefined>;
}

/** Per-user settings and the display names shown on leaderboards. */
export interface UserDirectory {
  remember(workspace: WorkspaceRef, user: UserRef): Promise<void>;
  localeOf(workspace: WorkspaceRef, userId: string): Promise<Locale | undefined>;
  setLocale(workspace: WorkspaceRef, userId: string, locale: Locale): Promise<void>;
  displayNames(workspace: WorkspaceRef, userIds: readonly string[]): Promise<Map<string, string>>;
}

export type InstanceMode = 'quiz' | 'daily' | 'drill' | 'mock';

/** One showing of a question: a personal quiz, a channel's daily post, a drill step, a mock round. */
export interface QuestionInstance {
  id: string;
  questionId: string;
  mode: InstanceMode;
  channel: ChannelRef;
  /** For personal modes: the only user who may answer. */
  ownerUserId?: string | undefined;
  createdAt: number;
  state: 'open' | 'revealed';
  revealAt?: number | undefined;
  posted?: PostedMessage | undefined;
  /** Channel time zone at posting time, used for streak days of members without their own. */
  timezone?: string | undefined;
  /** Locale of public posts about this instance (the channel's daily setting). */
  locale?: 'zh' | 'en' | undefined;
  revealedAt?: number | undefined;
  /** Set once the reveal message is out, so a retried reveal job does not post it again. */
  revealPosted?: boolean | undefined;
}

/** What the leaderboard and stats need from a grade; the grading result is stored whole. */
export interface GradeSummary {
  score: number;
  points: number;
  correct: boolean;
  picked?: readonly string[] | undefined;
}

export interface StoredAnswer<R extends GradeSummary = GradeSummary> {
  userId: string;
  result: R;
  answeredAt: number;
}

export interface InstanceStats {
  answered: number;
  correct: number;
  /** How many picked each option key. */
  distribution: Record<string, number>;
  /** The first correct answerers, in order (at most three). */
  firstCorrect: string[];
}

export interface InstanceStore {
  /** Creates the instance unless one with that id exists; returns false if it already did. */
  create(instance: QuestionInstance): Promise<boolean>;
  get(workspace: WorkspaceRef, id: string): Promise<QuestionInstance | undefined>;
  setPosted(workspace: WorkspaceRef, id: string, posted: PostedMessage): Promise<void>;
  /**
   * Claims the posting of the reveal and closes the instance to answers. `busy` means another
   * claim younger than `staleMs` is still in progress; an older one counts as abandoned (a crash).
   */
  claimReveal(workspace: WorkspaceRef, id: string, now: number, staleMs: number): Promise<'claimed' | 'busy' | 'done' | 'missing'>;
  markRevealPosted(workspace: WorkspaceRef, id: string): Promise<void>;
  answerOf<R extends GradeSummary>(workspace: WorkspaceRef, id: string, userId: string): Promise<StoredAnswer<R> | undefined>;
  stats(workspace: WorkspaceRef, id: string): Promise<InstanceStats>;
  /** The question a user's typed /answer goes to in a channel (their latest personal question). */
  setPending(channel: ChannelRef, userId: string, instanceId: string): Promise<void>;
  pending(channel: ChannelRef, userId: string): Promise<string | undefined>;
  clearPending(channel: ChannelRef, userId: string): Promise<void>;
  /** The channel's open public question (today's daily, the current mock round). */
  setChannelOpen(channel: ChannelRef, instanceId: string | undefined): Promise<void>;
  channelOpen(channel: ChannelRef): Promise<string | undefined>;
  /** Questions posted publicly and not yet revealed anywhere in the workspace, by instance id. */
  setPubliclyOpen(workspace: WorkspaceRef, instanceId: string, questionId: string | undefined): Promise<void>;
  publiclyOpenQuestions(workspace: WorkspaceRef): Promise<Set<string>>;
  /** The open question a user answered last here, which `/rate` (the typed fallback of the rating buttons) rates. */
  setRateable(channel: ChannelRef, userId: string, instanceId: string): Promise<void>;
  rateable(channel: ChannelRef, userId: string): Promise<string | undefined>;
  /** Stores an again/hard/good/easy self-rating next to the user's answer (open questions). */
  setSelfRating(workspace: WorkspaceRef, id: string, userId: string, rating: string): Promise<boolean>;
}

export type Period = 'all' | 'week' | 'month';

/** A leaderboard period bucket: its id (2026-W48, 2026-11) and when its key may expire. */
export interface PeriodBucket {
  id: string;
  expireAt: number;
}

export interface AnswerToRecord {
  instance: QuestionInstance;
  user: UserRef;
  result: GradeSummary;
  /** Personal practice scores a question once per user; daily and mock score every instance. */
  scoreOncePerQuestion: boolean;
  week: PeriodBucket;
  month: PeriodBucket;
  /** Present for modes that keep a daily streak: the member's today and yesterday (YYYY-MM-DD). */
  streak?: { today: string; yesterday: string } | undefined;
  now: number;
}

export type RecordOutcome =
  | { status: 'recorded'; points: number; streak?: number | undefined }
  | { status: 'already-answered'; previous: StoredAnswer }
  | { status: 'revealed' }
  | { status: 'missing' };

/**
 * Records a user's first graded answer to an instance together with its points, the streak and
 * every leaderboard, as one atomic step: a double click or a duplicate delivery scores once.
 */
export interface AnswerRecorder {
  record(answer: AnswerToRecord): Promise<RecordOutcome>;
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

export interface LeaderboardStore {
  /** The top `limit` visible members, best first; ties go to whoever reached the score first. */
  top(board: BoardRef, limit: number): Promise<Standing[]>;
  /** The member's own standing (even when hidden from public boards), or undefined. */
  standing(board: BoardRef, userId: string): Promise<Standing | undefined>;
  setHidden(workspace: WorkspaceRef, userId: string, hidden: boolean): Promise<void>;
  isHidden(workspace: WorkspaceRef, userId: string): Promise<boolean>;
}

/** Per-channel memory of which questions were used, so a channel sees no repeats until its pool is used up. */
export interface QuestionHistoryStore {
  used(channel: ChannelRef, pool: string): Promise<Set<string>>;
  markUsed(channel: ChannelRef, pool: string, questionId: string): Promise<void>;
  reset(channel: ChannelRef, pool: string): Promise<void>;
}

export type { Topic };
