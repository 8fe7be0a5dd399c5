import type { UseCaseContext } from '../bot-deps.js';
import { addDays, endOfLocalDay, localDate } from '../calendar.js';
import type { Locale } from '../i18n/catalog.js';
import type { MemberStats } from '../ports.js';
import type { Topic } from '../questions/schema.js';
import { topicName } from '../questions/topic-names.js';
import type { CommandInvocation } from '../types.js';
import { stt } from './stats-messages.js';

const BAR_WIDTH = 10;

/** `<@U123>`, `<@!123>`, `<@U123|ann>` (Discord and Slack mentions) or a plain name (the console). */
export function mentionedUserId(text: string): string {
  const m = /^<@!?([\w.-]+)(?:\|[^>]*)?>$/.exec(text.trim());
  return m?.[1] ?? text.trim().replace(/^@/, '').toLowerCase();
}

/**
 * `/stats [member]`: answered, accuracy, streak, reviews due today and mastery per topic as text bars
 * (the same in the console, a Discord embed and Slack). Another member's stats respect their choice
 * to stay off public boards.
 */
export async function showStats(ctx: UseCaseContext, command: CommandInvocation): Promise<void> {
  const { deps, event, locale } = ctx;
  const targetId = command.args.member ? mentionedUserId(command.args.member) : event.user.userId;
  const self = targetId === event.user.userId;
  const now = deps.clock.now();
  const zone = (self ? event.user.timezone : undefined) ?? deps.defaultTimezone;
  const today = localDate(now, zone);
  const [stats, streak, hidden, names, due] = await Promise.all([
    deps.stats.get(event.channel, targetId),
    deps.leaderboards.streak(event.channel, targetId),
    self ? false : deps.leaderboards.isHidden(event.channel, targetId),
    deps.users.displayNames(event.channel, [targetId]),
    deps.reviews.dueCount(event.channel, targetId, endOfLocalDay(now, zone)),
  ]);
  const name = self ? event.user.displayName : (names.get(targetId) ?? targetId);
  if (hidden) {
    await ctx.reply({ visibility: 'private', tone: 'info', text: stt(locale, 'stats-hidden', { name }) });
    return;
  }
  if (!self && stats.answered === 0 && !names.has(targetId)) {
    await ctx.reply({
      visibility: 'private',
      tone: 'error',
      text: stt(locale, 'stats-unknown-member', { name: command.args.member ?? '' }),
    });
    return;
  }
  const running = streak && (streak.last === today || streak.last === addDays(today, -1)) ? streak.count : 0;
  const lines =
    stats.answered === 0
      ? [stt(locale, 'stats-none')]
      : [stt(locale, 'stats-answered', { answered: stats.answered, accuracy: Math.round((100 * stats.correct) / stats.answered) })];
  lines.push(stt(locale, 'stats-streak', { current: running, best: Math.max(streak?.best ?? 0, running) }));
  lines.push(stt(locale, 'stats-due', { due }));
  if (stats.answered > 0) lines.push('', stt(locale, 'stats-mastery'), masteryChart(stats, locale));
  await ctx.reply({ visibility: 'private', tone: 'info', title: stt(locale, 'stats-title', { name }), text: lines.join('\n') });
}

/** One line a topic: a ten-cell bar, the percentage, the topic and how many answers it rests on. */
export function masteryChart(stats: MemberStats, locale: Locale): string {
  const rows = Object.entries(stats.byTopic)
    .filter(([, t]) => t.answered > 0)
    .sort((a, b) => b[1].score / b[1].answered - a[1].score / a[1].answered)
    .map(([topic, t]) => {
      const share = t.score / t.answered;
      const filled = Math.round(share * BAR_WIDTH);
      const pct = `${Math.round(share * 100)}%`.padStart(4);
      return `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)} ${pct}  ${topicName(topic as Topic, locale)} (${t.answered})`;
    });
  // A code block keeps the bars aligned in Discord and Slack; the console prints it as it is.
  return ['```', ...rows, '```'].join('\n');
}
