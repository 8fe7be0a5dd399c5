import { join } from 'node:path';
import { createAdapters, slackServesHttp } from './adapters/create-adapters.js';
import { composeBot, systemClock } from './compose.js';
import { type Config, configSecrets, loadConfigOrReport } from './config.js';
import { RetryLaterError } from './core/jobs/job-errors.js';
import type { ChatPlatform } from './core/ports.js';
import { QuestionBank } from './core/questions/question-bank.js';
import type { Platform } from './core/types.js';
import { OpenAiCompatibleJudge } from './infra/grading/openai-compatible-judge.js';
import { interactiveLogStream } from './infra/interactive-log-stream.js';
import { createLogger, type Logger } from './infra/logger.js';
import { countPosts, timeEvents } from './infra/metrics/instrument.js';
import { createOps, serveOps } from './infra/ops/ops.js';
import { formatProblem, loadQuestionFiles } from './infra/questions/load-question-files.js';
import { BullmqJobQueue } from './infra/queue/bullmq-job-queue.js';
import { createJobWorker } from './infra/queue/job-worker.js';
import { type EmbeddedRedis, RedisServerMissingError, startEmbeddedRedis } from './infra/redis/embedded-redis.js';
import { RedisKeys } from './infra/redis/keys.js';
import { connectRedis, describeTarget, type RedisClient, type RedisTarget } from './infra/redis/redis-client.js';

/** Composition root: config -> bank -> Redis (or a private one) -> core -> adapters; graceful shutdown. */
async function main(): Promise<number> {
  const config = loadConfigOrReport();
  if (!config) return 1;
  // At an interactive console, JSON log lines would bury the prompt: they go to a file, and only
  // warnings reach the terminal, as one readable line.
  const interactive = config.console && Boolean(process.stdin.isTTY);
  const logTo = interactive ? interactiveLogStream(join(config.redis.dataDir, '..', 'prepbot.log')) : process.stderr;
  const logger = createLogger(config.logLevel, logTo, { secrets: configSecrets(config) });

  const loaded = loadQuestionFiles(config.questionsDir);
  const errors = loaded.problems.filter((p) => p.severity === 'error');
  for (const p of loaded.problems) process.stderr.write(`${formatProblem(p)}\n`);
  if (errors.length > 0) {
    process.stderr.write(`The question bank has ${errors.length} problem(s); fix them (npm run questions:check) and start again.\n`);
    return 1;
  }
  const bank = new QuestionBank(loaded.questions);

  const cleanups: Array<() => Promise<unknown>> = [];
  let shuttingDown: Promise<void> | undefined;
  const shutdown = () => {
    shuttingDown ??= (async () => {
      for (const fn of cleanups.reverse()) await fn().catch((e: unknown) => logger.warn({ err: e }, 'shutdown step failed'));
    })();
    return shuttingDown;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'stopping');
    void shutdown().then(() => process.exit(0));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);

  try {
    let target: RedisTarget | undefined = config.redis.cluster
      ? { cluster: config.redis.cluster }
      : config.redis.url
        ? { url: config.redis.url }
        : undefined;
    if (!target) {
      const embedded: EmbeddedRedis = await startEmbeddedRedis({ dataDir: config.redis.dataDir, pathEnv: config.systemPath });
      cleanups.push(() => embedded.stop());
      target = { url: embedded.url };
      const what = embedded.shared
        ? 'using the private redis-server another PrepBot runs on this data folder'
        : 'started a private redis-server (set REDIS_URL to use your own)';
      logger.info({ port: embedded.port, dataDir: config.redis.dataDir }, what);
    }
    const redis = connectRedis(target);
    // quit() would wait forever for a Redis that is not there; then just drop the connection.
    cleanups.push(async () => (redis.status === 'ready' ? redis.quit() : redis.disconnect()));
    // Until the first ping answers, a failed connect is the one line below, not a warning per retry.
    const quiet = () => undefined;
    redis.on('error', quiet);
    if (!(await reachable(redis))) {
      process.stderr.write(
        'cluster' in target
          ? `Cannot reach ${describeTarget(target)} within ${STARTUP_PING_MS / 1000} s. Check REDIS_CLUSTER_NODES and that every node is up (CLUSTER INFO says cluster_state:ok).\n`
          : `Cannot reach Redis at ${describeTarget(target)} within ${STARTUP_PING_MS / 1000} s. Check REDIS_URL, or unset it to use a private redis-server.\n`,
      );
      await shutdown();
      return 1;
    }
    redis.off('error', quiet);
    redis.on('error', (err) => logger.warn({ err: err.message }, 'redis connection problem'));
    // The stores' own connection pipelines independent commands of one tick into one round trip;
    // BullMQ keeps a plain one (its blocking commands must not share a pipeline).
    const storeRedis = connectRedis(target, { enableAutoPipelining: true });
    cleanups.push(async () => (storeRedis.status === 'ready' ? storeRedis.quit() : storeRedis.disconnect()));
    storeRedis.on('error', (err) => logger.warn({ err: err.message }, 'redis connection problem'));

    const keys = new RedisKeys(config.redis.prefix);
    const jobs = new BullmqJobQueue(redis, keys.bullPrefix(), systemClock);
    cleanups.push(() => jobs.close());
    // /healthz and /metrics: on Slack's receiver when it holds PORT, otherwise on a server of their own below.
    const ops = config.metrics
      ? createOps({ queueRedis: redis, storeRedis, jobs, platforms: describePlatforms(config), logger })
      : undefined;
    const adapters = createAdapters(config, logger, ops?.routes);
    if (adapters.length === 0) {
      logger.error('No platform adapter matches this configuration; unset the platform variables to use the console.');
      await shutdown();
      return 1;
    }
    const sink = errorSink(logger);
    const platforms: Partial<Record<Platform, ChatPlatform>> = {};
    for (const adapter of adapters) platforms[adapter.platform] = ops ? countPosts(adapter, adapter.platform, ops.metrics) : adapter;
    const { bot, jobHandlers } = composeBot({
      redis: storeRedis,
      prefix: config.redis.prefix,
      bank,
      defaultLocale: config.defaultLocale,
      defaultTimezone: config.defaultTimezone,
      errorSink: sink,
      jobs,
      platforms,
      claimStaleMs: 2 * config.queueLockMs,
      metrics: ops?.metrics,
      openAnswerJudge: config.grader && new OpenAiCompatibleJudge({ ...config.grader, logger }),
    });
    // One worker per platform this process runs; closed before the queues and Redis, so an
    // in-flight post finishes.
    for (const adapter of adapters) {
      const worker = createJobWorker(redis, keys.bullPrefix(), adapter.platform, jobHandlers, {
        lockDurationMs: config.queueLockMs,
        onError: (error, job) => {
          // Another worker holds the same work (a round end, a reveal): the queue runs it again later.
          if (error instanceof RetryLaterError) {
            logger.info({ platform: adapter.platform, job: job?.name, jobId: job?.id, reason: error.message }, 'job will run again later');
            return;
          }
          if (job) ops?.metrics.jobFailed(job.name);
          sink(error, { platform: adapter.platform, job: job?.name, jobId: job?.id });
        },
      });
      // Without Redis an in-flight job can never finish (nor record that it did), and a graceful close
      // would wait for it forever: close at once, and its lock's expiry hands it to the next worker.
      cleanups.push(() => worker.close(redis.status !== 'ready'));
    }
    // Adapters stop first (cleanups run in reverse): no new event arrives while the rest closes.
    const events = ops ? timeEvents(bot, ops.metrics) : bot;
    for (const adapter of adapters) {
      await adapter.start(events);
      cleanups.push(() => adapter.stop());
    }
    // Started last, so stopped first: a health probe fails as soon as the bot starts stopping.
    if (ops && !slackServesHttp(config)) {
      const server = await serveOps(ops, config.port, logger);
      if (server) cleanups.push(() => server.close());
    }
    logger.info({ questions: bank.size, platforms: describePlatforms(config) }, 'PrepBot ready');

    const finished = adapters.map((a) => a.finished).filter((f): f is Promise<void> => f !== undefined);
    // Only the console ends by itself (end of input); a chat platform runs until a signal.
    if (finished.length === adapters.length) {
      await Promise.all(finished);
      await shutdown();
      return 0;
    }
    await new Promise<never>(() => undefined);
    return 0;
  } catch (error) {
    if (error instanceof RedisServerMissingError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      logger.fatal({ err: error }, 'PrepBot stopped on an unexpected error');
    }
    await shutdown();
    return 1;
  }
}

const STARTUP_PING_MS = 5000;

/** Commands wait for reconnects while running; at start-up a Redis that is not there is an error. */
async function reachable(redis: RedisClient): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), STARTUP_PING_MS);
  });
  try {
    return await Promise.race([redis.ping().then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

function errorSink(logger: Logger) {
  return (error: unknown, context: Record<string, unknown>) =>
    logger.error({ err: error, ...context }, 'unexpected error while handling an event');
}

function describePlatforms(config: Config): Platform[] {
  return [config.console ? 'console' : undefined, config.discord ? 'discord' : undefined, config.slack ? 'slack' : undefined].filter(
    (p): p is Platform => p !== undefined,
  );
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
