import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { GradeSummary, InstanceStats, InstanceStore, QuestionInstance, StoredAnswer } from '../../core/ports.js';
import type { ChannelRef, PostedMessage, WorkspaceRef } from '../../core/types.js';
import type { RedisKeys } from './keys.js';
import { withScripts } from './lua-scripts.js';

const DAY = 86_400_000;
/** Personal questions are kept a month, channel questions (daily, mock) a quarter. */
const TTL_MS = { quiz: 30 * DAY, drill: 30 * DAY, daily: 90 * DAY, mock: 90 * DAY } as const;
const PENDING_TTL_S = 7 * 24 * 3600;

const instanceHashSchema = z.object({
  id: z.string(),
  questionId: z.string(),
  mode: z.enum(['quiz', 'daily', 'drill', 'mock']),
  platform: z.enum(['discord', 'slack', 'console']),
  workspaceId: z.string(),
  channelId: z.string(),
  owner: z.string().optional(),
  createdAt: z.coerce.number(),
  state: z.enum(['open', 'revealed']),
  revealAt: z.coerce.number().optional(),
  posted: z.string().optional(),
  timezone: z.string().optional(),
  locale: z.enum(['zh', 'en']).optional(),
  revealedAt: z.coerce.number().optional(),
  revealPosted: z.literal('1').optional(),
});

const storedAnswerSchema = z.object({
  userId: z.string(),
  answeredAt: z.number(),
  result: z.looseObject({ score: z.number(), points: z.number(), correct: z.boolean() }),
});

export class RedisInstanceStore implements InstanceStore {
  private readonly redis;
  constructor(
    redis: Redis,
    private readonly keys: RedisKeys,
  ) {
    this.redis = withScripts(redis);
  }

  async create(instance: QuestionInstance): Promise<boolean> {
    const fields: Record<string, string> = {
      id: instance.id,
      questionId: instance.questionId,
      mode: instance.mode,
      platform: instance.channel.platform,
      workspaceId: instance.channel.workspaceId,
      channelId: instance.channel.channelId,
      createdAt: String(instance.createdAt),
      state: instance.state,
    };
    if (instance.ownerUserId !== undefined) fields.owner = instance.ownerUserId;
    if (instance.revealAt !== undefined) fields.revealAt = String(instance.revealAt);
    if (instance.posted !== undefined) fields.posted = JSON.stringify(instance.posted);
    if (instance.timezone !== undefined) fields.timezone = instance.timezone;
    if (instance.locale !== undefined) fields.locale = instance.locale;
    const created = await this.redis.createInstance(
      this.keys.instance(instance.channel, instance.id),
      TTL_MS[instance.mode],
      ...Object.entries(fields).flat(),
    );
    return created === 1;
  }

  async get(ws: WorkspaceRef, id: string): Promise<QuestionInstance | undefined> {
    const raw = await this.redis.hgetall(this.keys.instance(ws, id));
    if (!raw.id) return undefined;
    const h = instanceHashSchema.parse(raw);
    return {
      id: h.id,
      questionId: h.questionId,
      mode: h.mode,
      channel: { platform: h.platform, workspaceId: h.workspaceId, channelId: h.channelId },
      ownerUserId: h.owner,
      createdAt: h.createdAt,
      state: h.state,
      revealAt: h.revealAt,
      posted: h.posted ? (JSON.parse(h.posted) as PostedMessage) : undefined,
      timezone: h.timezone,
      locale: h.locale,
      revealedAt: h.revealedAt,
      revealPosted: h.revealPosted === '1',
    };
  }

  async setPosted(ws: WorkspaceRef, id: string, posted: PostedMessage): Promise<void> {
    await this.redis.hset(this.keys.instance(ws, id), 'posted', JSON.stringify(posted));
  }

  async claimReveal(ws: WorkspaceRef, id: string, now: number, staleMs: number): Promise<'claimed' | 'busy' | 'done' | 'missing'> {
    return this.redis.claimReveal(this.keys.instance(ws, id), now, staleMs);
  }

  async markRevealPosted(ws: WorkspaceRef, id: string): Promise<void> {
    await this.redis.hset(this.keys.instance(ws, id), 'revealPosted', '1');
  }

  async answerOf<R extends GradeSummary>(ws: WorkspaceRef, id: string, userId: string): Promise<StoredAnswer<R> | undefined> {
    const raw = await this.redis.hget(this.keys.instanceAnswers(ws, id), userId);
    if (!raw) return undefined;
    return storedAnswerSchema.parse(JSON.parse(raw)) as unknown as StoredAnswer<R>;
  }

  async stats(ws: WorkspaceRef, id: string): Promise<InstanceStats> {
    const [counts, dist, first] = await Promise.all([
      this.redis.hmget(this.keys.instance(ws, id), 'answered', 'correct'),
      this.redis.hgetall(this.keys.instanceDistribution(ws, id)),
      this.redis.lrange(this.keys.instanceFirstCorrect(ws, id), 0, 2),
    ]);
    const distribution: Record<string, number> = {};
    for (const [k, v] of Object.entries(dist)) distribution[k] = Number(v);
    return { answered: Number(counts[0] ?? 0), correct: Number(counts[1] ?? 0), distribution, firstCorrect: first };
  }

  async setPending(ch: ChannelRef, userId: string, instanceId: string): Promise<void> {
    await this.redis.set(this.keys.pending(ch, userId), instanceId, 'EX', PENDING_TTL_S);
  }
  async pending(ch: ChannelRef, userId: string): Promise<string | undefined> {
    return (await this.redis.get(this.keys.pending(ch, userId))) ?? undefined;
  }
  async clearPending(ch: ChannelRef, userId: string): Promise<void> {
    await this.redis.del(this.keys.pending(ch, userId));
  }

  async setChannelOpen(ch: ChannelRef, instanceId: string | undefined): Promise<void> {
    if (instanceId === undefined) await this.redis.del(this.keys.channelOpen(ch));
    else await this.redis.set(this.keys.channelOpen(ch), instanceId, 'PX', TTL_MS.daily);
  }
  async channelOpen(ch: ChannelRef): Promise<string | undefined> {
    return (await this.redis.get(this.keys.channelOpen(ch))) ?? undefined;
  }

  async setPubliclyOpen(ws: WorkspaceRef, instanceId: string, questionId: string | undefined): Promise<void> {
    if (questionId === undefined) await this.redis.hdel(this.keys.publiclyOpen(ws), instanceId);
    else await this.redis.hset(this.keys.publiclyOpen(ws), instanceId, questionId);
  }
  async publiclyOpenQuestions(ws: WorkspaceRef): Promise<Set<string>> {
    return new Set(await this.redis.hvals(this.keys.publiclyOpen(ws)));
  }

  async setRateable(ch: ChannelRef, userId: string, instanceId: string): Promise<void> {
    await this.redis.set(this.keys.rateable(ch, userId), instanceId, 'EX', PENDING_TTL_S);
  }
  async rateable(ch: ChannelRef, userId: string): Promise<string | undefined> {
    return (await this.redis.get(this.keys.rateable(ch, userId))) ?? undefined;
  }

  async setSelfRating(ws: WorkspaceRef, id: string, userId: string, rating: string): Promise<boolean> {
    if (!(await this.redis.hexists(this.keys.instanceAnswers(ws, id), userId))) return false;
    const key = this.keys.instanceRatings(ws, id);
    await this.redis.multi().hset(key, userId, rating).pexpire(key, TTL_MS.quiz).exec();
    return true;
  }
}
