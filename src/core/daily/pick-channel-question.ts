import type { BotDeps } from '../bot-deps.js';
import type { Question, Topic } from '../questions/schema.js';
import type { ChannelRef } from '../types.js';

/**
 * A question for a channel's public post: never one the channel has had until its eligible pool
 * (the topic filter, or the whole bank) is used up, then the cycle starts again.
 */
export async function pickChannelQuestion(deps: BotDeps, channel: ChannelRef, topic: Topic | undefined): Promise<Question | undefined> {
  const poolKey = topic ?? 'all';
  const pool = deps.bank.pool({ topic });
  if (pool.length === 0) return undefined;
  let used = await deps.history.used(channel, poolKey);
  if (pool.every((q) => used.has(q.id))) {
    await deps.history.reset(channel, poolKey);
    used = new Set();
  }
  const question = deps.bank.pick({ exclude: used }, pool);
  if (question) await deps.history.markUsed(channel, poolKey, question.id);
  return question;
}
