import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueName } from '../../src/infra/queue/jobs.js';
import { type EmbeddedRedis, freePort, startEmbeddedRedis } from '../../src/infra/redis/embedded-redis.js';
import { RedisKeys } from '../../src/infra/redis/keys.js';
import { createRedis } from '../../src/infra/redis/redis-client.js';
import { type FakeSlack, sendSlashCommand, startFakeSlack } from '../support/fake-slack/index.js';
import { kill, SLACK_SIGNING_SECRET, startSlackBot } from '../support/slack-bot-process.js';
import { type SpawnedBot, spawnBot } from '../support/spawn-bot.js';
import { until } from '../support/until.js';

const fixtureBank = join(import.meta.dirname, '..', 'fixtures', 'bank');
const prefix = () => `e2e-ops-${Math.random().toString(36).slice(2, 8)}`;

/** One sample of a Prometheus text exposition, e.g. `prepbot_posts_sent_total{platform="console",visibility="public"}`; 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

/** The sum of every sample whose series starts with `start`. */
function sum(text: string, start: string): number {
  return text
    .split('\n')
    .filter((l) => l.startsWith(start))
    .reduce((total, l) => total + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
}

const get = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
};

describe('/healthz and /metrics on a console bot with METRICS=1', () => {
  // A redis-server of this test's own, so it can be stopped under the running bot.
  let redis: EmbeddedRedis;
  let bot: SpawnedBot | undefined;
  beforeAll(async () => {
    redis = await startEmbeddedRedis({ pathEnv: process.env.PATH ?? '' });
  });
  afterAll(async () => {
    if (bot) await kill(bot);
    await redis.stop();
  });

  it('answers while Redis is there, counts answers, posts, events and job failures, shows the queue, and says 503 once Redis is gone', async () => {
    const port = await freePort();
    const p = prefix();
    bot = spawnBot({ METRICS: '1', PORT: String(port), REDIS_URL: redis.url, REDIS_PREFIX: p, QUESTIONS_DIR: fixtureBank }, 'src/main.ts', {
      stdin: 'pipe',
    });
    const base = `http://127.0.0.1:${port}`;
    await bot.waitFor('PrepBot ready');
    expect(bot.output().stderr).toContain('serving health and metrics');

    const healthy = await get(`${base}/healthz`);
    expect(healthy.status).toBe(200);
    expect(JSON.parse(healthy.body)).toEqual({ redis: 'ok', queue: 'ok' });
    const before = await get(`${base}/metrics`);
    expect(before.status).toBe(200);
    expect(before.type).toContain('text/plain');
    const correct = 'prepbot_answers_graded_total{mode="quiz",kind="single",result="correct"}';
    expect(sample(before.body, correct)).toBe(0);
    expect(sample(before.body, 'prepbot_queue_jobs{platform="console",state="waiting"}')).toBe(0);
    expect(before.body).toContain('process_cpu_seconds_total');

    // A right answer; then a daily question in the channel (a post), answered twice: the second is
    // refused as already answered, and only the first is graded.
    bot.child.stdin?.write('/quiz t-handshake-count\n/answer B\n/daily set 09:00 topic=tcp-udp\n/daily now\n/answer A\n/answer A\n');
    await until(() => (bot?.output().stdout ?? '').includes('You already answered this one'), 15_000, 'the replies');
    const after = (await get(`${base}/metrics`)).body;
    expect(sample(after, correct)).toBe(1);
    expect(sum(after, 'prepbot_answers_graded_total{mode="daily"')).toBe(1);
    expect(sample(after, 'prepbot_posts_sent_total{platform="console",visibility="public"}')).toBe(1);
    expect(sample(after, 'prepbot_handler_duration_seconds_count{kind="text"}')).toBe(6);
    // Two delayed jobs wait in the queue: the next run of /daily set's schedule and today's reveal.
    expect(sample(after, 'prepbot_queue_jobs{platform="console",state="delayed"}')).toBe(2);

    // A job whose payload is not a job's: it fails for good, once, and the counter says which job.
    const client = createRedis(redis.url);
    const queue = new Queue(queueName('console'), { connection: client, prefix: new RedisKeys(p).bullPrefix() });
    try {
      await queue.add('daily-reveal', { channel: 'not a channel' }, { jobId: 'broken', attempts: 1 });
      await until(
        async () => sample((await get(`${base}/metrics`)).body, 'prepbot_job_failures_total{job="daily-reveal"}') === 1,
        10_000,
        'the failure counted',
      );
      const withFailed = (await get(`${base}/metrics`)).body;
      expect(sample(withFailed, 'prepbot_queue_jobs{platform="console",state="failed"}')).toBe(1);
    } finally {
      await queue.close();
      client.disconnect();
    }

    await redis.stop();
    const started = Date.now();
    let down = await get(`${base}/healthz`);
    // ioredis notices the closed socket at once; the probe itself is bounded by its 1 s timeout.
    while (down.status === 200 && Date.now() - started < 5000) down = await get(`${base}/healthz`);
    expect(down.status).toBe(503);
    expect(JSON.parse(down.body)).toEqual({ redis: 'down', queue: 'down' });
    const probe = Date.now();
    await get(`${base}/healthz`);
    expect(Date.now() - probe).toBeLessThan(1500);
    // /metrics still answers without Redis: the counters, and no stale queue depth.
    const cut = await get(`${base}/metrics`);
    expect(cut.status).toBe(200);
    expect(sample(cut.body, correct)).toBe(1);
    expect(cut.body).not.toContain('prepbot_queue_jobs{');

    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  }, 60_000);
});

describe('/healthz and /metrics on the Slack receiver (HTTP mode)', () => {
  let fake: FakeSlack;
  beforeAll(async () => {
    fake = await startFakeSlack();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('share PORT with /slack/events by default, and METRICS=0 leaves only /slack/events', async () => {
    const bot = await startSlackBot(fake, prefix());
    try {
      await bot.waitFor('PrepBot ready');
      const base = new URL(bot.eventsUrl).origin;
      const healthy = await get(`${base}/healthz`);
      expect(healthy.status).toBe(200);
      expect(JSON.parse(healthy.body)).toEqual({ redis: 'ok', queue: 'ok' });
      const reply = await sendSlashCommand(bot.eventsUrl, SLACK_SIGNING_SECRET, {
        text: 'help',
        responseUrl: fake.responseUrl('ops-help'),
      });
      expect(reply.status).toBe(200);
      await fake.waitForResponse('ops-help', 5000);
      await until(
        async () => sample((await get(`${base}/metrics`)).body, 'prepbot_handler_duration_seconds_count{kind="text"}') === 1,
        5000,
        'the /prep command timed (Slack hands it to the core as typed text)',
      );
      expect((await get(`${base}/metrics`)).body).toContain('prepbot_queue_jobs{platform="slack",state="waiting"} 0');
    } finally {
      await kill(bot);
    }

    const off = await startSlackBot(fake, prefix(), { METRICS: '0' });
    try {
      await off.waitFor('PrepBot ready');
      const base = new URL(off.eventsUrl).origin;
      expect((await get(`${base}/healthz`)).status).toBe(404);
      expect((await get(`${base}/metrics`)).status).toBe(404);
    } finally {
      await kill(off);
    }
  }, 60_000);
});
