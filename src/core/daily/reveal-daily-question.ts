import { type GradeResult, renderGradeFeedback } from '../grading/index.js';
import { t } from '../i18n/messages.js';
import type { QuestionInstance, StoredAnswer } from '../instances/question-instance.js';
import { PermanentJobError, RetryLaterError } from '../jobs/job-errors.js';
import { questionCard } from '../questions/question-card.js';
import type { Question } from '../questions/schema.js';
import { ratingForGrade } from '../srs/rating-for-grade.js';
import { recordReview } from '../srs/record-review.js';
import type { ChannelRef } from '../types.js';
import { dt } from './daily-messages.js';
import type { DailyDeps } from './daily-ports.js';
import { dailyCardTitle } from './post-daily-question.js';
import { renderReveal } from './render-reveal.js';

export type RevealOutcome = 'revealed' | 'already-revealed' | 'missing';

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
  const claim = await deps.instances.claimReveal(channel, instanceId, deps.clock.now().getTime(), deps.claimStaleMs);
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
  // Secret answers reach the boards now, in answer order, once however often the reveal is retried.
  const answers = instance.secret ? await deps.instances.answers(channel, instanceId) : [];
  const streaks = instance.secret ? await deps.answers.applyDeferred(instance, answers) : undefined;
  await platform.post(channel, renderReveal(question, stats, names, locale), {
    idempotencyKey: `reveal:${instance.id}`,
    retry: claim === 'reclaimed',
  });
  await deps.instances.markRevealPosted(channel, instanceId);
  if (instance.secret) await sendVerdicts(deps, instance, question, answers, streaks === 'already' ? undefined : streaks);
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
      .edit(instance.posted, {
        ...card,
        // The message keeps the title it was posted with.
        title: dailyCardTitle(instance, question.id, locale, instance.timezone ?? deps.defaultTimezone),
        actions: buttons.length > 0 ? buttons : undefined,
        footer: dt(locale, 'daily-closed-footer'),
      })
      .catch((error: unknown) => deps.errorSink(error, { phase: 'close-question-message', instanceId }));
  }
  return 'revealed';
}

/**
 * Each member who answered a secret question gets their own verdict privately (where the platform
 * can post privately), and their spaced-repetition card moves, once each.
 */
async function sendVerdicts(
  deps: DailyDeps,
  instance: QuestionInstance,
  question: Question,
  answers: readonly StoredAnswer[],
  streaks: ReadonlyMap<string, number> | undefined,
): Promise<void> {
  const platform = deps.platforms[instance.channel.platform];
  for (const answer of answers) {
    if (!(await deps.instances.claimVerdict(instance.channel, instance.id, answer.userId))) continue;
    const stored = await deps.reviews.get(instance.channel, answer.userId, question.id);
    const rating = ratingForGrade(answer.result, question.kind, answer.answeredAt - instance.createdAt);
    await recordReview(deps, instance, answer.userId, question.topic, rating, answer.answeredAt, stored);
    if (!platform?.capabilities.privatePosts) continue;
    const locale = (await deps.users.localeOf(instance.channel, answer.userId)) ?? instance.locale ?? deps.defaultLocale;
    const lines = [renderGradeFeedback(answer.result as unknown as GradeResult, question, locale)];
    if (answer.result.points > 0) lines.push(t(locale, 'points-earned', { points: Math.round(answer.result.points) }));
    // A retried reveal applied nothing new; the streak it applied before is still the member's current one.
    const recorded = streaks ? undefined : await deps.leaderboards.streak(instance.channel, answer.userId);
    const streak = streaks?.get(answer.userId) ?? (recorded && recorded.last === answer.deferred?.streak?.today ? recorded.count : 0);
    if (streak) lines.push(t(locale, 'streak', { days: streak }));
    const tone = answer.result.correct ? 'correct' : answer.result.score > 0 ? 'partial' : 'wrong';
    await platform
      .postPrivate(instance.channel, answer.userId, {
        visibility: 'private',
        tone,
        title: t(locale, 'verdict-title', { id: question.id }),
        text: lines.join('\n'),
      })
      .catch((error: unknown) => deps.errorSink(error, { phase: 'daily-verdict', instanceId: instance.id, userId: answer.userId }));
  }
}
