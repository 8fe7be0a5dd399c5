import type { BotDeps } from '../bot-deps.js';
import type { ChannelRef } from '../types.js';
import type { Question } from './schema.js';

/**
 * A question from `pool` that this history (a channel's daily posts, a user's practice) has not had
 * yet; once the pool is used up the cycle starts again. `avoid` is never picked while anything else
 * is left (questions that are open in a channel right now).
 */
export async function pickFreshQuestion(
  deps: BotDeps,
  channel: ChannelRef,
  historyKey: string,
  pool: readonly Question[],
  avoid: ReadonlySet<string> = new Set(),
): Promise<Question | undefined> {
  const candidates = pool.filter((q) => !avoid.has(q.id));
  if (candidates.length === 0) return undefined;
  let used = await deps.history.used(channel, historyKey);
  if (candidates.every((q) => used.has(q.id))) {
    await deps.history.reset(channel, historyKey);
    used = new Set();
  }
  const question = deps.bank.pick({ exclude: used }, candidates);
  if (question) await deps.history.markUsed(channel, historyKey, question.id);
  return question;
}
