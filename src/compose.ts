import { randomBytes } from 'node:crypto';
import { Bot } from './core/bot.js';
import type { ErrorSink } from './core/bot-deps.js';
import type { DailyDeps } from './core/daily/daily-ports.js';
import type { OpenAnswerJudge } from './core/grading/open-answer-judge.js';
import { coreHandlers, coreJobHandlers } from './core/handlers.js';
import type { Locale } from './core/i18n/catalog.js';
import type { JobHandlers } from './core/jobs/job-definitions.js';
import type { JobQueue } from './core/jobs/job-queue.js';
import type { ChatPlatform, Clock } from './core/ports.js';
import type { QuestionBank } from './core/questions/question-bank.js';
import type { Platform } from './core/types.js';
import { countAnswers } from './infra/metrics/instrument.js';
import type { Metrics } from './infra/metrics/metrics.js';
import { RedisKeys } from './infra/redis/keys.js';
import { RedisAnswerRecorder } from './infra/redis/redis-answer-recorder.js';
import type { RedisClient } from './infra/redis/redis-client.js';
import { RedisDailyScheduleStore } from './infra/redis/redis-daily-schedule-store.js';
import { RedisDeliveryGuard } from './infra/redis/redis-delivery-guard.js';
import { RedisDrillStore } from './infra/redis/redis-drill-store.js';
import { RedisFlagStore } from './infra/redis/redis-flag-store.js';
import { RedisInstanceStore } from './infra/redis/redis-instance-store.js';
import { RedisLeaderboardStore } from './infra/redis/redis-leaderboard-store.js';
import { RedisMemberStatsStore } from './infra/redis/redis-member-stats-store.js';
import { RedisMockStore } from './infra/redis/redis-mock-store.js';
import { RedisQuestionHistory } from './infra/redis/redis-question-history.js';
import { RedisQuestionStatsStore } from './infra/redis/redis-question-stats-store.js';
import { RedisReviewStore } from './infra/redis/redis-review-store.js';
import { RedisSeenQuestions } from './infra/redis/redis-seen-questions.js';
import { RedisUserDirectory } from './infra/redis/redis-user-directory.js';
import { FsrsReviewScheduler } from './infra/srs/fsrs-review-scheduler.js';

export interface ComposeOptions {
  /** The stores' client (one Redis or a cluster); give it `enableAutoPipelining` so independent reads share a round trip. */
  redis: RedisClient;
  prefix: string;
  bank: QuestionBank;
  defaultLocale: Locale;
  defaultTimezone: string;
  errorSink: ErrorSink;
  jobs: JobQueue;
  /** Filled in as adapters start; the same object the core reads, so late registration is seen. */
  platforms: Partial<Record<Platform, ChatPlatform>>;
  clock?: Clock;
  newId?: () => string;
  /** See `BotDeps.claimStaleMs`; 60 s unless the job lock says otherwise. */
  claimStaleMs?: number;
  /** Counts graded answers for /metrics; none by default. */
  metrics?: Metrics | undefined;
  /** The optional model grader of open answers; absent, the key-point grader alone. */
  openAnswerJudge?: OpenAnswerJudge | undefined;
}

export const systemClock: Clock = { now: () => new Date() };

/** Short, URL- and component-id-safe random ids (no ':' so they stay one part of an action id). */
export function randomId(): string {
  return randomBytes(8).toString('base64url');
}

/** Wires the Redis-backed stores into the core's ports. Used by main.ts and by the tests. */
export function composeDeps(o: ComposeOptions): DailyDeps & { keys: RedisKeys; instanceStore: RedisInstanceStore } {
  const keys = new RedisKeys(o.prefix);
  const instanceStore = new RedisInstanceStore(o.redis, keys);
  const recorder = new RedisAnswerRecorder(o.redis, keys);
  return {
    keys,
    instanceStore,
    bank: o.bank,
    clock: o.clock ?? systemClock,
    users: new RedisUserDirectory(o.redis, keys),
    instances: instanceStore,
    answers: o.metrics ? countAnswers(recorder, o.metrics, (id) => o.bank.byId(id)?.kind) : recorder,
    leaderboards: new RedisLeaderboardStore(o.redis, keys),
    history: new RedisQuestionHistory(o.redis, keys),
    deliveries: new RedisDeliveryGuard(o.redis, keys),
    jobs: o.jobs,
    reviews: new RedisReviewStore(o.redis, keys),
    spacing: new FsrsReviewScheduler(),
    drills: new RedisDrillStore(o.redis, keys),
    mocks: new RedisMockStore(o.redis, keys),
    stats: new RedisMemberStatsStore(o.redis, keys),
    seen: new RedisSeenQuestions(o.redis, keys),
    flags: new RedisFlagStore(o.redis, keys),
    questionStats: new RedisQuestionStatsStore(o.redis, keys),
    platforms: o.platforms,
    defaultLocale: o.defaultLocale,
    defaultTimezone: o.defaultTimezone,
    errorSink: o.errorSink,
    claimStaleMs: o.claimStaleMs ?? 60_000,
    newId: o.newId ?? randomId,
    openAnswerJudge: o.openAnswerJudge,
    schedules: new RedisDailyScheduleStore(o.redis, keys),
  };
}

export function composeBot(o: ComposeOptions): {
  bot: Bot<DailyDeps>;
  deps: ReturnType<typeof composeDeps>;
  jobHandlers: JobHandlers;
} {
  const deps = composeDeps(o);
  return { bot: new Bot<DailyDeps>(deps, coreHandlers()), deps, jobHandlers: coreJobHandlers(deps) };
}
