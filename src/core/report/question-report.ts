import type { UseCaseContext } from '../bot-deps.js';
import { UserFacingError } from '../errors.js';
import type { CommandInvocation } from '../types.js';
import { type FlaggedItem, renderReport } from './render-report.js';
import { reportFigures } from './report-figures.js';
import { rt } from './report-messages.js';

export const DEFAULT_REPORT_LIMIT = 10;

/**
 * `/questions report [topic] [limit]` (admins, private): accuracy per question, the hardest, the most
 * flagged with their latest reasons, and which options choice questions' answers picked, all from the
 * counts recorded with each answer. A question open in a channel is left out until its reveal, so the
 * report never tells anyone (an admin who is answering too) how a secret question is going.
 */
export async function questionReport(ctx: UseCaseContext, command: CommandInvocation): Promise<void> {
  const { deps, event, locale } = ctx;
  const word = command.args.topic?.trim().toLowerCase();
  const pool = word ? deps.bank.matchTopicOrTag(word) : [...deps.bank.questions];
  if (word && pool.length === 0) throw new UserFacingError('unknown-topic', { target: word, topics: deps.bank.topics().join(', ') });
  const limit = command.args.limit ? Number(command.args.limit) : DEFAULT_REPORT_LIMIT;

  // One round trip: every pool question's counts, the flag index and the questions still open.
  const [stats, counts, open] = await Promise.all([
    deps.questionStats.get(
      event.channel,
      pool.map((q) => q.id),
    ),
    deps.flags.flagCounts(event.channel),
    deps.instances.publiclyOpenQuestions(event.channel),
  ]);
  const shown = pool.filter((q) => !open.has(q.id));
  const inReport = new Set(shown.map((q) => q.id));
  const flaggedCounts = counts.filter((c) => inReport.has(c.questionId)).slice(0, limit);
  const flags = await deps.flags.flagsOf(
    event.channel,
    flaggedCounts.map((c) => c.questionId),
  );
  const flagged: FlaggedItem[] = flaggedCounts.map((c) => ({ ...c, flags: flags.get(c.questionId) ?? [] }));
  const flaggers = [...new Set(flagged.flatMap((f) => f.flags.map((fl) => fl.userId)))];
  const names = flaggers.length > 0 ? await deps.users.displayNames(event.channel, flaggers) : new Map<string, string>();

  const messages = renderReport({
    scope: word ? deps.bank.topicsMeant(word).join(', ') || word : rt(locale, 'report-scope-all'),
    figures: reportFigures(shown, stats, limit),
    limit,
    flagged,
    names,
    held: pool.length - shown.length,
    timezone: event.user.timezone ?? deps.defaultTimezone,
    locale,
  });
  const [first, ...rest] = messages;
  if (first) await ctx.reply(first);
  for (const message of rest) await ctx.responder.followUp(message);
}
