import type { EarlyReads } from './answer/early-reads.js';
import type { DrillStore } from './drill/drill-session.js';
import type { FlagStore, SeenQuestionStore } from './flags/flag-ports.js';
import type { OpenAnswerJudge } from './grading/open-answer-judge.js';
import type { Locale } from './i18n/catalog.js';
import type { InstanceStore } from './instances/question-instance.js';
import type { JobQueue } from './jobs/job-queue.js';
import type { MockStore } from './mock/mock-session.js';
import type {
  AnswerRecorder,
  ChatPlatform,
  Clock,
  DeliveryGuard,
  LeaderboardStore,
  MemberStatsStore,
  QuestionHistoryStore,
  UserDirectory,
} from './ports.js';
import type { QuestionBank } from './questions/question-bank.js';
import type { QuestionStatsStore } from './report/question-stats.js';
import type { ReviewScheduler, ReviewStore } from './srs/review-card.js';
import type { Capabilities, InboundEvent, OutboundMessage, Platform, Responder } from './types.js';

/** Logs an unexpected failure once, with context. The core never logs anywhere else. */
export type ErrorSink = (error: unknown, context: Record<string, unknown>) => void;

/** Everything the use cases talk to, wired by the composition root (src/main.ts) or a test. */
export interface BotDeps {
  bank: QuestionBank;
  clock: Clock;
  users: UserDirectory;
  instances: InstanceStore;
  answers: AnswerRecorder;
  leaderboards: LeaderboardStore;
  history: QuestionHistoryStore;
  deliveries: DeliveryGuard;
  jobs: JobQueue;
  /** Spaced-repetition cards per member and question, and the algorithm that moves them. */
  reviews: ReviewStore;
  spacing: ReviewScheduler;
  drills: DrillStore;
  mocks: MockStore;
  stats: MemberStatsStore;
  /** The question each member saw last (what /flag flags), members' flags, and per-question answer counts. */
  seen: SeenQuestionStore;
  flags: FlagStore;
  questionStats: QuestionStatsStore;
  /** Where scheduled posts go, by platform: each running adapter registers itself. */
  platforms: Partial<Record<Platform, ChatPlatform>>;
  defaultLocale: Locale;
  /** Zone for leaderboard weeks/months and streak days when nothing more specific is known. */
  defaultTimezone: string;
  errorSink: ErrorSink;
  /**
   * A claim to post a reveal or end a round older than this was abandoned by a crashed process and
   * may be taken over (twice the job lock: a live worker renews its job long before).
   */
  claimStaleMs: number;
  newId: () => string;
  /** The optional model grader of open answers (GRADER_URL); absent, key points alone grade them. */
  openAnswerJudge?: OpenAnswerJudge | undefined;
}

/** What a use case receives for one inbound event. */
export interface UseCaseContext<D extends BotDeps = BotDeps> {
  deps: D;
  event: InboundEvent;
  locale: Locale;
  responder: Responder;
  capabilities: Capabilities;
  /** Shorthand for `responder.reply`. */
  reply: (message: OutboundMessage) => Promise<unknown>;
  /** Reads the event is sure to make, started with its first round trip (see Bot.handle). */
  early?: EarlyReads | undefined;
}
