import type { BotDeps } from '../bot-deps.js';
import { openInstance } from '../instances/open-instance.js';
import type { StoredAnswer } from '../instances/question-instance.js';
import { PermanentJobError, RetryLaterError } from '../jobs/job-errors.js';
import type { Question } from '../questions/schema.js';
import type { ChannelRef } from '../types.js';
import { mockSummary, roundCard, roundResult } from './mock-render.js';
import { type MockScore, type MockSession, roundInstanceId, roundTimerJobId } from './mock-session.js';

export type RoundEnd = 'timer' | 'all-answered' | 'skip' | 'end';

function platformOf(deps: BotDeps, channel: ChannelRef) {
  const platform = deps.platforms[channel.platform];
  if (!platform) throw new PermanentJobError(`no ${channel.platform} adapter is running`);
  return platform;
}

/**
 * Opens round `round`: the session says so first, the round's instance takes answers, its timer is
 * scheduled, then the question is posted. Safe to run again after a crash half-way (`retry`: the
 * post may be out already): the instance and its timer are kept, and the post is looked for first.
 */
export async function startRound(deps: BotDeps, session: MockSession, round: number, retry = false): Promise<void> {
  const platform = platformOf(deps, session.channel);
  const questionId = session.questionIds[round - 1];
  const question = questionId ? deps.bank.byId(questionId) : undefined;
  if (!question) throw new PermanentJobError(`mock question ${questionId ?? round} is no longer in the bank`);
  const participants = await deps.mocks.participants(session.channel, session.id);
  await deps.mocks.save({ ...session, round, state: 'running' });
  const id = roundInstanceId(session.id, round);
  const now = deps.clock.now().getTime();
  const opened = retry ? await deps.instances.get(session.channel, id) : undefined;
  const revealAt = opened?.revealAt ?? now + session.seconds * 1000;
  if (!opened) {
    await openInstance(deps, {
      id,
      questionId: question.id,
      mode: 'mock',
      channel: session.channel,
      audience: { kind: 'participants', userIds: participants },
      session: { sessionId: session.id, step: round, of: session.questionIds.length },
      createdAt: now,
      revealAt,
      locale: session.locale,
      state: 'open',
    });
  }
  await deps.jobs.scheduleAt(
    { name: 'mock-round-end', id: roundTimerJobId(id), payload: { channel: session.channel, sessionId: session.id, instanceId: id } },
    revealAt,
  );
  const posted = await platform.post(session.channel, roundCard(session, round, question, id, platform.capabilities), {
    idempotencyKey: `mock-round:${id}`,
    retry,
  });
  await deps.instances.setPosted(session.channel, id, posted);
}

/**
 * Ends a round exactly once, whoever gets there first (its timer, the last participant's answer,
 * `/mock skip`, `/mock end`): posts the results, updates the standings, then starts the next round
 * or posts the final results. A timer for a round already ended does nothing. The claim is marked
 * done only when all of that is through, so a run that died half-way is taken over by the timer
 * (once the claim is stale) and finishes the same steps: standings counted once, posts looked for first.
 */
export async function endRound(deps: BotDeps, channel: ChannelRef, instanceId: string, why: RoundEnd): Promise<'ended' | 'not-open'> {
  const claim = await deps.instances.claimReveal(channel, instanceId, deps.clock.now().getTime(), deps.claimStaleMs);
  if (claim === 'busy' && why === 'timer') throw new RetryLaterError(`round ${instanceId} is being ended elsewhere`);
  if (claim !== 'claimed' && claim !== 'reclaimed') return 'not-open';
  const retry = claim === 'reclaimed';
  const [instance, session] = await Promise.all([deps.instances.get(channel, instanceId), deps.mocks.get(channel)]);
  if (!instance || !session || instance.session?.sessionId !== session.id) {
    await deps.instances.markRevealPosted(channel, instanceId);
    return 'not-open';
  }
  const question = deps.bank.byId(instance.questionId);
  if (!question) throw new PermanentJobError(`mock question ${instance.questionId} is no longer in the bank`);
  const participants = instance.audience.kind === 'participants' ? instance.audience.userIds : [];
  const answers = await deps.instances.answers(channel, instanceId);
  const byUser = new Map(answers.map((a) => [a.userId, a]));
  const round = instance.session?.step ?? session.round;
  const rightInOrder = answers.filter((a) => a.result.correct && participants.includes(a.userId)).map((a) => a.userId);
  // A run that died after saving the standings counted this round already.
  const next = (session.scoredRound ?? 0) >= round ? session : scoreRound(session, round, question, participants, byUser, rightInOrder);
  if (next !== session) await deps.mocks.save(next);
  const names = await deps.users.displayNames(channel, participants);
  const platform = platformOf(deps, channel);
  const unanswered = participants.filter((id) => !byUser.has(id));
  await platform.post(channel, roundResult(next, round, question, rightInOrder, unanswered, names, why === 'skip'), {
    idempotencyKey: `mock-result:${instanceId}`,
    retry,
  });
  await Promise.all([
    deps.instances.clearChannelPointer(channel, 'mock', instanceId),
    deps.instances.setPubliclyOpen(channel, instanceId, undefined),
  ]);
  if (why === 'end' || round >= next.questionIds.length) await finishMock(deps, next, retry);
  else if (!retry || !(await deps.instances.get(channel, roundInstanceId(session.id, round + 1)))?.posted) {
    // (A run that died after posting the next round leaves it running: it is not started again.)
    await startRound(deps, next, round + 1, retry);
  }
  await deps.instances.markRevealPosted(channel, instanceId);
  // Cancelled last: until the round's end is through, its timer is what takes over from a dead run.
  if (why !== 'timer') await deps.jobs.cancel(channel, roundTimerJobId(instanceId));
  return 'ended';
}

/** The standings after a round: each participant's points, answers, right answers and run of right rounds. */
function scoreRound(
  session: MockSession,
  round: number,
  question: Question,
  participants: readonly string[],
  byUser: ReadonlyMap<string, StoredAnswer>,
  rightInOrder: readonly string[],
): MockSession {
  const scores: Record<string, MockScore> = { ...session.scores };
  for (const userId of participants) {
    const before = scores[userId] ?? { points: 0, answered: 0, correct: 0, streak: 0, byTopic: {} };
    const answer = byUser.get(userId);
    const topic = before.byTopic[question.topic] ?? { answered: 0, correct: 0 };
    const right = answer?.result.correct === true;
    scores[userId] = {
      points: before.points + Math.max(0, Math.round(answer?.result.points ?? 0)),
      answered: before.answered + (answer ? 1 : 0),
      correct: before.correct + (right ? 1 : 0),
      streak: right ? before.streak + 1 : 0,
      byTopic: answer
        ? { ...before.byTopic, [question.topic]: { answered: topic.answered + 1, correct: topic.correct + (right ? 1 : 0) } }
        : before.byTopic,
    };
  }
  return {
    ...session,
    scores,
    wrong: { ...session.wrong, [question.id]: (session.wrong[question.id] ?? 0) + participants.length - rightInOrder.length },
    scoredRound: round,
  };
}

/** Posts the final results and closes the session (`retry`: a run that died may have posted them). */
export async function finishMock(deps: BotDeps, session: MockSession, retry = false): Promise<void> {
  const names = await deps.users.displayNames(session.channel, Object.keys(session.scores));
  await platformOf(deps, session.channel).post(session.channel, mockSummary(session, names, session.locale), {
    idempotencyKey: `mock-summary:${session.id}`,
    retry,
  });
  await deps.mocks.delete(session.channel);
}
