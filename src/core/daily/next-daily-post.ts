import { addDays, localDate } from '../calendar.js';
import type { ChannelRef } from '../types.js';
import { dailyInstanceId, dailyScheduleId } from './daily-jobs.js';
import { dt, formatLocalTime } from './daily-messages.js';
import type { DailyDeps } from './daily-ports.js';
import type { DailySchedule } from './daily-schedule.js';
import { scheduledRunKey } from './post-daily-question.js';

/**
 * When the next scheduled post really comes, as shown to admins. A scheduled run posts once per
 * local date, so a run due on a date whose question is already out posts nothing: moving today's
 * time later after today's post means the next post is on the next scheduled day.
 */
export async function describeNextDailyPost(deps: DailyDeps, channel: ChannelRef, schedule: DailySchedule, locale: 'zh' | 'en') {
  const next = await deps.jobs.nextRun(channel, dailyScheduleId(channel));
  if (!next) return '-';
  const runKey = scheduledRunKey(new Date(next), schedule.timezone);
  const already = await deps.instances.get(channel, dailyInstanceId(channel, runKey));
  if (!already?.posted) return formatLocalTime(next, schedule.timezone);
  let date = localDate(new Date(next), schedule.timezone);
  do date = addDays(date, 1);
  while (!schedule.days.includes(isoWeekday(date)));
  return dt(locale, 'daily-next-after-posted', { at: `${date} ${schedule.time}` });
}

function isoWeekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}
