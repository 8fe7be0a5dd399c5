import type { ActionRef } from '../actions/action-codec.js';
import type { BotDeps, UseCaseContext } from '../bot-deps.js';
import { formatLocalTime } from '../daily/daily-messages.js';
import { UserFacingError } from '../errors.js';
import type { AnswerHooks } from '../instances/answer-instance.js';
import type { CommandInvocation, MessageRef } from '../types.js';
import { mt } from './mock-messages.js';
import { endPair, markByCommand, nextQuestion, saveNote, startPair, swapRoles } from './mock-pair.js';
import { lobbyCard } from './mock-render.js';
import { endRound, finishMock, startRound } from './mock-rounds.js';
import { mockPoints } from './mock-scoring.js';
import { lobbyJobId, MAX_PARTICIPANTS, type MockSession, roundInstanceId } from './mock-session.js';

export const DEFAULT_ROUNDS = 5;
export const DEFAULT_SECONDS = 60;
/** A lobby nobody begins starts by itself after this long. */
export const LOBBY_MS = 3 * 60_000;

/** `/mock start|join|leave|begin|skip|end`. */
export async function mockCommand(ctx: UseCaseContext, command: CommandInvocation): Promise<void> {
  switch (command.sub) {
    case 'start':
      return startMock(ctx, command.args);
    case 'join':
      return joinMock(ctx);
    case 'leave':
      return leaveMock(ctx);
    case 'begin':
      return beginByHost(ctx);
    case 'skip':
      return skipRound(ctx);
    case 'pair':
      return startPair(ctx, command.args);
    case 'swap':
      return swapRoles(ctx);
    case 'mark':
      return markByCommand(ctx, command);
    case 'note':
      return saveNote(ctx, command.args.text ?? '');
    case 'next':
      return nextQuestion(ctx);
    default:
      return endMock(ctx);
  }
}

/** The lobby's Join, Leave and Begin buttons. */
export async function mockButton(ctx: UseCaseContext, action: ActionRef): Promise<void> {
  const session = await ctx.deps.mocks.get(ctx.event.channel);
  if (!session || session.id !== action.target) throw new UserFacingError('mock-lobby-closed');
  if (action.value === 'join') return joinMock(ctx);
  if (action.value === 'leave') return leaveMock(ctx);
  return beginByHost(ctx);
}

async function startMock(ctx: UseCaseContext, args: Record<string, string>): Promise<void> {
  const { deps, event, locale } = ctx;
  const topic = args.topic?.trim().toLowerCase();
  const pool = topic ? deps.bank.matchTopicOrTag(topic) : deps.bank.questions;
  if (topic && pool.length === 0) throw new UserFacingError('unknown-topic', { target: topic, topics: deps.bank.topics().join(', ') });
  const now = deps.clock.now().getTime();
  const session: MockSession = {
    id: deps.newId(),
    channel: event.channel,
    hostId: event.user.userId,
    topic,
    rounds: args.rounds ? Number(args.rounds) : DEFAULT_ROUNDS,
    seconds: args.seconds ? Number(args.seconds) : DEFAULT_SECONDS,
    state: 'lobby',
    questionIds: [],
    round: 0,
    scores: {},
    wrong: {},
    createdAt: now,
    locale,
  };
  if (!(await deps.mocks.create(session))) throw new UserFacingError('mock-exists');
  await deps.users.remember(event.channel, event.user);
  await deps.mocks.join(event.channel, session.id, event.user.userId, MAX_PARTICIPANTS); // the host takes part
  await deps.jobs.scheduleAt(
    { name: 'mock-lobby-start', id: lobbyJobId(session.id), payload: { channel: event.channel, sessionId: session.id } },
    now + LOBBY_MS,
  );
  const lobby = await ctx.reply(await lobbyMessage(deps, session));
  if (isRef(lobby)) await deps.mocks.save({ ...session, lobbyMessage: lobby });
}

async function joinMock(ctx: UseCaseContext): Promise<void> {
  const { deps, event, locale } = ctx;
  const session = await deps.mocks.get(event.channel);
  if (!session) throw new UserFacingError('mock-none');
  if (session.state !== 'lobby') throw new UserFacingError('mock-lobby-closed');
  await deps.users.remember(event.channel, event.user);
  const outcome = await deps.mocks.join(event.channel, session.id, event.user.userId, MAX_PARTICIPANTS);
  if (outcome === 'no-session') throw new UserFacingError('mock-none');
  if (outcome === 'full') throw new UserFacingError('mock-full', { max: MAX_PARTICIPANTS });
  await ctx.reply({ visibility: 'private', tone: 'info', text: mt(locale, outcome === 'joined' ? 'mock-joined' : 'mock-already-in') });
  if (outcome === 'joined') await refreshLobby(deps, session);
}

async function leaveMock(ctx: UseCaseContext): Promise<void> {
  const { deps, event, locale } = ctx;
  const session = await deps.mocks.get(event.channel);
  if (!session) throw new UserFacingError('mock-none');
  if (session.state !== 'lobby') throw new UserFacingError('mock-lobby-closed');
  const left = await deps.mocks.leave(event.channel, session.id, event.user.userId);
  await ctx.reply({ visibility: 'private', tone: 'info', text: mt(locale, left ? 'mock-left' : 'mock-not-in') });
  if (left) await refreshLobby(deps, session);
}

async function beginByHost(ctx: UseCaseContext): Promise<void> {
  const { deps, event, locale } = ctx;
  const session = await hostSession(ctx);
  if (session.state !== 'lobby') throw new UserFacingError('mock-already-running');
  await deps.jobs.cancel(event.channel, lobbyJobId(session.id));
  const rounds = await beginMock(deps, session);
  await ctx.reply({ visibility: 'private', tone: 'info', text: mt(locale, 'mock-begun', { rounds }) });
}

/** Plans the questions and opens round 1 (from `/mock begin` or the lobby's own timer). */
export async function beginMock(deps: BotDeps, session: MockSession): Promise<number> {
  const secret = await deps.instances.publiclyOpenQuestions(session.channel);
  const pool = (session.topic ? deps.bank.matchTopicOrTag(session.topic) : [...deps.bank.questions]).filter((q) => !secret.has(q.id));
  const picked: string[] = [];
  const left = [...pool];
  while (picked.length < session.rounds && left.length > 0) {
    const [q] = left.splice(Math.floor(deps.bank.random() * left.length), 1);
    if (q) picked.push(q.id);
  }
  if (picked.length === 0) throw new UserFacingError('mock-empty');
  await startRound(deps, { ...session, questionIds: picked, state: 'running' }, 1);
  return picked.length;
}

async function skipRound(ctx: UseCaseContext): Promise<void> {
  const session = await hostSession(ctx);
  if (session.state !== 'running') throw new UserFacingError('mock-not-started');
  await endRound(ctx.deps, ctx.event.channel, roundInstanceId(session.id, session.round), 'skip');
  await ctx.reply({ visibility: 'private', tone: 'info', text: mt(ctx.locale, 'mock-skipped', { round: session.round }) });
}

async function endMock(ctx: UseCaseContext): Promise<void> {
  const { deps, event, locale } = ctx;
  const session = await deps.mocks.get(event.channel);
  if (!session) {
    if (await endPair(ctx)) return;
    throw new UserFacingError('mock-none');
  }
  if (session.hostId !== event.user.userId && !event.user.isAdmin)
    throw new UserFacingError('mock-host-or-admin', { host: await hostName(deps, session) });
  if (session.state === 'running') {
    const ended = await endRound(deps, event.channel, roundInstanceId(session.id, session.round), 'end');
    if (ended === 'not-open') await finishMock(deps, (await deps.mocks.get(event.channel)) ?? session);
  } else {
    await deps.jobs.cancel(event.channel, lobbyJobId(session.id));
    await finishMock(deps, session);
  }
  await ctx.reply({ visibility: 'private', tone: 'info', text: mt(locale, 'mock-ended') });
}

async function hostSession(ctx: UseCaseContext): Promise<MockSession> {
  const session = await ctx.deps.mocks.get(ctx.event.channel);
  if (!session) throw new UserFacingError('mock-none');
  if (session.hostId !== ctx.event.user.userId) throw new UserFacingError('mock-host-only', { host: await hostName(ctx.deps, session) });
  return session;
}

async function hostName(deps: BotDeps, session: MockSession): Promise<string> {
  return (await deps.users.displayNames(session.channel, [session.hostId])).get(session.hostId) ?? session.hostId;
}

async function lobbyMessage(deps: BotDeps, session: MockSession) {
  const participants = await deps.mocks.participants(session.channel, session.id);
  const names = await deps.users.displayNames(session.channel, participants.concat(session.hostId));
  return lobbyCard(session, participants, names, formatLocalTime(session.createdAt + LOBBY_MS, deps.defaultTimezone));
}

/** The lobby message shows who is in, where the platform can edit it. */
async function refreshLobby(deps: BotDeps, session: MockSession): Promise<void> {
  const platform = deps.platforms[session.channel.platform];
  if (!platform?.capabilities.edits || !session.lobbyMessage) return;
  await platform
    .edit(session.lobbyMessage, await lobbyMessage(deps, session))
    .catch((error: unknown) => deps.errorSink(error, { phase: 'refresh-mock-lobby', sessionId: session.id }));
}

function isRef(value: unknown): value is MessageRef {
  return typeof value === 'object' && value !== null && 'messageId' in value;
}

/** A round's points weigh speed and the run of right rounds; once every participant has answered, the round ends. */
export const MOCK_ANSWER_HOOKS: AnswerHooks = {
  async points(ctx, instance, result, now) {
    const session = await ctx.deps.mocks.get(instance.channel);
    return mockPoints({
      gradePoints: result.points,
      correct: result.correct,
      roundStart: instance.createdAt,
      deadline: instance.revealAt ?? instance.createdAt,
      answeredAt: now,
      streakBefore: session?.scores[ctx.event.user.userId]?.streak ?? 0,
    });
  },
  async after(ctx, instance) {
    const participants = instance.audience.kind === 'participants' ? instance.audience.userIds.length : 0;
    const stats = await ctx.deps.instances.stats(instance.channel, instance.id);
    if (participants > 0 && stats.answered >= participants) await endRound(ctx.deps, instance.channel, instance.id, 'all-answered');
  },
};

/** The lobby's own timer: a lobby nobody began starts by itself. */
export async function startLobbyByTimer(deps: BotDeps, channel: MockSession['channel'], sessionId: string): Promise<string> {
  const session = await deps.mocks.get(channel);
  if (!session || session.id !== sessionId || session.state !== 'lobby') return 'not-in-lobby';
  await beginMock(deps, session);
  return 'begun';
}
