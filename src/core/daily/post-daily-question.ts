import { localDate } from '../calendar.js';
import type { Locale } from '../i18n/catalog.js';
import type { QuestionInstance } from '../instances/question-instance.js';
import { PermanentJobError } from '../jobs/job-errors.js';
import { pickFreshQuestion } from '../questions/pick-fresh-question.js';
import { questionCard } from '../questions/question-card.js';
import type { ChannelRef } from '../types.js';
import { dailyInstanceId, revealJobId } from './daily-jobs.js';
import { dt, formatZonedTime } from './daily-messages.js';
import type { DailyDeps } from './daily-ports.js';
import { type DailySchedule, DEFAULT_REVEAL_MS } from './daily-schedule.js';

export type PostOutcome = { status: 'posted' | 'already-posted'; instance: QuestionInstance };

/**
 * Posts a channel's daily question. Safe to run again for the same `runKey` (a retried or
 * duplicated job, a restart half-way): the instance id is derived from it, the question is chosen
 * once and stored, and the post and reveal job are skipped when they already happened.
 */
export async function postDailyQuestion(deps: DailyDeps, channel: ChannelRef, runKey: string): Promise<PostOutcome> {
  const schedule: DailySchedule = (await deps.schedules.get(channel)) ?? {
    time: '00:00',
    timezone: deps.defaultTimezone,
    days: [1, 2, 3, 4, 5, 6, 7],
    revealAfterMs: DEFAULT_REVEAL_MS,
    feedback: 'reveal',
    locale: deps.defaultLocale,
  };
  const id = dailyInstanceId(channel, runKey);
  let instance = await deps.instances.get(channel, id);
  if (!instance) {
    // No repeats in this channel until its eligible pool (the topic filter, or the whole bank) is used up.
    const pool = schedule.topic ? deps.bank.matchTopicOrTag(schedule.topic) : deps.bank.pool();
    // Never a question open in another channel of the workspace: that channel's reveal would give this one away.
    const openElsewhere = await deps.instances.publiclyOpenQuestions(channel);
    const question = await pickFreshQuestion(deps, channel, `daily:${schedule.topic ?? 'all'}`, pool, openElsewhere);
    if (!question) throw new PermanentJobError(`no questions for topic ${schedule.topic ?? 'any'}`);
    const now = deps.clock.now().getTime();
    await deps.instances.create({
      id,
      questionId: question.id,
      mode: 'daily',
      channel,
      audience: { kind: 'channel' },
      createdAt: now,
      state: 'open',
      revealAt: now + schedule.revealAfterMs,
      timezone: schedule.timezone,
      locale: schedule.locale,
      secret: schedule.feedback !== 'instant',
    });
    // Whoever created it first wins; everyone continues with the stored copy.
    instance = await deps.instances.get(channel, id);
    if (!instance) throw new Error(`daily instance ${id} vanished after creation`);
  }
  let status: PostOutcome['status'] = 'already-posted';
  if (!instance.posted) {
    const platform = deps.platforms[channel.platform];
    if (!platform) throw new PermanentJobError(`no ${channel.platform} adapter is running`);
    const question = deps.bank.byId(instance.questionId);
    if (!question) throw new PermanentJobError(`question ${instance.questionId} is no longer in the bank`);
    const locale = instance.locale ?? schedule.locale;
    const card = questionCard(question, instance.id, locale, 'public', platform.capabilities);
    const revealAt = instance.revealAt ?? instance.createdAt + schedule.revealAfterMs;
    // The intent first: a worker killed after the platform took the post but before it was recorded
    // leaves it, and the retry then asks the platform to recognise the repeat (same idempotency key).
    const firstAttempt = await deps.instances.markPostIntent(channel, instance.id, deps.clock.now().getTime());
    const posted = await platform.post(
      channel,
      {
        ...card,
        title: dailyCardTitle(instance, question.id, locale, schedule.timezone),
        footer: `${card.footer ?? ''}\n${dt(locale, 'daily-footer', { time: formatZonedTime(revealAt, schedule.timezone) })}`,
      },
      { idempotencyKey: `post:${instance.id}`, retry: !firstAttempt },
    );
    await deps.instances.setPosted(channel, instance.id, posted);
    // Until the reveal, nobody may practise this question privately (its solution would leak).
    await deps.instances.setPubliclyOpen(channel, instance.id, instance.questionId);
    instance = { ...instance, posted };
    status = 'posted';
  }
  if (instance.state === 'open') {
    await deps.instances.setChannelPointer(channel, 'daily', instance);
    await deps.jobs.scheduleAt(
      { name: 'daily-reveal', id: revealJobId(instance.id), payload: { channel, instanceId: instance.id } },
      instance.revealAt ?? deps.clock.now().getTime(),
    );
  }
  return { status, instance };
}

/** The run key of a scheduled post: the channel's local date, so one post per channel and day. */
export function scheduledRunKey(at: Date, timezone: string): string {
  return localDate(at, timezone).replaceAll('-', '');
}

/** The title of a daily question's message: the date in the channel's zone and the question id. */
export function dailyCardTitle(instance: { createdAt: number }, questionId: string, locale: Locale, timezone: string): string {
  return `${dt(locale, 'daily-title', { date: localDate(new Date(instance.createdAt), timezone) })} · ${questionId}`;
}
