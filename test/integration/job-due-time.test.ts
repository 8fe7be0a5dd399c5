import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/compose.js';
import type { JobHandlers, JobRun } from '../../src/core/jobs/job-definitions.js';
import { BullmqJobQueue } from '../../src/infra/queue/bullmq-job-queue.js';
import { createJobWorker } from '../../src/infra/queue/job-worker.js';
import { RedisKeys } from '../../src/infra/redis/keys.js';
import { dropPrefix, testRedis } from '../support/redis.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

describe('a job knows when it was due', () => {
  it('a delayed job and a job scheduler’s run are handed their due time, not the time they were queued', async () => {
    const { redis, prefix } = testRedis();
    const keys = new RedisKeys(prefix);
    const jobs = new BullmqJobQueue(redis, keys.bullPrefix(), systemClock);
    cleanups.push(
      () => redis.quit(),
      () => dropPrefix(redis, prefix),
      () => jobs.close(),
    );
    const runs = new Map<string, JobRun>();
    const record = (id: string) => async (_: unknown, run: JobRun) => {
      runs.set(id, run);
      return 'ok';
    };
    const handlers: JobHandlers = {
      'daily-post': record('daily-post'),
      'daily-reveal': record('daily-reveal'),
      'mock-lobby-start': record('mock-lobby-start'),
      'mock-round-end': record('mock-round-end'),
    };
    const channel = { platform: 'slack' as const, workspaceId: 'T1', channelId: 'C1' };
    const revealAt = Date.now() + 700;
    await jobs.scheduleAt({ name: 'daily-reveal', id: 'reveal-x', payload: { channel, instanceId: 'x' } }, revealAt);
    // A schedule for a whole second at least two seconds away (cron with seconds), as `/daily set` makes one for a minute.
    const postAt = Math.ceil((Date.now() + 2000) / 1000) * 1000;
    const at = new Date(postAt);
    await jobs.repeat(
      'daily-x',
      { cron: `${at.getUTCSeconds()} ${at.getUTCMinutes()} ${at.getUTCHours()} * * *`, timezone: 'UTC' },
      { name: 'daily-post', payload: { channel } },
    );
    const worker = createJobWorker(redis, keys.bullPrefix(), 'slack', handlers);
    cleanups.push(() => worker.close());
    for (let i = 0; i < 200 && runs.size < 2; i++) await new Promise((r) => setTimeout(r, 25));
    // The scheduled run's due time is the schedule's second exactly: a daily post's run key (its date) comes from it.
    expect(runs.get('daily-post')?.dueAt).toBe(postAt);
    expect(Math.abs((runs.get('daily-reveal')?.dueAt ?? 0) - revealAt)).toBeLessThan(50);
  });
});
