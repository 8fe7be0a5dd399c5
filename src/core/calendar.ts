import type { PeriodBucket } from './ports.js';

/** Calendar arithmetic in an IANA zone, without a date library: Intl gives the wall-clock date. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

function formatDate(at: number, timeZone: string): string {
  const parts = formatter(timeZone).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Local dates change only at a zone's midnight, which today's zones put on a quarter hour of UTC. */
const WINDOW_MS = 15 * 60_000;
/** Per zone, the last quarter hour asked about and its date (if the date held all through it). */
const lastWindow = new Map<string, { start: number; date: string }>();

/**
 * The wall-clock date at `at` in `timeZone`, as YYYY-MM-DD. Every answer asks for it a few times
 * and formatting costs microseconds, so the date of the quarter hour last asked about is kept per
 * zone: kept only when the quarter hour starts and ends on the same date, so a zone whose midnight
 * falls inside one (a historical offset in seconds) is always formatted.
 */
export function localDate(at: Date, timeZone: string): string {
  const t = at.getTime();
  const start = t - (((t % WINDOW_MS) + WINDOW_MS) % WINDOW_MS);
  const kept = lastWindow.get(timeZone);
  if (kept?.start === start) return kept.date;
  const date = formatDate(t, timeZone);
  if (formatDate(start, timeZone) === date && formatDate(start + WINDOW_MS - 1, timeZone) === date)
    lastWindow.set(timeZone, { start, date });
  return date;
}

/**
 * The last millisecond of `at`'s day in `timeZone`: found by stepping to the next local date, which
 * is exact across daylight-saving changes to the minute (zones change on whole minutes).
 */
export function endOfLocalDay(at: Date, timeZone: string): number {
  const today = localDate(at, timeZone);
  // Search forward in hour steps, then minute steps, for the first instant of the next local date.
  let t = at.getTime();
  while (localDate(new Date(t + 3600_000), timeZone) === today) t += 3600_000;
  while (localDate(new Date(t + 60_000), timeZone) === today) t += 60_000;
  return t + 60_000 - (t % 60_000) - 1;
}

/** The date `days` after a YYYY-MM-DD date (negative for before). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** ISO-8601 week id of a YYYY-MM-DD date, e.g. 2026-W48 (weeks start on Monday). */
export function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

const DAY = 86_400_000;
/** Period keys outlive their period by this much, so "last week" can still be shown for a while. */
export const WEEK_MARGIN_MS = 14 * DAY;
export const MONTH_MARGIN_MS = 62 * DAY;

/** The week and month buckets `at` falls in, in `timeZone`, with the time their keys may expire. */
export function periodBuckets(at: Date, timeZone: string): { week: PeriodBucket; month: PeriodBucket } {
  const date = localDate(at, timeZone);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
  const weekEnd = Date.parse(`${addDays(date, 8 - weekday)}T00:00:00Z`);
  const [y, m] = date.split('-').map(Number) as [number, number];
  const monthEnd = Date.UTC(y, m, 1);
  return {
    // A day of slack covers zones ahead of UTC, whose local midnight comes before UTC midnight.
    week: { id: isoWeek(date), expireAt: weekEnd + DAY + WEEK_MARGIN_MS },
    month: { id: date.slice(0, 7), expireAt: monthEnd + DAY + MONTH_MARGIN_MS },
  };
}
