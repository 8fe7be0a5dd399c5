import { join } from 'node:path';
import type { Worker } from 'bullmq';
import { composeBot, systemClock } from '../../src/compose.js';
import type { OpenAnswerJudge } from '../../src/core/grading/open-answer-judge.js';
import type { ChatPlatform, Clock } from '../../src/core/ports.js';
import { QuestionBank } from '../../src/core/questions/question-bank.js';
import type { Capabilities, ChannelRef, InboundEvent, OutboundMessage, Platform, UserRef } from '../../src/core/types.js';
import { loadQuestionFiles } from '../../src/infra/questions/load-question-files.js';
import { BullmqJobQueue } from '../../src/infra/queue/bullmq-job-queue.js';
import { createJobWorker, type WorkerOptions } from '../../src/infra/queue/job-worker.js';
import { RedisKeys } from '../../src/infra/redis/keys.js';
import { type ClientOptions, createRedis, type RedisClient } from '../../src/infra/redis/redis-client.js';
import { type RecordedInteraction, RecordingPlatform } from './recording-platform.js';
import { dropPrefix, testRedis } from './redis.js';

export const fixtureBank = () => {
  const { questions, problems } = loadQuestionFiles(join(import.meta.dirname, '..', 'fixtures', 'bank'));
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('\n'));
  return questions;
};

export class FixedClock implements Clock {
  constructor(public at: Date) {}
  now(): Date {
    return this.at;
  }
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}

export interface TestAppOptions {
  clock?: Clock;
  /** What the recording platform can show (default: everything, like Discord and Slack). */
  capabilities?: Capabilities;
  /** Where the stores connect (e.g. through a proxy that counts round trips); default the test server. */
  storeUrl?: string;
  /** Builds every connection the app needs, for another deployment than the test server (a Redis Cluster). */
  connect?: (options: ClientOptions) => RedisClient;
  random?: () => number;
  defaultTimezone?: string;
  /** Real adapters to post through instead of the recording platform (e.g. the Slack adapter against its fake). */
  platforms?: Partial<Record<Platform, ChatPlatform>>;
  /** The optional model grader of open answers (e.g. the HTTP judge against test/support/fake-grader.ts). */
  openAnswerJudge?: OpenAnswerJudge;
}

/** The real core on a real Redis and BullMQ queue, posting to a recording platform. */
export function createTestApp(options: TestAppOptions = {}) {
  const connect = options.connect;
  const { redis, prefix, url } = testRedis(connect && (() => connect({})));
  // The stores pipeline like production's; BullMQ gets its own plain connection.
  const storeRedis = connect
    ? connect({ enableAutoPipelining: true })
    : createRedis(options.storeUrl ?? url, { enableAutoPipelining: true });
  const keys = new RedisKeys(prefix);
  const platform = new RecordingPlatform(options.capabilities);
  const clock = options.clock ?? systemClock;
  const jobs = new BullmqJobQueue(redis, keys.bullPrefix(), clock);
  const errors: unknown[] = [];
  const workers: Worker[] = [];
  let n = 0;
  const { bot, deps, jobHandlers } = composeBot({
    redis: storeRedis,
    prefix,
    bank: new QuestionBank(fixtureBank(), options.random ?? (() => 0)),
    defaultLocale: 'en',
    defaultTimezone: options.defaultTimezone ?? 'UTC',
    errorSink: (e) => errors.push(e),
    jobs,
    platforms: { console: platform, slack: platform, discord: platform, ...options.platforms },
    clock,
    newId: () => `id${++n}`,
    openAnswerJudge: options.openAnswerJudge,
  });

  const channel: ChannelRef = { platform: 'slack', workspaceId: 'T1', channelId: 'C1' };
  const user = (name: string, extra: Partial<UserRef> = {}): UserRef => ({
    platform: 'slack',
    userId: `U-${name}`,
    displayName: name,
    locale: 'en',
    isAdmin: false,
    ...extra,
  });

  /** Sends one event and returns what the core did in answer (responses, forms), in order. */
  const interact = (event: InboundEvent): Promise<RecordedInteraction> => platform.deliver(bot, event);
  /** Sends one event and returns every message it produced (replies, follow-ups and updates). */
  async function send(event: InboundEvent): Promise<OutboundMessage[]> {
    return (await interact(event)).messages;
  }
  const text = (who: UserRef, line: string, where: ChannelRef = channel) => send({ kind: 'text', text: line, channel: where, user: who });
  /** Clicks an action (button or select menu) the core put on a message. */
  const click = (who: UserRef, actionId: string, values?: string[], where: ChannelRef = channel) =>
    interact({ kind: 'action', actionId, values, channel: where, user: who });
  /**
   * Another bot process on the same Redis and key prefix (a restart, or a second process when a
   * deployment scales out): its own core, on the connection given (default: the app's).
   */
  function anotherBot(o: { redis?: RedisClient; platforms?: Partial<Record<Platform, ChatPlatform>> } = {}) {
    return composeBot({
      redis: o.redis ?? redis,
      prefix,
      bank: new QuestionBank(fixtureBank(), options.random ?? (() => 0)),
      defaultLocale: 'en',
      defaultTimezone: options.defaultTimezone ?? 'UTC',
      errorSink: (e) => errors.push(e),
      jobs,
      platforms: o.platforms ?? {},
      clock,
    });
  }
  /** A worker for one platform's queue, closed with the app. */
  function startWorker(platform: 'slack' | 'discord' | 'console' = 'slack', workerOptions: WorkerOptions = {}): Worker {
    const w = createJobWorker(redis, keys.bullPrefix(), platform, jobHandlers, { onError: (e) => errors.push(e), ...workerOptions });
    workers.push(w);
    return w;
  }

  return {
    redis,
    url,
    prefix,
    keys,
    platform,
    jobs,
    jobHandlers,
    bot,
    deps,
    errors,
    channel,
    user,
    send,
    interact,
    text,
    click,
    startWorker,
    anotherBot,
    async close() {
      await Promise.all(workers.splice(0).map((w) => w.close(true)));
      await jobs
        .queue('slack')
        .obliterate({ force: true })
        .catch(() => undefined);
      await jobs.close();
      await dropPrefix(redis, prefix);
      await storeRedis.quit();
      await redis.quit();
    },
  };
}
