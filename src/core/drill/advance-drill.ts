import type { UseCaseContext } from '../bot-deps.js';
import { UserFacingError } from '../errors.js';
import type { GradeSummary, InstanceIdentity } from '../instances/question-instance.js';
import { type DrillSession, drillStepInstanceId } from './drill-session.js';
import { drillSummary } from './drill-summary.js';
import { drillStepCard } from './show-drill-step.js';

/** Before recording: only the drill's current question may be answered (not one of a stopped or older drill). */
export async function checkDrillStep(ctx: UseCaseContext, instance: InstanceIdentity): Promise<void> {
  const session = await ctx.deps.drills.get(ctx.event.channel, ctx.event.user.userId);
  if (!session || instance.session?.sessionId !== session.id || drillStepInstanceId(session) !== instance.id) {
    throw new UserFacingError('drill-not-current');
  }
}

/**
 * After a drill step was recorded: note the result, then show the next question (replacing the
 * session's message where the answer came from a click on it) or, after the last, the summary.
 */
export async function advanceDrill(
  ctx: UseCaseContext,
  instance: InstanceIdentity,
  result: GradeSummary & { points: number },
  topic: string,
  present: 'update' | 'reply',
): Promise<void> {
  const { deps, event, locale } = ctx;
  const session = await deps.drills.get(event.channel, event.user.userId);
  if (!session || drillStepInstanceId(session) !== instance.id) return;
  const next = {
    ...session,
    step: session.step + 1,
    results: [
      ...session.results,
      { questionId: instance.questionId, topic, score: result.score, correct: result.correct, points: result.points },
    ],
  };
  const show = (m: Parameters<typeof ctx.reply>[0]) => (present === 'update' ? ctx.responder.update(m) : ctx.reply(m));
  if (next.step >= next.questionIds.length) {
    await deps.drills.delete(event.channel, event.user.userId);
    await show(drillSummary(next, locale, false));
    return;
  }
  await deps.drills.save(next);
  await show(await drillStepCard(ctx, next));
}

/**
 * Steps whose answer was recorded by a process that died before it moved the drill on: their recorded
 * answers move the session on now, so a resumed drill shows the next question rather than one that can
 * only say "already answered". Returns the session to show, or undefined when that finished it (the
 * summary has been shown).
 */
export async function catchUpDrill(ctx: UseCaseContext, session: DrillSession): Promise<DrillSession | undefined> {
  const { deps, event, locale } = ctx;
  let next = session;
  for (;;) {
    const question = deps.bank.byId(next.questionIds[next.step] ?? '');
    const answer = question ? await deps.instances.answerOf(next.channel, drillStepInstanceId(next), next.userId) : undefined;
    if (!question || !answer) break;
    const { score, correct, points } = answer.result;
    next = {
      ...next,
      step: next.step + 1,
      results: [...next.results, { questionId: question.id, topic: question.topic, score, correct, points }],
    };
    if (next.step >= next.questionIds.length) {
      await deps.drills.delete(event.channel, event.user.userId);
      await ctx.reply(drillSummary(next, locale, false));
      return undefined;
    }
  }
  if (next !== session) await deps.drills.save(next);
  return next;
}
