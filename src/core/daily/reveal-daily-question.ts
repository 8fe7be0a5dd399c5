import type { ChannelRef } from '../types.js';
import type { DailyDeps } from './daily-ports.js';
import { PermanentPostError } from './post-daily-question.js';
import { renderReveal } from './render-reveal.js';

export type RevealOutcome = 'revealed' | 'already-revealed' | 'missing';

/**
 * Closes an instance to answers and posts the reveal once. `trigger: 'job'` is the delayed reveal
 * job (BullMQ runs one attempt of a job id at a time): when a previous attempt closed the instance
 * but died before posting, the retry posts. A command never re-posts a reveal someone else claimed.
 */
export async function revealDailyQuestion(
  deps: DailyDeps,
  channel: ChannelRef,
  instanceId: string,
  trigger: 'job' | 'command',
): Promise<RevealOutcome> {
  const instance = await deps.instances.get(channel, instanceId);
  if (!instance) return 'missing';
  const claimed = await deps.instances.markRevealed(channel, instanceId, deps.clock.now().getTime());
  if (!claimed && (instance.revealPosted || trigger === 'command')) return 'already-revealed';
  const current = await deps.instances.get(channel, instanceId);
  if (current?.revealPosted) return 'already-revealed';

  const question = deps.bank.byId(instance.questionId);
  if (!question) throw new PermanentPostError(`question ${instance.questionId} is no longer in the bank`);
  const platform = deps.platforms[channel.platform];
  if (!platform) throw new PermanentPostError(`no ${channel.platform} adapter is running`);
  const stats = await deps.instances.stats(channel, instanceId);
  const names = await deps.users.displayNames(channel, stats.firstCorrect);
  const locale = instance.locale ?? deps.defaultLocale;
  await platform.post(channel, renderReveal(question, stats, names, locale));
  await deps.instances.markRevealPosted(channel, instanceId);
  if ((await deps.instances.channelOpen(channel)) === instanceId) await deps.instances.setChannelOpen(channel, undefined);
  return 'revealed';
}
