import type { UseCaseContext } from '../bot-deps.js';
import { periodBuckets } from '../calendar.js';
import { t } from '../i18n/messages.js';
import type { BoardRef, Period } from '../ports.js';
import type { CommandInvocation } from '../types.js';

const TOP = 10;

/**
 * `/leaderboard [all|week|month] [server|channel]`: the top 10 in the channel, then the caller's own
 * standing privately (a member hidden from boards must not show up in a public message).
 */
export async function showLeaderboard(ctx: UseCaseContext, command: CommandInvocation): Promise<void> {
  const { deps, event, locale } = ctx;
  const period = (command.args.period ?? 'all') as Period;
  const scope = command.args.scope === 'channel' ? 'channel' : 'server';
  const buckets = periodBuckets(deps.clock.now(), deps.defaultTimezone);
  const bucket = period === 'week' ? buckets.week : period === 'month' ? buckets.month : undefined;
  const board: BoardRef = {
    workspace: event.channel,
    channelId: scope === 'channel' ? event.channel.channelId : undefined,
    period,
    bucket,
  };
  const [top, mine, hidden] = await Promise.all([
    deps.leaderboards.top(board, TOP),
    deps.leaderboards.standing(board, event.user.userId),
    deps.leaderboards.isHidden(event.channel, event.user.userId),
  ]);
  const names = await deps.users.displayNames(
    event.channel,
    top.map((s) => s.userId),
  );
  const rows = top.map((s) => t(locale, 'leaderboard-row', { rank: s.rank, name: names.get(s.userId) ?? s.userId, points: s.points }));
  const you = mine ? t(locale, 'leaderboard-you', { rank: mine.rank, points: mine.points }) : t(locale, 'leaderboard-you-none');
  await ctx.reply({
    visibility: 'public',
    tone: 'info',
    title: `${t(locale, `leaderboard-title-${period}`, { bucket: bucket?.id ?? '' })} · ${t(locale, `leaderboard-scope-${scope}`)}`,
    text: rows.length > 0 ? rows.join('\n') : t(locale, 'leaderboard-empty'),
  });
  await ctx.responder.followUp({
    visibility: 'private',
    tone: 'info',
    text: hidden ? `${you}\n${t(locale, 'leaderboard-you-hidden')}` : you,
  });
}

/** `/leaderboard hide-me` and `show-me`: visibility on public boards; points are kept either way. */
export async function setLeaderboardVisibility(ctx: UseCaseContext, hidden: boolean): Promise<void> {
  await ctx.deps.leaderboards.setHidden(ctx.event.channel, ctx.event.user.userId, hidden);
  await ctx.reply({ visibility: 'private', tone: 'info', text: t(ctx.locale, hidden ? 'hide-me-done' : 'show-me-done') });
}
