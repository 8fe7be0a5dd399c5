import { join } from 'node:path';
import type { Worker } from 'bullmq';
import { composeBot, systemClock } from '../../src/compose.js';
import type { ChatPlatform, Clock } from '../../src/core/ports.js';
import { QuestionBank } from '../../src/core/questions/question-bank.js';
import type { InboundEvent } from '../../src/core/types.js';
import { loadQuestionFiles } from '../../src/infra/questions/load-question-files.js';
import { BullmqJobQueue } from '../../src/infra/queue/bullmq-job-queue.js';
import { createJobWorker, type WorkerOptions } from '../../src/infra/queue/job-worker.js';
import { RedisKeys } from '../../src/infra/redis/keys.js';
import { createRedis } from '../../src/infra/redis/redis-client.js';
import { RecordingPlatform } from '../../test/support/recording-platform.js';

let bank: QuestionBank | undefined;
/** The real question bank, loaded once per run. */
export function realBank(): QuestionBank {
  bank ??= new QuestionBank(loadQuestionFiles(join(import.meta.dirname, '..', '..', 'questions')).questions);
  return bank;
}

export interface BenchAppOptions {
  /** Where the platform's posts go (default: a recording platform that keeps them all). */
  platform?: ChatPlatform & { capabilities: RecordingPlatform['capabilities'] };
  clock?: Clock;
  prefix?: string;
}

/**
 * The bot as main.ts builds it (stores on an auto-pipelining connection, BullMQ on its own), on a
 * bench's private Redis, posting to the recording test platform.
 */
export function benchApp(url: string, options: BenchAppOptions = {}) {
  const storeRedis = createRedis(url, { enableAutoPipelining: true });
  const queueRedis = createRedis(url);
  const prefix = options.prefix ?? 'bench';
  const keys = new RedisKeys(prefix);
  const recording = new RecordingPlatform();
  const platform = options.platform ?? recording;
  const jobs = new BullmqJobQueue(queueRedis, keys.bullPrefix(), options.clock ?? systemClock);
  const errors: unknown[] = [];
  const workers: Worker[] = [];
  const { bot, deps, jobHandlers } = composeBot({
    redis: storeRedis,
    prefix,
    bank: realBank(),
    defaultLocale: 'en',
    defaultTimezone: 'UTC',
    errorSink: (e) => errors.push(e),
    jobs,
    platforms: { console: platform, slack: platform, discord: platform },
    clock: options.clock ?? systemClock,
  });
  return {
    storeRedis,
    queueRedis,
    keys,
    recording,
    platform,
    jobs,
    bot,
    deps,
    jobHandlers,
    errors,
    /**
     * One event through the core, answered through a recording responder, as an adapter would. The
     * platform forgets it afterwards (an adapter keeps nothing either): a heap that grew with every
     * event would bill the bot for the harness's garbage collection.
     */
    async deliver(event: InboundEvent) {
      const interaction = await recording.deliver(bot, event);
      recording.interactions.length = 0;
      return interaction;
    },
    /** A job worker as main.ts starts one (the production defaults unless told otherwise). */
    startWorker(workerOptions: WorkerOptions = {}): Worker {
      const w = createJobWorker(queueRedis, keys.bullPrefix(), 'slack', jobHandlers, { onError: (e) => errors.push(e), ...workerOptions });
      workers.push(w);
      return w;
    },
    async close() {
      await Promise.all(workers.splice(0).map((w) => w.close(true)));
      await jobs.close();
      await storeRedis.quit();
      await queueRedis.quit();
    },
  };
}

export type BenchApp = ReturnType<typeof benchApp>;
