import { PermanentJobError, RetryLaterError } from '../jobs/job-errors.js';
import { questionCard } from '../questions/question-card.js';
import type { ChannelRef } from '../types.js';
import { dt } from './daily-messages.js';
import type { DailyDeps } from './daily-ports.js';
import { renderReveal } from './render-reveal.js';

export type RevealOutcome = 'revealed' | 'already-revealed' | 'missing';

/** A reveal claim older than this was abandoned by a crashed process and may be taken over. */
export const REVEAL_CLAIM_STALE_MS = 60_000;

/**
 * Closes an instance to answers and posts its reveal exactly once, whether the delayed job, a
 * retried job or `/daily reveal` gets there first. A job that finds a fresh claim retries later
 * (the claimer may have died before posting); a command just reports that it is already revealed.
 */
export async function revealDailyQuestion(
  deps: DailyDeps,
  channel: ChannelRef,
  instanceId: string,
  trigger: 'job' | 'command',
): Promise<RevealOutcome> {
  const claim = await deps.instances.claimReveal(channel, instanceId, deps.clock.now().getTime(), REVEAL_CLAIM_STALE_MS);
  if (claim === 'missing') return 'missing';
  if (claim === 'done') return 'already-revealed';
  if (claim === 'busy') {
    if (trigger === 'job') throw new RetryLaterError(`reveal of ${instanceId} is being posted elsewhere`);
    return 'already-revealed';
  }
  const instance = await deps.instances.get(channel, instanceId);
  if (!instance) return 'missing';
  const question = deps.bank.byId(instance.questionId);
  if (!question) throw new PermanentJobError(`question ${instance.questionId} is no longer in the bank`);
  const platform = deps.platforms[channel.platform];
  if (!platform) throw new PermanentJobError(`no ${channel.platform} adapter is running`);
  const stats = await deps.instances.stats(channel, instanceId);
  const names = await deps.users.displayNames(channel, stats.firstCorrect);
  const locale = instance.locale ?? deps.defaultLocale;
  await platform.post(channel, renderReveal(question, stats, names, locale), { idempotencyKey: `reveal:${instance.id}` });
  await deps.instances.markRevealPosted(channel, instanceId);
  await Promise.all([
    deps.instances.setPubliclyOpen(channel, instanceId, undefined),
    deps.instances.clearChannelPointer(channel, 'daily', instanceId),
  ]);
  // The question message stops taking answers where the platform can edit it: buttons are disabled,
  // menus and form buttons go, and the footer says why.
  if (instance.posted && platform.capabilities.edits) {
    const card = questionCard(question, instance.id, locale, 'public', platform.capabilities);
    const buttons = (card.actions ?? []).flatMap((a) => (a.type === 'button' ? [{ ...a, disabled: true }] : []));
    await platform
      .edit(instance.posted, { ...card, actions: buttons.length > 0 ? buttons : undefined, footer: dt(locale, 'daily-closed-footer') })
      .catch((error: unknown) => deps.errorSink(error, { phase: 'close-question-message', instanceId }));
  }
  return 'revealed';
}
