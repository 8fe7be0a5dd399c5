import { z } from 'zod';
import { channelRefSchema } from '../../core/jobs/job-definitions.js';
import type { PairSession } from '../../core/mock/mock-pair.js';
import type { JoinOutcome, MockSession, MockStore } from '../../core/mock/mock-session.js';
import type { ChannelRef } from '../../core/types.js';
import type { RedisKeys } from './keys.js';
import { withScripts } from './lua-scripts.js';
import { parseStoredJson } from './parse-stored-json.js';
import type { RedisClient } from './redis-client.js';

/** An abandoned session is forgotten after a day. */
const SESSION_TTL_MS = 24 * 3600_000;

const scoreSchema = z.object({
  points: z.number(),
  answered: z.number(),
  correct: z.number(),
  streak: z.number(),
  byTopic: z.record(z.string(), z.object({ answered: z.number(), correct: z.number() })),
});
const sessionSchema = z.object({
  id: z.string(),
  channel: channelRefSchema,
  hostId: z.string(),
  topic: z.string().optional(),
  rounds: z.number().int(),
  seconds: z.number().int(),
  state: z.enum(['lobby', 'running']),
  questionIds: z.array(z.string()),
  round: z.number().int(),
  lobbyMessage: z.object({ channel: channelRefSchema, messageId: z.string(), visibility: z.enum(['public', 'private']) }).optional(),
  scores: z.record(z.string(), scoreSchema),
  wrong: z.record(z.string(), z.number()),
  scoredRound: z.number().int().optional(),
  createdAt: z.number(),
  locale: z.enum(['zh', 'en']),
});

const markSchema = z.enum(['covered', 'partly', 'missed']);
const pairSchema = z.object({
  id: z.string(),
  channel: channelRefSchema,
  interviewerId: z.string(),
  candidateId: z.string(),
  questionIds: z.array(z.string()),
  index: z.number().int(),
  marks: z.record(z.string(), markSchema),
  note: z.string().optional(),
  results: z.array(
    z.object({
      questionId: z.string(),
      candidateId: z.string(),
      marks: z.record(z.string(), markSchema),
      note: z.string().optional(),
      score: z.number(),
    }),
  ),
  locale: z.enum(['zh', 'en']),
});

export class RedisMockStore implements MockStore {
  private readonly redis;
  constructor(
    redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {
    this.redis = withScripts(redis);
  }

  async create(session: MockSession): Promise<boolean> {
    return (await this.redis.set(this.keys.mock(session.channel), JSON.stringify(session), 'PX', SESSION_TTL_MS, 'NX')) === 'OK';
  }

  async get(ch: ChannelRef): Promise<MockSession | undefined> {
    return parseStoredJson(await this.redis.get(this.keys.mock(ch)), sessionSchema);
  }

  async save(session: MockSession): Promise<void> {
    await this.redis.set(this.keys.mock(session.channel), JSON.stringify(session), 'PX', SESSION_TTL_MS);
  }

  async delete(ch: ChannelRef): Promise<void> {
    const session = await this.get(ch);
    const keys = [this.keys.mock(ch), ...(session ? [this.keys.mockParticipants(ch, session.id)] : [])];
    await this.redis.del(...keys);
  }

  async join(ch: ChannelRef, sessionId: string, userId: string, max: number): Promise<JoinOutcome> {
    return (await this.redis.joinMock(
      this.keys.mock(ch),
      this.keys.mockParticipants(ch, sessionId),
      sessionId,
      userId,
      max,
    )) as JoinOutcome;
  }

  async leave(ch: ChannelRef, sessionId: string, userId: string): Promise<boolean> {
    return (await this.redis.srem(this.keys.mockParticipants(ch, sessionId), userId)) === 1;
  }

  async createPair(session: PairSession): Promise<boolean> {
    return (await this.redis.set(this.keys.mockPair(session.channel), JSON.stringify(session), 'PX', SESSION_TTL_MS, 'NX')) === 'OK';
  }

  async getPair(ch: ChannelRef): Promise<PairSession | undefined> {
    return parseStoredJson(await this.redis.get(this.keys.mockPair(ch)), pairSchema);
  }

  async savePair(session: PairSession): Promise<void> {
    await this.redis.set(this.keys.mockPair(session.channel), JSON.stringify(session), 'PX', SESSION_TTL_MS);
  }

  async deletePair(ch: ChannelRef): Promise<void> {
    await this.redis.del(this.keys.mockPair(ch));
  }

  async participants(ch: ChannelRef, sessionId: string): Promise<string[]> {
    return (await this.redis.smembers(this.keys.mockParticipants(ch, sessionId))).sort();
  }
}
