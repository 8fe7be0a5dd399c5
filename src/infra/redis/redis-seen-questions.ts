import { z } from 'zod';
import type { SeenQuestion, SeenQuestionStore } from '../../core/flags/flag-ports.js';
import type { WorkspaceRef } from '../../core/types.js';
import type { RedisKeys } from './keys.js';
import type { StoreClient } from './lua-scripts.js';
import { parseStoredJson } from './parse-stored-json.js';

/** A flag is about something seen lately: a member's last question is forgotten after a month. */
export const SEEN_TTL_S = 30 * 24 * 3600;

const seenSchema = z.object({
  instanceId: z.string(),
  questionId: z.string(),
  mode: z.enum(['quiz', 'daily', 'drill', 'mock']),
  channelId: z.string(),
  at: z.number(),
});

/** The stored form, written here and by record-answer.lua (which gets it ready-made). */
export function seenJson(seen: SeenQuestion): string {
  return JSON.stringify({
    instanceId: seen.instanceId,
    questionId: seen.questionId,
    mode: seen.mode,
    channelId: seen.channelId,
    at: seen.at,
  });
}

/** One value per member and workspace; the record script overwrites it when the member answers. */
export class RedisSeenQuestions implements SeenQuestionStore {
  constructor(
    private readonly redis: StoreClient,
    private readonly keys: RedisKeys,
  ) {}

  async markSeen(ws: WorkspaceRef, userIds: readonly string[], seen: SeenQuestion): Promise<void> {
    const value = seenJson(seen);
    // Issued together, so auto-pipelining sends a mock round's participants in one write.
    await Promise.all(userIds.map((userId) => this.redis.set(this.keys.lastSeen(ws, userId), value, 'EX', SEEN_TTL_S)));
  }

  async lastSeen(ws: WorkspaceRef, userId: string): Promise<SeenQuestion | undefined> {
    return parseStoredJson(await this.redis.get(this.keys.lastSeen(ws, userId)), seenSchema);
  }
}
