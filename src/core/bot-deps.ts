import type { Locale } from './i18n/catalog.js';
import type {
  AnswerRecorder,
  Clock,
  DeliveryGuard,
  InstanceStore,
  LeaderboardStore,
  QuestionHistoryStore,
  UserDirectory,
} from './ports.js';
import type { QuestionBank } from './questions/question-bank.js';
import type { InboundEvent, Reply } from './types.js';

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
  defaultLocale: Locale;
  /** Zone for leaderboard weeks/months and streak days when nothing more specific is known. */
  defaultTimezone: string;
  errorSink: ErrorSink;
  newId: () => string;
}

/** What a use case receives for one inbound event. */
export interface UseCaseContext<D extends BotDeps = BotDeps> {
  deps: D;
  event: InboundEvent;
  locale: Locale;
  reply: Reply;
}
