import type { UseCaseContext } from '../bot-deps.js';
import { UserFacingError } from '../errors.js';
import { openInstance, seenOf } from '../instances/open-instance.js';
import { questionCard } from '../questions/question-card.js';
import type { OutboundMessage } from '../types.js';
import { drt } from './drill-messages.js';
import { type DrillSession, drillStepInstanceId } from './drill-session.js';

/**
 * The card of the drill's current step, opening its instance the first time (the same instance
 * when a step is shown again, after a restart or `/drill resume`).
 */
export async function drillStepCard(ctx: UseCaseContext, session: DrillSession): Promise<OutboundMessage> {
  const { deps, locale } = ctx;
  const questionId = session.questionIds[session.step];
  const question = questionId ? deps.bank.byId(questionId) : undefined;
  if (!question) throw new UserFacingError('question-gone');
  const id = drillStepInstanceId(session);
  const existing = await deps.instances.get(session.channel, id);
  if (!existing) {
    await openInstance(deps, {
      id,
      questionId: question.id,
      mode: 'drill',
      channel: session.channel,
      audience: { kind: 'owner', userId: session.userId },
      session: { sessionId: session.id, step: session.step + 1, of: session.questionIds.length },
      createdAt: deps.clock.now().getTime(),
      state: 'open',
    });
  } else {
    // Typed answers go to this step again (another quiz may have taken the pointer meanwhile), and
    // it is the member's last question again (what /flag flags).
    await Promise.all([
      deps.instances.setUserPointer(session.channel, session.userId, existing),
      deps.seen.markSeen(session.channel, [session.userId], seenOf(existing, deps.clock.now().getTime())),
    ]);
  }
  const card = questionCard(question, id, locale, 'private', ctx.capabilities);
  return { ...card, title: drt(locale, 'drill-title', { step: session.step + 1, of: session.questionIds.length, id: question.id }) };
}
