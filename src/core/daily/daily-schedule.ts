import { z } from 'zod';
import { UserFacingError } from '../errors.js';
import { isLocale, type Locale } from '../i18n/catalog.js';
import type { QuestionBank } from '../questions/question-bank.js';
import { parseDays } from './parse-days.js';

export { parseDays };

/** A channel's daily question settings, as stored and as turned into a cron schedule. */
export const dailyScheduleSchema = z.object({
  /** HH:MM, 24-hour, in `timezone`. */
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  timezone: z.string(),
  /** ISO weekday numbers 1 (Mon) .. 7 (Sun). */
  days: z.array(z.number().int().min(1).max(7)).min(1),
  /** A topic id, or any word the one topic resolver reads (`QuestionBank.matchTopicOrTag`): a tag, a name. */
  topic: z.string().optional(),
  revealAfterMs: z.number().int().positive(),
  /** `reveal`: answers get a receipt and results wait for the reveal; `instant`: each answer is graded at once. */
  feedback: z.enum(['reveal', 'instant']).default('reveal'),
  locale: z.enum(['zh', 'en']),
});
export type DailySchedule = z.infer<typeof dailyScheduleSchema>;

export const DEFAULT_REVEAL_MS = 4 * 3600_000;
const MIN_REVEAL_MS = 60_000;
const MAX_REVEAL_MS = 23 * 3600_000;

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export function parseTime(text: string): string {
  const m = /^(\d{1,2})[:：](\d{2})$/.exec(text.trim());
  const h = Number(m?.[1]);
  const min = Number(m?.[2]);
  if (!m || h > 23 || min > 59) throw new UserFacingError('daily-bad-time', { value: text });
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

export function parseTimezone(text: string): string {
  const tz = text.trim();
  try {
    // Intl throws RangeError for a zone it does not know; resolvedOptions canonicalises the case.
    return new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    throw new UserFacingError('daily-bad-timezone', { value: text });
  }
}

/** `30m`, `2h`, `1h30m`, `90s` -> milliseconds, within one minute and 23 hours. */
export function parseDuration(text: string): number {
  const v = text.trim().toLowerCase();
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(v);
  const ms = m && v !== '' ? (Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) * 1000 : Number.NaN;
  if (!(ms >= MIN_REVEAL_MS && ms <= MAX_REVEAL_MS)) throw new UserFacingError('daily-bad-reveal', { value: text });
  return ms;
}

/** A topic word read like `/quiz` reads it; kept as the topic id when it names exactly one topic. */
export function parseTopic(text: string, bank: TopicResolver): string {
  const word = text.trim().toLowerCase();
  if (bank.matchTopicOrTag(word).length === 0) {
    throw new UserFacingError('daily-bad-topic', { value: text, topics: bank.topics().join(', ') });
  }
  const topics = bank.topicsMeant(word);
  return topics.length === 1 && topics[0] ? topics[0] : word;
}

type TopicResolver = Pick<QuestionBank, 'matchTopicOrTag' | 'topicsMeant' | 'topics'>;

/** Builds a schedule from `/daily set` arguments; every problem is a user-facing message. */
export function scheduleFromArgs(
  args: Record<string, string>,
  defaults: { timezone: string; locale: Locale; bank: TopicResolver },
): DailySchedule {
  return {
    time: parseTime(args.time ?? ''),
    timezone: args.tz ? parseTimezone(args.tz) : defaults.timezone,
    days: args.days ? parseDays(args.days) : [1, 2, 3, 4, 5, 6, 7],
    topic: args.topic ? parseTopic(args.topic, defaults.bank) : undefined,
    revealAfterMs: args.reveal ? parseDuration(args.reveal) : DEFAULT_REVEAL_MS,
    feedback: args.feedback === 'instant' ? 'instant' : 'reveal',
    locale: isLocale(defaults.locale) ? defaults.locale : 'en',
  };
}

/** Five-field cron for the schedule (cron's Sunday is 0). */
export function cronPattern(s: DailySchedule): string {
  const [h, m] = s.time.split(':').map(Number) as [number, number];
  const dow =
    s.days.length === 7
      ? '*'
      : s.days
          .map((d) => d % 7)
          .sort((a, b) => a - b)
          .join(',');
  return `${m} ${h} * * ${dow}`;
}

export function describeDays(days: readonly number[]): string {
  if (days.length === 7) return 'every-day';
  if (days.join(',') === '1,2,3,4,5') return 'weekdays';
  return days.map((d) => DAY_NAMES[d - 1]).join(',');
}

export function formatDuration(ms: number): string {
  const h = Math.floor(ms / 3600_000);
  const m = Math.floor((ms % 3600_000) / 60_000);
  return `${h > 0 ? `${h}h` : ''}${m > 0 ? `${m}m` : ''}` || `${Math.round(ms / 1000)}s`;
}
