import type { UseCaseContext } from '../bot-deps.js';
import { topicName } from '../questions/topic-names.js';
import type { ChannelRef, CommandInvocation } from '../types.js';
import { dailyScheduleId } from './daily-jobs.js';
import { dayList, dt, formatZonedTime } from './daily-messages.js';
import type { DailyDeps } from './daily-ports.js';
import { cronPattern, type DailySchedule, formatDuration, scheduleFromArgs } from './daily-schedule.js';
import { describeNextDailyPost } from './next-daily-post.js';
import { postDailyQuestion } from './post-daily-question.js';
import { revealDailyQuestion } from './reveal-daily-question.js';
import { revealOpenDaily } from './reveal-open-daily.js';

type Ctx = UseCaseContext<DailyDeps>;

/** `/daily set|off|now|reveal|status` (admin-only; the Bot checks before we get here). */
export async function dailyCommand(ctx: Ctx, command: CommandInvocation): Promise<void> {
  switch (command.sub) {
    case 'set':
      return setDaily(ctx, command.args);
    case 'off':
      return dailyOff(ctx);
    case 'now':
      return dailyNow(ctx);
    case 'reveal':
      return dailyReveal(ctx);
    default:
      return dailyStatus(ctx);
  }
}

function scheduleParams(ctx: Ctx, s: DailySchedule) {
  return {
    days: dayList(s.days, ctx.locale),
    time: s.time,
    tz: s.timezone,
    topic: s.topic
      ? dt(ctx.locale, 'daily-topic-suffix', { topic: ctx.deps.bank.isTopic(s.topic) ? topicName(s.topic, ctx.locale) : s.topic })
      : '',
    reveal: formatDuration(s.revealAfterMs),
  };
}

async function setDaily(ctx: Ctx, args: Record<string, string>): Promise<void> {
  const { deps, event } = ctx;
  const schedule = scheduleFromArgs(args, { timezone: event.user.timezone ?? deps.defaultTimezone, locale: ctx.locale, bank: deps.bank });
  await deps.schedules.set(event.channel, schedule);
  await deps.jobs.repeat(
    dailyScheduleId(event.channel),
    { cron: cronPattern(schedule), timezone: schedule.timezone },
    { name: 'daily-post', payload: { channel: event.channel } },
  );
  const next = await describeNextDailyPost(deps, event.channel, schedule, ctx.locale);
  await ctx.reply({
    visibility: 'public',
    tone: 'info',
    text: dt(ctx.locale, 'daily-set-done', { ...scheduleParams(ctx, schedule), next }),
  });
}

/** Stops a channel's daily posts: the recurring job and the stored settings. */
export async function endDailySchedule(deps: DailyDeps, channel: ChannelRef): Promise<void> {
  await deps.jobs.stopRepeat(channel, dailyScheduleId(channel));
  await deps.schedules.delete(channel);
}

async function dailyOff(ctx: Ctx): Promise<void> {
  const { deps, event } = ctx;
  const existing = await deps.schedules.get(event.channel);
  await endDailySchedule(deps, event.channel);
  await ctx.reply({ visibility: 'public', tone: 'info', text: dt(ctx.locale, existing ? 'daily-off-done' : 'daily-off-none') });
}

async function dailyStatus(ctx: Ctx): Promise<void> {
  const { deps, event } = ctx;
  const schedule = await deps.schedules.get(event.channel);
  const lines: string[] = [];
  if (!schedule) {
    lines.push(dt(ctx.locale, 'daily-status-none'));
  } else {
    const next = await describeNextDailyPost(deps, event.channel, schedule, ctx.locale);
    lines.push(dt(ctx.locale, 'daily-status', { ...scheduleParams(ctx, schedule), next }));
  }
  const pointer = await deps.instances.channelPointer(event.channel, 'daily');
  const open = pointer ? await deps.instances.get(event.channel, pointer.id) : undefined;
  if (open && open.state === 'open') {
    const stats = await deps.instances.stats(event.channel, open.id);
    const tz = schedule?.timezone ?? open.timezone ?? deps.defaultTimezone;
    lines.push(
      dt(ctx.locale, 'daily-status-open', {
        id: open.questionId,
        answered: stats.answered,
        reveal: open.revealAt ? formatZonedTime(open.revealAt, tz) : '-',
      }),
    );
  }
  await ctx.reply({ visibility: 'private', tone: 'info', text: lines.join('\n') });
}

async function dailyNow(ctx: Ctx): Promise<void> {
  const { deps, event } = ctx;
  const revealed = await revealOpenDaily(deps, event.channel, undefined, 'command');
  // An extra post on demand: its own run key, so it never collides with the scheduled one.
  const { instance } = await postDailyQuestion(deps, event.channel, `now-${deps.newId()}`);
  const tz = instance.timezone ?? deps.defaultTimezone;
  const done = dt(ctx.locale, 'daily-now-done', {
    id: instance.questionId,
    reveal: instance.revealAt ? formatZonedTime(instance.revealAt, tz) : '-',
  });
  await ctx.reply({
    visibility: 'private',
    tone: 'info',
    text: revealed ? `${dt(ctx.locale, 'daily-now-revealed-first', { id: revealed })}\n${done}` : done,
  });
}

async function dailyReveal(ctx: Ctx): Promise<void> {
  const { deps, event } = ctx;
  // Only the daily question: a mock round open in the same channel has its own pointer and rules.
  const open = await deps.instances.channelPointer(event.channel, 'daily');
  if (!open) {
    await ctx.reply({ visibility: 'private', tone: 'info', text: dt(ctx.locale, 'daily-reveal-none') });
    return;
  }
  const outcome = await revealDailyQuestion(deps, event.channel, open.id, 'command');
  const key = outcome === 'revealed' ? 'daily-reveal-done' : outcome === 'missing' ? 'daily-reveal-none' : 'daily-reveal-already';
  // Always a private word back: a platform that deferred this command waits for one.
  await ctx.reply({ visibility: 'private', tone: 'info', text: dt(ctx.locale, key, { id: open.questionId }) });
}
