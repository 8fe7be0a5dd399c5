import type { UseCaseContext } from '../bot-deps.js';
import { UserFacingError } from '../errors.js';
import { t } from '../i18n/messages.js';
import { openInstance } from '../instances/open-instance.js';
import { pickFreshQuestion } from '../questions/pick-fresh-question.js';
import { questionCard } from '../questions/question-card.js';
import type { Question } from '../questions/schema.js';
import type { CommandInvocation } from '../types.js';

/** `/quiz [topic | question-id]`: a personal question, answered with buttons or /answer. */
export async function startQuiz(ctx: UseCaseContext, command: CommandInvocation): Promise<void> {
  const { deps, event } = ctx;
  const [question, [pending]] = await Promise.all([
    chooseQuestion(ctx, command.args.target?.trim().toLowerCase()),
    // The member's unanswered personal question, which this one replaces for typed answers.
    deps.instances.answerTargets(event.channel, event.user.userId, []),
  ]);
  const instanceId = deps.newId();
  await openInstance(deps, {
    id: instanceId,
    questionId: question.id,
    mode: 'quiz',
    channel: event.channel,
    audience: { kind: 'owner', userId: event.user.userId },
    createdAt: deps.clock.now().getTime(),
    state: 'open',
  });
  await ctx.reply(questionCard(question, instanceId, ctx.locale, 'private', ctx.capabilities));
  if (pending) {
    await ctx.responder.followUp({
      visibility: 'private',
      tone: 'info',
      text: t(ctx.locale, 'quiz-replaces', { old: pending.questionId, id: question.id }),
    });
  }
}

/**
 * The question a user asked for: by id, or a fresh one of a topic (or any), never one of today's open
 * team questions, whose solution must wait for the reveal.
 */
async function chooseQuestion(ctx: UseCaseContext, target: string | undefined): Promise<Question> {
  const { deps, event } = ctx;
  const { bank } = deps;
  const publiclyOpen = await deps.instances.publiclyOpenQuestions(event.channel);
  const byId = target ? bank.byId(target) : undefined;
  if (byId) {
    if (publiclyOpen.has(byId.id)) throw new UserFacingError('question-in-daily', { id: byId.id });
    return byId;
  }
  const pool = target ? bank.matchTopicOrTag(target) : bank.questions;
  if (target && pool.length === 0) throw new UserFacingError('unknown-topic', { target, topics: bank.topics().join(', ') });
  // Each user works through a pool before seeing a question again.
  const q = await pickFreshQuestion(deps, event.channel, `quiz:${event.user.userId}:${target ?? 'all'}`, pool, publiclyOpen);
  if (!q) throw new UserFacingError('empty-pool');
  return q;
}
