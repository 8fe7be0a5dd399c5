import { z } from 'zod';
import type { InstanceIdentity, StoredAnswer } from '../../core/instances/question-instance.js';
import type { AnswerRecorder, AnswerToRecord, RecordOutcome } from '../../core/ports.js';
import type { WorkspaceRef } from '../../core/types.js';
import type { RedisKeys } from './keys.js';
import { withScripts } from './lua-scripts.js';
import type { RedisClient } from './redis-client.js';
import { POINTER_TTL_S } from './redis-instance-store.js';
import { parseStoredReview } from './redis-review-store.js';
import { SEEN_TTL_S, seenJson } from './redis-seen-questions.js';

const replySchema = z.union([
  z.tuple([z.literal('recorded'), z.string(), z.string(), z.string()]),
  z.tuple([z.literal('already'), z.string()]),
  z.tuple([z.literal('retried'), z.string()]),
  z.tuple([z.literal('revealed')]),
  z.tuple([z.literal('missing')]),
]);

/**
 * Runs record-answer.lua: answer, points, streak, six leaderboards, the question's report counts and
 * the member's last-seen question in one atomic step.
 */
export class RedisAnswerRecorder implements AnswerRecorder {
  private readonly redis;
  constructor(
    redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {
    this.redis = withScripts(redis);
  }

  async record(a: AnswerToRecord): Promise<RecordOutcome> {
    const k = this.keys;
    const ws = a.instance.channel;
    const ch = a.instance.channel.channelId;
    const stored: StoredAnswer & { attempt: string } = {
      attempt: a.attemptId,
      userId: a.user.userId,
      result: a.result,
      answeredAt: a.now,
      deferred: a.defer ? { week: a.week, month: a.month, streak: a.streak, topic: a.topic } : undefined,
    };
    const reply = replySchema.parse(
      await this.redis.recordAnswer(
        k.instance(ws, a.instance.id),
        k.instanceAnswers(ws, a.instance.id),
        k.instanceDistribution(ws, a.instance.id),
        k.instanceFirstCorrect(ws, a.instance.id),
        k.scored(ws, a.user.userId),
        k.streak(ws, a.user.userId),
        k.board(ws, undefined, 'all'),
        k.board(ws, undefined, 'week', a.week.id),
        k.board(ws, undefined, 'month', a.month.id),
        k.board(ws, ch, 'all'),
        k.board(ws, ch, 'week', a.week.id),
        k.board(ws, ch, 'month', a.month.id),
        k.scoreSequence(ws),
        k.displayNames(ws),
        k.userPointer(a.instance.channel, a.user.userId),
        k.rateable(a.instance.channel, a.user.userId),
        k.reviewCards(ws, a.user.userId),
        k.memberStats(ws, a.user.userId),
        k.lastSeen(ws, a.user.userId),
        k.questionStats(ws, a.instance.questionId),
        a.user.userId,
        JSON.stringify(stored),
        Math.max(0, Math.round(a.result.points)),
        a.result.correct ? '1' : '0',
        (a.result.picked ?? []).join(','),
        a.instance.questionId,
        a.scoreOncePerQuestion ? '1' : '0',
        a.week.expireAt,
        a.month.expireAt,
        a.streak?.today ?? '',
        a.streak?.yesterday ?? '',
        a.user.displayName,
        a.clearUserPointer ? a.instance.id : '',
        a.makeRateable ? a.instance.id : '',
        POINTER_TTL_S,
        a.topic,
        Math.round(Math.max(0, Math.min(1, a.result.score)) * 1000),
        a.defer ? '1' : '0',
        a.attemptId,
        seenJson({
          instanceId: a.instance.id,
          questionId: a.instance.questionId,
          mode: a.instance.mode,
          channelId: a.instance.channel.channelId,
          at: a.now,
        }),
        SEEN_TTL_S,
      ),
    );
    switch (reply[0]) {
      case 'recorded': {
        const streak = Number(reply[2]);
        return {
          status: 'recorded',
          points: Number(reply[1]),
          streak: streak > 0 ? streak : undefined,
          review: parseStoredReview(reply[3]),
        };
      }
      case 'retried':
        return { status: 'recorded', points: Number(reply[1]), retried: true };
      case 'already':
        return { status: 'already-answered', previous: JSON.parse(reply[1]) as StoredAnswer };
      case 'revealed':
        return { status: 'revealed' };
      case 'missing':
        return { status: 'missing' };
    }
  }

  async forfeit(ws: WorkspaceRef, userId: string, questionId: string): Promise<void> {
    await this.redis.sadd(this.keys.scored(ws, userId), questionId);
  }

  async applyDeferred(instance: InstanceIdentity, answers: readonly StoredAnswer[]): Promise<Map<string, number> | 'already'> {
    const k = this.keys;
    const ws = instance.channel;
    const ch = instance.channel.channelId;
    const keys = [k.instance(ws, instance.id), k.scoreSequence(ws), k.board(ws, undefined, 'all'), k.board(ws, ch, 'all')];
    const args: Array<string | number> = [];
    const scored = answers.filter((a) => a.deferred);
    for (const a of scored) {
      const d = a.deferred as NonNullable<StoredAnswer['deferred']>;
      keys.push(
        k.board(ws, undefined, 'week', d.week.id),
        k.board(ws, undefined, 'month', d.month.id),
        k.board(ws, ch, 'week', d.week.id),
        k.board(ws, ch, 'month', d.month.id),
        k.streak(ws, a.userId),
        k.memberStats(ws, a.userId),
      );
      args.push(
        a.userId,
        Math.max(0, Math.round(a.result.points)),
        d.week.expireAt,
        d.month.expireAt,
        d.streak?.today ?? '',
        d.streak?.yesterday ?? '',
        d.topic,
        Math.round(Math.max(0, Math.min(1, a.result.score)) * 1000),
        a.result.correct ? '1' : '0',
      );
    }
    const reply = await this.redis.applyDeferred(keys.length, ...keys, scored.length, ...args);
    if (reply[0] !== 'applied') return 'already';
    return new Map(scored.map((a, i) => [a.userId, Number(reply[i + 1] ?? 0)]));
  }
}
