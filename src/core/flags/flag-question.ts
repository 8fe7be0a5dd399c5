import { clip } from '../actions/clip.js';
import type { UseCaseContext } from '../bot-deps.js';
import { UserFacingError } from '../errors.js';
import type { CommandInvocation } from '../types.js';
import { ft } from './flag-messages.js';
import { lastSeenQuestion } from './last-seen-question.js';

/** How much of the prompt names the question in the confirmation. */
const PROMPT_CHARS = 160;

/**
 * `/flag [reason]`: flags the last question the member was shown or answered, one flag per member
 * and question (flagging again updates it). The confirmation names the question by its id and
 * prompt only, never its answer: the question may still be open in a secret daily.
 */
export async function flagQuestion(ctx: UseCaseContext, command: CommandInvocation): Promise<void> {
  const { deps, event, locale } = ctx;
  const seen = await lastSeenQuestion(deps, event.channel, event.user);
  if (!seen) {
    await ctx.reply({ visibility: 'private', tone: 'info', text: ft(locale, 'flag-nothing') });
    return;
  }
  const question = deps.bank.byId(seen.questionId);
  if (!question) throw new UserFacingError('question-gone');
  const outcome = await deps.flags.flag(event.channel, question.id, {
    userId: event.user.userId,
    reason: (command.args.reason ?? '').trim(),
    at: deps.clock.now().getTime(),
    instanceId: seen.instanceId,
    mode: seen.mode,
  });
  const prompt = clip(question.prompt[locale].replace(/\s+/g, ' ').trim(), PROMPT_CHARS);
  const lines = [
    `“${prompt}”`,
    '',
    outcome.reason ? ft(locale, 'flag-reason', { reason: outcome.reason }) : ft(locale, 'flag-no-reason'),
    ft(locale, outcome.status === 'new' ? 'flag-new' : 'flag-updated'),
  ];
  await ctx.reply({ visibility: 'private', tone: 'info', title: ft(locale, 'flag-title', { id: question.id }), text: lines.join('\n') });
}
