import { afterEach, describe, expect, it } from 'vitest';
import { periodBuckets } from '../../src/core/calendar.js';
import type { AnswerToRecord } from '../../src/core/ports.js';
import { createTestApp } from '../support/test-app.js';

let app: ReturnType<typeof createTestApp>;
afterEach(async () => {
  await app.close();
});

describe('a record that reaches Redis twice', () => {
  it('the same attempt sent again (ioredis re-sends pending scripts after a reconnect) is "recorded" with its points, never "already answered", and scores once', async () => {
    app = createTestApp();
    const ann = app.user('ann');
    await app.text(ann, '/quiz t-handshake-count');
    const [pointer] = await app.deps.instances.answerTargets(app.channel, ann.userId, []);
    if (!pointer) throw new Error('no pending quiz');
    const { week, month } = periodBuckets(new Date(), 'UTC');
    const attempt: AnswerToRecord = {
      instance: pointer,
      user: ann,
      result: { score: 1, points: 20, correct: true },
      topic: 'tcp-udp',
      scoreOncePerQuestion: true,
      clearUserPointer: true,
      makeRateable: false,
      defer: false,
      attemptId: 'attempt-1',
      week,
      month,
      now: Date.now(),
    };
    const first = await app.deps.answers.record(attempt);
    const resent = await app.deps.answers.record(attempt);
    expect(first).toMatchObject({ status: 'recorded', points: 20 });
    expect(resent).toEqual({ status: 'recorded', points: 20, retried: true });
    // A second, different attempt (a double click) is what "already answered" is for.
    expect((await app.deps.answers.record({ ...attempt, attemptId: 'attempt-2' })).status).toBe('already-answered');
    expect((await app.deps.leaderboards.standing({ workspace: app.channel, period: 'all' }, ann.userId))?.points).toBe(20);
    expect((await app.deps.stats.get(app.channel, ann.userId)).answered).toBe(1);
  });
});
