import { clip } from '../actions/clip.js';
import type { UseCaseContext } from '../bot-deps.js';
import { addDays, localDate, periodBuckets } from '../calendar.js';
import { formatLocalTime } from '../daily/daily-messages.js';
import { UserFacingError } from '../errors.js';
import { gradeAnswerWithJudge } from '../grading/grade-answer-with-judge.js';
import { type AnswerInput, renderGradeFeedback, renderInvalidAnswer, renderSolution } from '../grading/index.js';
import { gradedByNote } from '../grading/render-graded-by.js';
import { t } from '../i18n/messages.js';
import type { RecordOutcome } from '../ports.js';
import { ratingForGrade } from '../srs/rating-for-grade.js';
import { recordReview } from '../srs/record-review.js';
import { MODE_POLICIES } from './mode-policies.js';
import { type GradeSummary, type InstanceIdentity, mayAnswer } from './question-instance.js';
import { ratingActions } from './rating-actions.js';

export type AnswerResult = RecordOutcome['status'] | 'invalid';

/** A mode's steps around recording an answer, e.g. a drill's "is this the current step" and "next question". */
export interface AnswerHooks {
  /** Throws a UserFacingError to refuse the answer before anything is recorded. */
  before?(ctx: UseCaseContext, instance: InstanceIdentity): Promise<void>;
  /** The points this answer earns, when the mode weighs them differently from the grade. */
  points?(ctx: UseCaseContext, instance: InstanceIdentity, result: GradeSummary, now: number): Promise<number>;
  /** After the answer is recorded and the member has their feedback. */
  after?(
    ctx: UseCaseContext,
    instance: InstanceIdentity,
    result: GradeSummary & { points: number },
    topic: string,
    present: 'update' | 'reply',
  ): Promise<void>;
}

export interface AnswerOptions {
  /**
   * Another candidate instance is waiting: on "already answered" or "revealed" say nothing and let
   * the caller try it.
   */
  quietOnConflict?: boolean;
  hooks?: AnswerHooks | undefined;
  /** How a hook shows what comes next: replacing the clicked message, or as a new reply. */
  present?: 'update' | 'reply';
}

/** Feedback kinds that would give the solution away while others can still answer. */
const HIDDEN_UNTIL_REVEAL = new Set(['reference', 'self-rate', 'key-points']);

/**
 * Grades a member's answer to an instance and records it (answer, points, streak, boards, pointers)
 * in one atomic step, then tells the member what the mode's policy lets them see now.
 */
export async function answerInstance(
  ctx: UseCaseContext,
  instance: InstanceIdentity,
  input: AnswerInput,
  options: AnswerOptions = {},
): Promise<AnswerResult> {
  const { deps, event, locale } = ctx;
  const { user } = event;
  const policy = MODE_POLICIES[instance.mode];
  if (!mayAnswer(instance, user)) throw new UserFacingError(policy.outsiderMessage);
  const question = deps.bank.byId(instance.questionId);
  if (!question) throw new UserFacingError('question-gone');
  await options.hooks?.before?.(ctx, instance);
  // A timed mock round records at once (its timer and speed points run on), so only the key points grade it.
  const graded = await gradeAnswerWithJudge(question, input, locale, policy.feedback === 'receipt' ? undefined : deps.openAnswerJudge);
  if (graded.status === 'invalid') {
    // Not graded and nothing recorded: the user may answer again.
    await ctx.reply({ visibility: 'private', tone: 'error', text: renderInvalidAnswer(graded, question, locale) });
    return 'invalid';
  }
  const personal = policy.pointer === 'user';
  const rateable = personal && policy.feedback === 'full' && question.kind === 'open';
  const now = deps.clock.now();
  const { week, month } = periodBuckets(now, deps.defaultTimezone);
  const today = localDate(now, user.timezone ?? instance.timezone ?? deps.defaultTimezone);
  // A mode may weigh the grade's points (a mock round's speed and streak bonus).
  const points = options.hooks?.points ? await options.hooks.points(ctx, instance, graded.result, now.getTime()) : graded.result.points;
  const outcome = await deps.answers.record({
    instance,
    user,
    result: { ...graded.result, points },
    topic: question.topic,
    scoreOncePerQuestion: policy.scoreOnce === 'question',
    clearUserPointer: personal,
    makeRateable: rateable,
    defer: instance.secret === true,
    attemptId: deps.newId(),
    week,
    month,
    streak: policy.streak ? { today, yesterday: addDays(today, -1) } : undefined,
    now: now.getTime(),
  });
  switch (outcome.status) {
    case 'missing':
      if (options.quietOnConflict) return outcome.status;
      throw new UserFacingError('question-gone');
    case 'revealed':
    case 'already-answered':
      if (!options.quietOnConflict) {
        const key = outcome.status === 'revealed' ? policy.closedMessage : 'already-answered';
        await ctx.reply({ visibility: 'private', tone: 'info', text: t(locale, key) });
      }
      return outcome.status;
    case 'recorded':
      break;
  }
  const result = graded.result;
  if (policy.feedback === 'receipt' || instance.secret) {
    const picked = 'picked' in result ? result.picked : undefined;
    const answer = picked?.length ? picked.join(' ') : clip(input.type === 'text' ? input.text : input.keys.join(' '), 80);
    const zone = instance.timezone ?? deps.defaultTimezone;
    const text = instance.secret
      ? t(locale, 'answer-receipt-reveal', { answer, time: `${formatLocalTime(instance.revealAt ?? now.getTime(), zone)} ${zone}` })
      : t(locale, 'answer-receipt', { answer });
    await ctx.reply({ visibility: 'private', tone: 'info', text });
    // A secret answer's review waits for the reveal, with its points: a due date would give the verdict away.
    if (!instance.secret && !outcome.retried) {
      const rating = ratingForGrade(result, question.kind, now.getTime() - instance.createdAt);
      await recordReview(deps, instance, user.userId, question.topic, rating, now.getTime(), outcome.review);
    }
    await options.hooks?.after?.(ctx, instance, { ...result, points: outcome.points }, question.topic, options.present ?? 'reply');
    return 'recorded';
  }
  const shown =
    policy.feedback === 'full' ? result : { ...result, feedback: result.feedback.filter((f) => !HIDDEN_UNTIL_REVEAL.has(f.type)) };
  const lines = [renderGradeFeedback(shown, question, locale), ...gradedByNote(shown, locale, deps.openAnswerJudge !== undefined)];
  if (outcome.points > 0) lines.push(t(locale, 'points-earned', { points: outcome.points }));
  else if (result.points > 0) lines.push(t(locale, 'points-none-repeat'));
  if (outcome.streak) lines.push(t(locale, 'streak', { days: outcome.streak }));
  const tone = result.correct ? 'correct' : result.score > 0 ? 'partial' : 'wrong';
  await ctx.reply({
    visibility: 'private',
    tone,
    text: lines.join('\n'),
    actions: rateable ? ratingActions(instance.id, locale) : undefined,
  });
  // Nobody else can see a personal answer, so the solution follows the grade at once (an open
  // question's feedback already ends with its reference answer).
  if (policy.feedback === 'full' && question.kind !== 'open') {
    await ctx.responder.followUp({
      visibility: 'private',
      tone: 'info',
      title: t(locale, 'solution-title'),
      text: renderSolution(question, locale),
    });
  }
  // After the member has their answer: spaced repetition learns from every graded answer, in every mode
  // (once: a re-sent attempt was reviewed the first time).
  if (!outcome.retried) {
    const rating = ratingForGrade(result, question.kind, now.getTime() - instance.createdAt);
    await recordReview(deps, instance, user.userId, question.topic, rating, now.getTime(), outcome.review);
  }
  await options.hooks?.after?.(ctx, instance, { ...result, points: outcome.points }, question.topic, options.present ?? 'reply');
  return 'recorded';
}
