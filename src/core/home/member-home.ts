import type { BotDeps } from '../bot-deps.js';
import { addDays, endOfLocalDay, localDate, periodBuckets } from '../calendar.js';
import type { Locale } from '../i18n/catalog.js';
import type { BoardRef, Standing, StreakRecord } from '../ports.js';
import type { OutboundMessage, UserRef, WorkspaceRef } from '../types.js';
import { ht } from './home-messages.js';

/**
 * A member's own page (Slack's App Home): points and rank on the workspace's all-time and weekly
 * boards, their daily streak, and how to start. Three reads that travel together.
 */
export async function memberHome(deps: BotDeps, workspace: WorkspaceRef, user: UserRef, locale: Locale): Promise<OutboundMessage> {
  const now = deps.clock.now();
  const { week } = periodBuckets(now, deps.defaultTimezone);
  const board = (period: BoardRef['period'], bucket?: BoardRef['bucket']): BoardRef => ({ workspace, period, bucket });
  const zone = user.timezone ?? deps.defaultTimezone;
  const [allTime, thisWeek, streak, due] = await Promise.all([
    deps.leaderboards.standing(board('all'), user.userId),
    deps.leaderboards.standing(board('week', week), user.userId),
    deps.leaderboards.streak(workspace, user.userId),
    deps.reviews.dueCount(workspace, user.userId, endOfLocalDay(now, zone)),
  ]);
  const standing = (s: Standing | undefined) =>
    s ? ht(locale, 'home-standing', { points: s.points, rank: s.rank }) : ht(locale, 'home-no-points');
  const today = localDate(now, zone);
  return {
    visibility: 'private',
    tone: 'info',
    title: ht(locale, 'home-title'),
    text: [
      ht(locale, 'home-intro'),
      '',
      streakLine(streak, today, locale),
      ht(locale, 'home-due', { due }),
      '',
      ht(locale, 'home-start'),
    ].join('\n'),
    fields: [
      { label: ht(locale, 'home-all-time'), value: standing(allTime) },
      { label: ht(locale, 'home-this-week', { week: week.id }), value: standing(thisWeek) },
    ],
    footer: ht(locale, 'home-footer'),
  };
}

/** A streak is running while its last day is today or yesterday in the member's zone. */
function streakLine(streak: StreakRecord | undefined, today: string, locale: Locale): string {
  if (!streak) return ht(locale, 'home-streak-none');
  const running = streak.last === today || streak.last === addDays(today, -1);
  const best = Math.max(streak.best, streak.count);
  return running ? ht(locale, 'home-streak', { days: streak.count, best }) : ht(locale, 'home-streak-broken', { best });
}
