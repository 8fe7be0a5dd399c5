import { defineMessages, type Locale, type Params, translate } from '../i18n/catalog.js';

export const dailyMessages = defineMessages({
  en: {
    'daily-title': 'Daily question · {date}',
    'days-every': 'every day',
    'days-weekdays': 'weekdays',
    'days-weekends': 'weekends',
    'day-1': 'Mon',
    'day-2': 'Tue',
    'day-3': 'Wed',
    'day-4': 'Thu',
    'day-5': 'Fri',
    'day-6': 'Sat',
    'day-7': 'Sun',
    'day-separator': ', ',
    'daily-footer': 'Answers are private and hidden until the reveal at {time}. Your first answer counts.',
    'daily-set-done': 'Daily question set for this channel: {days} at {time} ({tz}){topic}, revealed {reveal} later. Next post: {next}.',
    'daily-topic-suffix': ', topic {topic}',
    'daily-next-after-posted': '{at} (today’s question has already been posted)',
    'daily-off-done': 'Daily question turned off for this channel.',
    'daily-off-none': 'This channel has no daily question scheduled.',
    'daily-status-none': 'No daily question is scheduled here. Set one with `/daily set 09:30 tz=Asia/Shanghai`.',
    'daily-status': 'Next post: {next} ({tz}). Schedule: {days} at {time}{topic}. Reveal after {reveal}.',
    'daily-status-open': 'Open question: {id}, {answered} answer(s) so far, reveal at {reveal}.',
    'daily-now-done': 'Posted question {id}; the reveal is at {reveal}.',
    'daily-now-revealed-first': 'The open question {id} was revealed first, so its answers are not lost to the new one.',
    'daily-reveal-none': 'There is no open daily question in this channel.',
    'daily-reveal-already': 'That question has already been revealed.',
    'daily-reveal-done': 'Revealed {id} in this channel.',
    'daily-closed-footer': 'Answers are closed: the reveal is below.',
    'daily-reveal-title': 'Revealed · {id}',
    'daily-reveal-stats': '{correct}/{answered} correct ({share}%).',
    'daily-reveal-nobody': 'Nobody answered this one.',
    'daily-reveal-distribution': 'Answers: {distribution}',
    'daily-reveal-first': 'First correct: {names}',
    'daily-reveal-first-none': 'Nobody got it fully right.',
    'daily-bad-time': '"{value}" is not a time. Use 24-hour HH:MM, e.g. 09:30 or 18:00.',
    'daily-bad-timezone': '"{value}" is not an IANA time zone. Examples: Asia/Shanghai, Europe/Berlin, America/New_York, UTC.',
    'daily-bad-days':
      '"{value}" is not a day list. Use every-day, weekdays, weekends, a list like mon,wed,fri or a range like mon-fri (周一-周五 works too).',
    'daily-bad-reveal': '"{value}" is not a reveal delay. Use 30m, 2h or 1h30m (between 1 minute and 23 hours).',
    'daily-bad-topic': 'Unknown topic "{value}". Topics: {topics}',
  },
  zh: {
    'daily-title': '每日一题 · {date}',
    'days-every': '每天',
    'days-weekdays': '工作日',
    'days-weekends': '周末',
    'day-1': '周一',
    'day-2': '周二',
    'day-3': '周三',
    'day-4': '周四',
    'day-5': '周五',
    'day-6': '周六',
    'day-7': '周日',
    'day-separator': '、',
    'daily-footer': '作答仅自己可见，{time} 揭晓答案前对他人隐藏。以第一次作答为准。',
    'daily-set-done': '本频道的每日一题已设置：{days} {time}（{tz}）{topic}，发布 {reveal} 后揭晓。下一次发布：{next}。',
    'daily-topic-suffix': '，主题 {topic}',
    'daily-next-after-posted': '{at}（今天的题目已经发布过）',
    'daily-off-done': '本频道的每日一题已关闭。',
    'daily-off-none': '本频道没有设置每日一题。',
    'daily-status-none': '这里还没有设置每日一题。可用 `/daily set 09:30 tz=Asia/Shanghai` 设置。',
    'daily-status': '下一次发布：{next}（{tz}）。安排：{days} {time}{topic}。发布 {reveal} 后揭晓。',
    'daily-status-open': '当前题目：{id}，已有 {answered} 人作答，{reveal} 揭晓。',
    'daily-now-done': '已发布题目 {id}，将在 {reveal} 揭晓。',
    'daily-now-revealed-first': '先揭晓了尚未结束的题目 {id}，它的作答不会被新题目吞掉。',
    'daily-reveal-none': '本频道没有待揭晓的每日一题。',
    'daily-reveal-already': '这道题已经揭晓过了。',
    'daily-reveal-done': '已在本频道揭晓 {id}。',
    'daily-closed-footer': '作答已结束，答案见下方揭晓。',
    'daily-reveal-title': '揭晓 · {id}',
    'daily-reveal-stats': '{answered} 人作答，{correct} 人答对（{share}%）。',
    'daily-reveal-nobody': '这道题没有人作答。',
    'daily-reveal-distribution': '选项分布：{distribution}',
    'daily-reveal-first': '最先答对：{names}',
    'daily-reveal-first-none': '没有人完全答对。',
    'daily-bad-time': '“{value}” 不是有效时间。请用 24 小时制 HH:MM，例如 09:30 或 18:00。',
    'daily-bad-timezone': '“{value}” 不是 IANA 时区。例如：Asia/Shanghai、Europe/Berlin、America/New_York、UTC。',
    'daily-bad-days':
      '“{value}” 不是有效的日期设置。可用 每天、工作日、周末，周一,周三,周五 这样的列表，或 周一-周五 这样的范围（也可用 mon-fri）。',
    'daily-bad-reveal': '“{value}” 不是有效的揭晓延迟。请用 30m、2h 或 1h30m（1 分钟到 23 小时之间）。',
    'daily-bad-topic': '未知主题 “{value}”。可选主题：{topics}',
  },
});

export type DailyMessageKey = keyof typeof dailyMessages.en;

export function dt(locale: Locale, key: DailyMessageKey, params?: Params): string {
  return translate(dailyMessages, locale, key, params);
}

/** Building a formatter costs far more than using one (it was a tenth of a daily post's CPU): one per zone. */
const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** A moment as local wall-clock time in a zone: 2026-11-24 09:30. */
export function formatLocalTime(at: number, timeZone: string): string {
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    wallClocks.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(at));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** A local time with its zone, for a line that does not name the zone itself ("2026-12-04 19:00 Asia/Shanghai"). */
export function formatZonedTime(at: number, timeZone: string): string {
  return `${formatLocalTime(at, timeZone)} ${timeZone}`;
}

/** A schedule's days in the member's language: every day, weekdays, weekends, or "Mon, Wed" / "周一、周三". */
export function dayList(days: readonly number[], locale: Locale): string {
  const key = days.join(',');
  if (days.length === 7) return dt(locale, 'days-every');
  if (key === '1,2,3,4,5') return dt(locale, 'days-weekdays');
  if (key === '6,7') return dt(locale, 'days-weekends');
  return days.map((d) => dt(locale, `day-${d}` as DailyMessageKey)).join(dt(locale, 'day-separator'));
}
