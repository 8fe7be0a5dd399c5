import type { UseCaseContext } from '../bot-deps.js';
import { UserFacingError } from '../errors.js';
import { questionCard } from '../questions/question-card.js';
import type { Question } from '../questions/schema.js';
import type { CommandInvocation } from '../types.js';

/** `/quiz [topic | question-id]`: a personal question, answered with buttons or /answer. */
export async function startQuiz(ctx: UseCaseContext, command: CommandInvocation): Promise<void> {
  const { deps, event } = ctx;
  const question = chooseQuestion(ctx, command.args.target?.trim().toLowerCase());
  const instanceId = deps.newId();
  await deps.instances.create({
    id: instanceId,
    questionId: question.id,
    mode: 'quiz',
    channel: event.channel,
    ownerUserId: event.user.userId,
    createdAt: deps.clock.now().getTime(),
    state: 'open',
  });
  await deps.instances.setPending(event.channel, event.user.userId, instanceId);
  await ctx.reply(questionCard(question, instanceId, ctx.locale, 'private', event.channel.platform !== 'console'));
}

function chooseQuestion(ctx: UseCaseContext, target: string | undefined): Question {
  const { bank } = ctx.deps;
  if (!target) {
    const q = bank.pick();
    if (!q) throw new UserFacingError('empty-pool');
    return q;
  }
  const byId = bank.byId(target);
  if (byId) return byId;
  const q = bank.pick({}, bank.matchTopicOrTag(target));
  if (q) return q;
  throw new UserFacingError('unknown-topic', { target, topics: bank.topics().join(', ') });
}
