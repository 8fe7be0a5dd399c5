import type { UseCaseContext } from '../bot-deps.js';
import { UserFacingError } from '../errors.js';
import { renderSolution } from '../grading/index.js';
import { t } from '../i18n/messages.js';
import { recordReview } from '../srs/record-review.js';

/**
 * `/skip`: gives up the member's open /quiz question: it is closed to answers (its buttons too) and
 * the solution is shown; nothing is recorded, so it scores nothing and moves no statistics. Having
 * seen the solution, the member can no longer score the question in practice, and spaced repetition
 * brings it back soon (a skip counts as "again").
 */
export async function skipQuestion(ctx: UseCaseContext): Promise<void> {
  const { deps, event, locale } = ctx;
  const [pending] = await deps.instances.answerTargets(event.channel, event.user.userId, []);
  if (!pending) throw new UserFacingError('nothing-to-skip');
  // A drill step belongs to its session: skipping it would leave the drill waiting for it.
  if (pending.mode !== 'quiz') throw new UserFacingError('skip-only-quiz');
  const question = deps.bank.byId(pending.questionId);
  if (!question) throw new UserFacingError('question-gone');
  const claim = await deps.instances.claimReveal(event.channel, pending.id, deps.clock.now().getTime(), deps.claimStaleMs);
  if (claim === 'missing') throw new UserFacingError('question-gone');
  await Promise.all([
    deps.instances.markRevealPosted(event.channel, pending.id),
    deps.instances.clearUserPointer(event.channel, event.user.userId, pending.id),
    deps.answers.forfeit(event.channel, event.user.userId, question.id),
  ]);
  const stored = await deps.reviews.get(event.channel, event.user.userId, question.id);
  await recordReview(deps, pending, event.user.userId, question.topic, 'again', deps.clock.now().getTime(), stored);
  await ctx.reply({
    visibility: 'private',
    tone: 'info',
    title: t(locale, 'skipped-title', { id: question.id }),
    text: renderSolution(question, locale),
  });
}
