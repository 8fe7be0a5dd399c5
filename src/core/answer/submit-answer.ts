import type { UseCaseContext } from '../bot-deps.js';
import { addDays, localDate, periodBuckets } from '../calendar.js';
import { UserFacingError } from '../errors.js';
import {
  type AnswerInput,
  gradeAnswer,
  isSelfRating,
  renderGradeFeedback,
  renderInvalidAnswer,
  renderSolution,
  type SelfRating,
  selfRatingLabel,
} from '../grading/index.js';
import { t } from '../i18n/messages.js';
import type { QuestionInstance } from '../ports.js';
import type { CommandInvocation, InboundEvent } from '../types.js';

/** `/answer <text>`: answers the newest open question this user may still answer here. */
export async function submitTypedAnswer(ctx: UseCaseContext, command: CommandInvocation): Promise<void> {
  const instance = await findAnswerTarget(ctx);
  if (!instance) throw new UserFacingError('nothing-to-answer');
  await answerInstance(ctx, instance, { type: 'text', text: command.args.text ?? '' });
}

/** A button or select menu on a question card. */
export async function submitChoice(ctx: UseCaseContext, event: Extract<InboundEvent, { kind: 'choice' }>): Promise<void> {
  const instance = await ctx.deps.instances.get(event.channel, event.instanceId);
  if (!instance) throw new UserFacingError('question-gone');
  await answerInstance(ctx, instance, { type: 'choice', keys: event.keys });
}

/** The user's pending personal question or the channel's open one, whichever is newer and still answerable. */
async function findAnswerTarget(ctx: UseCaseContext): Promise<QuestionInstance | undefined> {
  const { instances } = ctx.deps;
  const { channel, user } = ctx.event;
  const ids = [await instances.pending(channel, user.userId), await instances.channelOpen(channel)];
  const candidates: QuestionInstance[] = [];
  for (const id of ids) {
    if (!id) continue;
    const inst = await instances.get(channel, id);
    if (inst?.state !== 'open') continue;
    if (await instances.answerOf(channel, id, user.userId)) continue;
    candidates.push(inst);
  }
  return candidates.sort((a, b) => b.createdAt - a.createdAt)[0];
}

async function answerInstance(ctx: UseCaseContext, instance: QuestionInstance, input: AnswerInput): Promise<void> {
  const { deps, event, locale } = ctx;
  const { user } = event;
  if (instance.ownerUserId && instance.ownerUserId !== user.userId) throw new UserFacingError('not-your-question');
  if (instance.state === 'revealed') {
    await ctx.reply({ visibility: 'private', tone: 'info', text: t(locale, 'already-revealed') });
    return;
  }
  const question = deps.bank.byId(instance.questionId);
  if (!question) throw new UserFacingError('question-gone');
  const graded = gradeAnswer(question, input);
  if (graded.status === 'invalid') {
    // Not graded and nothing recorded: the user may answer again.
    await ctx.reply({ visibility: 'private', tone: 'error', text: renderInvalidAnswer(graded, question, locale) });
    return;
  }
  const now = deps.clock.now();
  const { week, month } = periodBuckets(now, deps.defaultTimezone);
  const dayZone = user.timezone ?? instance.timezone ?? deps.defaultTimezone;
  const today = localDate(now, dayZone);
  const outcome = await deps.answers.record({
    instance,
    user,
    result: graded.result,
    scoreOncePerQuestion: instance.mode === 'quiz' || instance.mode === 'drill',
    week,
    month,
    streak: instance.mode === 'daily' ? { today, yesterday: addDays(today, -1) } : undefined,
    now: now.getTime(),
  });
  switch (outcome.status) {
    case 'missing':
      throw new UserFacingError('question-gone');
    case 'revealed':
      await ctx.reply({ visibility: 'private', tone: 'info', text: t(locale, 'already-revealed') });
      return;
    case 'already-answered':
      await ctx.reply({ visibility: 'private', tone: 'info', text: t(locale, 'already-answered') });
      return;
    case 'recorded':
      break;
  }
  const result = graded.result;
  const personal = instance.ownerUserId !== undefined;
  // In a channel question the reference answer and key points wait for the reveal.
  const shown = personal ? result : { ...result, feedback: result.feedback.filter((f) => !HIDDEN_UNTIL_REVEAL.has(f.type)) };
  const lines = [renderGradeFeedback(shown, question, locale)];
  if (outcome.points > 0) lines.push(t(locale, 'points-earned', { points: outcome.points }));
  else if (result.points > 0) lines.push(t(locale, 'points-none-repeat'));
  if (outcome.streak) lines.push(t(locale, 'streak', { days: outcome.streak }));
  const tone = result.correct ? 'correct' : result.score > 0 ? 'partial' : 'wrong';
  const rateable = personal && question.kind === 'open';
  await ctx.reply({ visibility: 'private', tone, text: lines.join('\n'), ratingFor: rateable ? instance.id : undefined });
  if (!personal) return;
  await deps.instances.clearPending(event.channel, user.userId);
  if (rateable) await deps.instances.setRateable(event.channel, user.userId, instance.id);
  // Personal practice: nobody else can see it, so the solution follows the grade at once (an open
  // question's feedback already ends with its reference answer).
  if (question.kind !== 'open') {
    await ctx.reply({ visibility: 'private', tone: 'info', title: t(locale, 'solution-title'), text: renderSolution(question, locale) });
  }
}

const HIDDEN_UNTIL_REVEAL = new Set(['reference', 'self-rate', 'key-points']);

/** again/hard/good/easy after an open question: stored with the answer for spaced repetition. */
export async function rateAnswer(ctx: UseCaseContext, event: Extract<InboundEvent, { kind: 'rating' }>): Promise<void> {
  await saveRating(ctx, event.instanceId, event.rating);
}

/** `/rate <again|hard|good|easy>`: the typed fallback of the rating buttons. */
export async function rateByCommand(ctx: UseCaseContext, command: CommandInvocation): Promise<void> {
  const rating = command.args.rating;
  const instanceId = await ctx.deps.instances.rateable(ctx.event.channel, ctx.event.user.userId);
  if (!instanceId || !isSelfRating(rating)) throw new UserFacingError('nothing-to-rate');
  await saveRating(ctx, instanceId, rating);
}

async function saveRating(ctx: UseCaseContext, instanceId: string, rating: SelfRating): Promise<void> {
  const saved = await ctx.deps.instances.setSelfRating(ctx.event.channel, instanceId, ctx.event.user.userId, rating);
  if (!saved) throw new UserFacingError('nothing-to-rate');
  await ctx.reply({
    visibility: 'private',
    tone: 'info',
    text: t(ctx.locale, 'rating-saved', { rating: selfRatingLabel(rating, ctx.locale) }),
  });
}
