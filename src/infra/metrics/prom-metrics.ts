import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Metrics } from './metrics.js';

/** Job counts of one queue by state, read when Prometheus scrapes; undefined when the queue cannot be read now. */
export type QueueDepthReader = () => Promise<Array<{ platform: string; counts: Record<string, number> }> | undefined>;

export interface PromMetrics extends Metrics {
  readonly registry: Registry;
}

/** Event handling is a few Redis round trips and a platform reply: most of it well under 100 ms. */
const HANDLER_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The metrics port on prom-client, in a registry of its own (not the library's global one), so two
 * bots in one test process do not share counters. Node's process metrics (CPU, memory, event-loop
 * lag, GC) come along under their standard names.
 */
export function createPromMetrics(queueDepth: QueueDepthReader): PromMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const answers = new Counter({
    name: 'prepbot_answers_graded_total',
    help: 'Answers graded and recorded, by mode, question kind and result',
    labelNames: ['mode', 'kind', 'result'] as const,
    registers: [registry],
  });
  const posts = new Counter({
    name: 'prepbot_posts_sent_total',
    help: 'Posts the platform accepted (scheduled and channel posts, private verdicts), by platform and visibility',
    labelNames: ['platform', 'visibility'] as const,
    registers: [registry],
  });
  const jobFailures = new Counter({
    name: 'prepbot_job_failures_total',
    help: 'Failed job attempts (a retried job may fail more than once), by job name',
    labelNames: ['job'] as const,
    registers: [registry],
  });
  const handler = new Histogram({
    name: 'prepbot_handler_duration_seconds',
    help: 'Time the core took with one event, replies included, by event kind',
    labelNames: ['kind'] as const,
    buckets: HANDLER_BUCKETS,
    registers: [registry],
  });
  new Gauge({
    name: 'prepbot_queue_jobs',
    help: 'Jobs in the job queue of each platform this process runs, by state (read at scrape time)',
    labelNames: ['platform', 'state'] as const,
    registers: [registry],
    async collect() {
      const depth = await queueDepth();
      // A value from an earlier scrape would pass for the current one: while the queue cannot be read, none is shown.
      this.reset();
      for (const { platform, counts } of depth ?? []) {
        for (const [state, count] of Object.entries(counts)) this.set({ platform, state }, count);
      }
    },
  });
  return {
    registry,
    answerGraded: (labels) => answers.inc(labels),
    postSent: (platform, visibility) => posts.inc({ platform, visibility }),
    jobFailed: (job) => jobFailures.inc({ job }),
    handled: (kind, seconds) => handler.observe({ kind }, seconds),
  };
}
