import { z } from 'zod';
import { MODE_POLICIES } from '../../core/instances/mode-policies.js';
import type {
  Audience,
  GradeSummary,
  InstanceIdentity,
  InstanceMode,
  InstanceStats,
  InstanceStore,
  QuestionInstance,
  RevealClaim,
  StoredAnswer,
} from '../../core/instances/question-instance.js';
import { channelRefSchema } from '../../core/jobs/job-definitions.js';
import type { ChannelRef, MessageRef, WorkspaceRef } from '../../core/types.js';
import type { RedisKeys } from './keys.js';
import { withScripts } from './lua-scripts.js';
import { parseStoredJson } from './parse-stored-json.js';
import type { RedisClient } from './redis-client.js';

/** A user's answer pointer and rateable pointer outlive an unanswered question by a week. */
export const POINTER_TTL_S = 7 * 24 * 3600;

const modeSchema = z.enum(['quiz', 'daily', 'drill', 'mock']);
const audienceSchema: z.ZodType<Audience> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('owner'), userId: z.string() }),
  z.object({ kind: z.literal('channel') }),
  z.object({ kind: z.literal('participants'), userIds: z.array(z.string()) }),
]);
const sessionSchema = z.object({ sessionId: z.string(), step: z.number().int(), of: z.number().int() });
const messageRefSchema = z.object({
  channel: channelRefSchema,
  messageId: z.string(),
  visibility: z.enum(['public', 'private']),
});

/** The immutable part of an instance, as kept in pointers (and checked when read back). */
const identitySchema = z.object({
  id: z.string(),
  questionId: z.string(),
  mode: modeSchema,
  channel: channelRefSchema,
  audience: audienceSchema,
  session: sessionSchema.optional(),
  createdAt: z.number(),
  revealAt: z.number().optional(),
  timezone: z.string().optional(),
  locale: z.enum(['zh', 'en']).optional(),
  secret: z.boolean().optional(),
});

const json = <T>(schema: z.ZodType<T>) =>
  z.string().transform((s, ctx) => {
    try {
      return schema.parse(JSON.parse(s));
    } catch {
      ctx.addIssue({ code: 'custom', message: 'invalid JSON field' });
      return z.NEVER;
    }
  });

const instanceHashSchema = z.object({
  id: z.string(),
  questionId: z.string(),
  mode: modeSchema,
  platform: z.enum(['discord', 'slack', 'console']),
  workspaceId: z.string(),
  channelId: z.string(),
  audience: json(audienceSchema).optional(),
  /** Written before audiences existed: a personal instance's owner. */
  owner: z.string().optional(),
  session: json(sessionSchema).optional(),
  createdAt: z.coerce.number(),
  state: z.enum(['open', 'revealed']),
  revealAt: z.coerce.number().optional(),
  posted: json(messageRefSchema.partial({ channel: true, visibility: true })).optional(),
  timezone: z.string().optional(),
  locale: z.enum(['zh', 'en']).optional(),
  revealedAt: z.coerce.number().optional(),
  revealPosted: z.literal('1').optional(),
  secret: z.literal('1').optional(),
});

const bucketSchema = z.object({ id: z.string(), expireAt: z.number() });
const storedAnswerSchema = z.object({
  userId: z.string(),
  answeredAt: z.number(),
  result: z.looseObject({ score: z.number(), points: z.number(), correct: z.boolean() }),
  deferred: z
    .object({
      week: bucketSchema,
      month: bucketSchema,
      streak: z.object({ today: z.string(), yesterday: z.string() }).optional(),
      topic: z.string(),
    })
    .optional(),
});

function identityOf(instance: InstanceIdentity): InstanceIdentity {
  const { id, questionId, mode, channel, audience, session, createdAt, revealAt, timezone, locale, secret } = instance;
  return { id, questionId, mode, channel, audience, session, createdAt, revealAt, timezone, locale, secret };
}

/** A pointer from an older version (a bare id) counts as none. */
function parsePointer(raw: string | null | undefined): InstanceIdentity | undefined {
  return parseStoredJson(raw, identitySchema);
}

export class RedisInstanceStore implements InstanceStore {
  private readonly redis;
  constructor(
    redis: RedisClient,
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
      audience: JSON.stringify(instance.audience),
      createdAt: String(instance.createdAt),
      state: instance.state,
    };
    if (instance.session !== undefined) fields.session = JSON.stringify(instance.session);
    if (instance.revealAt !== undefined) fields.revealAt = String(instance.revealAt);
    if (instance.posted !== undefined) fields.posted = JSON.stringify(instance.posted);
    if (instance.timezone !== undefined) fields.timezone = instance.timezone;
    if (instance.locale !== undefined) fields.locale = instance.locale;
    if (instance.secret) fields.secret = '1';
    const created = await this.redis.createInstance(
      this.keys.instance(instance.channel, instance.id),
      MODE_POLICIES[instance.mode].retentionMs,
      ...Object.entries(fields).flat(),
    );
    return created === 1;
  }

  async get(ws: WorkspaceRef, id: string): Promise<QuestionInstance | undefined> {
    const raw = await this.redis.hgetall(this.keys.instance(ws, id));
    if (!raw.id) return undefined;
    const h = instanceHashSchema.parse(raw);
    const channel: ChannelRef = { platform: h.platform, workspaceId: h.workspaceId, channelId: h.channelId };
    return {
      id: h.id,
      questionId: h.questionId,
      mode: h.mode,
      channel,
      audience: h.audience ?? (h.owner !== undefined ? { kind: 'owner', userId: h.owner } : { kind: 'channel' }),
      session: h.session,
      createdAt: h.createdAt,
      state: h.state,
      revealAt: h.revealAt,
      posted: h.posted ? { channel, visibility: 'public', ...h.posted } : undefined,
      timezone: h.timezone,
      locale: h.locale,
      revealedAt: h.revealedAt,
      revealPosted: h.revealPosted === '1',
      secret: h.secret === '1' ? true : undefined,
    };
  }

  async setPosted(ws: WorkspaceRef, id: string, posted: MessageRef): Promise<void> {
    await this.redis.hset(this.keys.instance(ws, id), 'posted', JSON.stringify(posted));
  }

  async markPostIntent(ws: WorkspaceRef, id: string, now: number): Promise<boolean> {
    return (await this.redis.hsetnx(this.keys.instance(ws, id), 'postIntent', String(now))) === 1;
  }

  async claimReveal(ws: WorkspaceRef, id: string, now: number, staleMs: number): Promise<RevealClaim> {
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

  async claimVerdict(ws: WorkspaceRef, id: string, userId: string): Promise<boolean> {
    const key = this.keys.instanceVerdicts(ws, id);
    const [[, added]] = (await this.redis.multi().sadd(key, userId).pexpire(key, MODE_POLICIES.daily.retentionMs).exec()) as [
      [unknown, number],
    ];
    return added === 1;
  }

  async answers(ws: WorkspaceRef, id: string): Promise<StoredAnswer[]> {
    const all = await this.redis.hvals(this.keys.instanceAnswers(ws, id));
    return all
      .flatMap((raw) => {
        const parsed = storedAnswerSchema.safeParse(JSON.parse(raw));
        return parsed.success ? [parsed.data as StoredAnswer] : [];
      })
      .sort((a, b) => a.answeredAt - b.answeredAt);
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

  async setUserPointer(ch: ChannelRef, userId: string, instance: InstanceIdentity): Promise<void> {
    await this.redis.set(this.keys.userPointer(ch, userId), JSON.stringify(identityOf(instance)), 'EX', POINTER_TTL_S);
  }

  async clearUserPointer(ch: ChannelRef, userId: string, instanceId: string): Promise<void> {
    await this.redis.clearPointerIf(this.keys.userPointer(ch, userId), instanceId);
  }

  async setChannelPointer(ch: ChannelRef, mode: InstanceMode, instance: InstanceIdentity | undefined): Promise<void> {
    const key = this.keys.channelPointer(ch, mode);
    if (instance === undefined) await this.redis.del(key);
    else await this.redis.set(key, JSON.stringify(identityOf(instance)), 'PX', MODE_POLICIES[mode].retentionMs);
  }

  async clearChannelPointer(ch: ChannelRef, mode: InstanceMode, instanceId: string): Promise<void> {
    // Compare-and-delete in one step, so a newer instance's pointer set meanwhile survives.
    await this.redis.clearPointerIf(this.keys.channelPointer(ch, mode), instanceId);
  }

  async channelPointer(ch: ChannelRef, mode: InstanceMode): Promise<InstanceIdentity | undefined> {
    return parsePointer(await this.redis.get(this.keys.channelPointer(ch, mode)));
  }

  async answerTargets(ch: ChannelRef, userId: string, channelModes: readonly InstanceMode[]): Promise<InstanceIdentity[]> {
    const keys = [this.keys.userPointer(ch, userId), ...channelModes.map((m) => this.keys.channelPointer(ch, m))];
    // One MGET: all pointers share the workspace hash tag, so this stays one command on a cluster too.
    const values = await this.redis.mget(...keys);
    return values.map(parsePointer).filter((p): p is InstanceIdentity => p !== undefined);
  }

  async setPubliclyOpen(ws: WorkspaceRef, instanceId: string, questionId: string | undefined): Promise<void> {
    if (questionId === undefined) await this.redis.hdel(this.keys.publiclyOpen(ws), instanceId);
    else await this.redis.hset(this.keys.publiclyOpen(ws), instanceId, questionId);
  }
  async publiclyOpenQuestions(ws: WorkspaceRef): Promise<Set<string>> {
    return new Set(await this.redis.hvals(this.keys.publiclyOpen(ws)));
  }

  async rateable(ch: ChannelRef, userId: string): Promise<string | undefined> {
    return (await this.redis.get(this.keys.rateable(ch, userId))) ?? undefined;
  }

  async setSelfRating(ws: WorkspaceRef, id: string, userId: string, rating: string): Promise<boolean> {
    if (!(await this.redis.hexists(this.keys.instanceAnswers(ws, id), userId))) return false;
    const key = this.keys.instanceRatings(ws, id);
    await this.redis.multi().hset(key, userId, rating).pexpire(key, MODE_POLICIES.quiz.retentionMs).exec();
    return true;
  }
}
