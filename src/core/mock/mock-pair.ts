import { type ActionRef, encodeAction, encodeForm, type FormKind } from '../actions/action-codec.js';
import type { BotDeps, UseCaseContext } from '../bot-deps.js';
import { UserFacingError } from '../errors.js';
import type { Locale } from '../i18n/catalog.js';
import { isOpen, type OpenQuestion } from '../questions/schema.js';
import { ratingForGrade } from '../srs/rating-for-grade.js';
import { recordReview } from '../srs/record-review.js';
import { mentionedUserId } from '../stats/show-stats.js';
import type { CommandInvocation, FormSpec, MessageAction, OutboundMessage } from '../types.js';
import { mt } from './mock-messages.js';

export type Mark = 'covered' | 'partly' | 'missed';
const MARKS: readonly Mark[] = ['covered', 'partly', 'missed'];
const SYMBOL: Record<Mark | 'none', string> = { covered: '✓', partly: '½', missed: '✗', none: '○' };

/** An interviewer and a candidate working through open questions with their rubrics. */
export interface PairSession {
  id: string;
  channel: UseCaseContext['event']['channel'];
  interviewerId: string;
  candidateId: string;
  questionIds: string[];
  /** Index of the current question. */
  index: number;
  marks: Record<string, Mark>;
  note?: string | undefined;
  results: Array<{ questionId: string; candidateId: string; marks: Record<string, Mark>; note?: string | undefined; score: number }>;
  locale: Locale;
}

export const DEFAULT_PAIR_QUESTIONS = 3;

function question(deps: BotDeps, session: PairSession): OpenQuestion {
  const q = deps.bank.byId(session.questionIds[session.index] ?? '');
  if (!q || !isOpen(q)) throw new UserFacingError('question-gone');
  return q;
}

/** `/mock pair <@member> [topic] [questions=N]`: the caller interviews the member. */
export async function startPair(ctx: UseCaseContext, args: Record<string, string>): Promise<void> {
  const { deps, event, locale } = ctx;
  const candidateId = mentionedUserId(args.member ?? '');
  if (!candidateId || candidateId === event.user.userId) throw new UserFacingError('pair-self');
  const topic = args.topic?.trim().toLowerCase();
  const pool = (topic ? deps.bank.matchTopicOrTag(topic) : [...deps.bank.questions]).filter(isOpen);
  if (topic && pool.length === 0 && deps.bank.matchTopicOrTag(topic).length === 0) {
    throw new UserFacingError('unknown-topic', { target: topic, topics: deps.bank.topics().join(', ') });
  }
  const count = Math.min(pool.length, args.questions ? Number(args.questions) : DEFAULT_PAIR_QUESTIONS);
  if (count === 0) throw new UserFacingError('pair-no-questions');
  const left = [...pool];
  const questionIds: string[] = [];
  while (questionIds.length < count) {
    const [q] = left.splice(Math.floor(deps.bank.random() * left.length), 1);
    if (q) questionIds.push(q.id);
  }
  const session: PairSession = {
    id: deps.newId(),
    channel: event.channel,
    interviewerId: event.user.userId,
    candidateId,
    questionIds,
    index: 0,
    marks: {},
    results: [],
    locale,
  };
  if (!(await deps.mocks.createPair(session))) throw new UserFacingError('pair-exists');
  await deps.users.remember(event.channel, event.user);
  const names = await deps.users.displayNames(event.channel, [candidateId]);
  await ctx.reply({
    visibility: 'private',
    tone: 'info',
    text: mt(locale, 'pair-started', { candidate: names.get(candidateId) ?? candidateId, count }),
  });
  await postQuestion(deps, session);
  await ctx.responder.followUp(rubric(deps, session, locale));
}

/** The current question in the channel: the candidate sees only the question. */
async function postQuestion(deps: BotDeps, session: PairSession): Promise<void> {
  const q = question(deps, session);
  const platform = deps.platforms[session.channel.platform];
  if (!platform) throw new Error(`no ${session.channel.platform} adapter is running`);
  const names = await deps.users.displayNames(session.channel, [session.candidateId]);
  await platform.post(
    session.channel,
    {
      visibility: 'public',
      tone: 'question',
      title: mt(session.locale, 'pair-question-title', {
        n: session.index + 1,
        of: session.questionIds.length,
        candidate: names.get(session.candidateId) ?? session.candidateId,
        id: q.id,
      }),
      text: q.prompt[session.locale],
      footer: mt(session.locale, 'pair-question-footer'),
    },
    { idempotencyKey: `pair:${session.id}:${session.index}:${session.candidateId}` },
  );
}

/** The interviewer's private rubric: the reference, each key point with its mark, Note and Next. */
export function rubric(deps: BotDeps, session: PairSession, locale: Locale): OutboundMessage {
  const q = question(deps, session);
  const points = q.keyPoints.map((k, i) => {
    const mark = session.marks[k.id];
    return `${i + 1}. ${SYMBOL[mark ?? 'none']} ${k.text[locale]} (${mt(locale, mark ? `rubric-${mark}` : 'rubric-unmarked')})`;
  });
  const markButtons: MessageAction[] = q.keyPoints.map((k, i) => ({
    type: 'button',
    id: encodeAction({ kind: 'rubric', target: session.id, value: `mark.${i + 1}` }),
    label: `${i + 1} ${SYMBOL[session.marks[k.id] ?? 'none']}`,
    style: session.marks[k.id] === 'covered' ? 'success' : session.marks[k.id] === 'missed' ? 'danger' : 'secondary',
    twin: `/mock mark ${i + 1} covered|partly|missed`,
  }));
  return {
    visibility: 'private',
    tone: 'info',
    title: mt(locale, 'pair-rubric-title', { n: session.index + 1, of: session.questionIds.length, id: q.id }),
    text: [
      q.prompt[locale],
      '',
      mt(locale, 'pair-rubric-reference', { reference: q.reference[locale] }),
      '',
      mt(locale, 'pair-rubric-points'),
      ...points,
      ...(session.note ? ['', mt(locale, 'pair-summary-note', { note: session.note })] : []),
    ].join('\n'),
    actions: [
      ...markButtons,
      {
        type: 'form-button',
        id: encodeAction({ kind: 'note', target: session.id, value: '' }),
        label: mt(locale, 'pair-note'),
        twin: '/mock note <text>',
      },
      {
        type: 'button',
        id: encodeAction({ kind: 'rubric', target: session.id, value: 'next' }),
        label: mt(locale, 'pair-next'),
        style: 'primary',
        twin: '/mock next',
      },
    ],
  };
}

async function interviewerSession(ctx: UseCaseContext): Promise<PairSession> {
  const session = await ctx.deps.mocks.getPair(ctx.event.channel);
  if (!session) throw new UserFacingError('pair-none');
  if (session.interviewerId !== ctx.event.user.userId) {
    const names = await ctx.deps.users.displayNames(session.channel, [session.interviewerId]);
    throw new UserFacingError('pair-not-interviewer', { name: names.get(session.interviewerId) ?? session.interviewerId });
  }
  return session;
}

/** The rubric's Note button: opens the note form. */
export async function openNoteForm(ctx: UseCaseContext, action: ActionRef): Promise<void> {
  await ctx.responder.openForm(noteForm(action.target, ctx.locale));
}

/** A rubric button: a key point cycles through covered, partly, missed; the rubric message is updated. */
export async function rubricButton(ctx: UseCaseContext, action: ActionRef): Promise<void> {
  if (action.value === 'next') return nextQuestion(ctx);
  const point = Number(action.value.replace(/^mark\./, ''));
  const session = await interviewerSession(ctx);
  const q = question(ctx.deps, session);
  const key = q.keyPoints[point - 1]?.id;
  if (!key) throw new UserFacingError('pair-bad-point', { point });
  const current = session.marks[key];
  const next = current ? MARKS[(MARKS.indexOf(current) + 1) % MARKS.length] : 'covered';
  const updated = { ...session, marks: { ...session.marks, [key]: next ?? 'covered' } };
  await ctx.deps.mocks.savePair(updated);
  await ctx.responder.update(rubric(ctx.deps, updated, ctx.locale));
}

/** `/mock mark <point> <covered|partly|missed>`: the typed twin of the rubric buttons. */
export async function markByCommand(ctx: UseCaseContext, command: CommandInvocation): Promise<void> {
  const session = await interviewerSession(ctx);
  const q = question(ctx.deps, session);
  const point = Number(command.args.point);
  const key = q.keyPoints[point - 1]?.id;
  if (!key) throw new UserFacingError('pair-bad-point', { point });
  const updated = { ...session, marks: { ...session.marks, [key]: (command.args.mark ?? 'covered') as Mark } };
  await ctx.deps.mocks.savePair(updated);
  await ctx.reply(rubric(ctx.deps, updated, ctx.locale));
}

function noteForm(sessionId: string, locale: Locale): FormSpec {
  return {
    id: encodeForm('note' satisfies FormKind, sessionId),
    title: mt(locale, 'pair-note-title'),
    submitLabel: mt(locale, 'pair-note'),
    inputs: [{ id: 'note', label: mt(locale, 'pair-note-label'), style: 'paragraph', required: true, maxLength: 1000 }],
  };
}

/** The note form, or `/mock note <text>`. */
export async function saveNote(ctx: UseCaseContext, text: string): Promise<void> {
  const session = await interviewerSession(ctx);
  await ctx.deps.mocks.savePair({ ...session, note: text.trim().slice(0, 1000) });
  await ctx.reply({ visibility: 'private', tone: 'info', text: mt(ctx.locale, 'pair-note-saved') });
}

/**
 * Scores the current question from its marks (covered 1, partly 0.5, missed 0), feeds the
 * candidate's spaced repetition, then shows the next question or the summary to both.
 */
export async function nextQuestion(ctx: UseCaseContext): Promise<void> {
  const { deps } = ctx;
  const session = await interviewerSession(ctx);
  const q = question(deps, session);
  const marked = q.keyPoints.filter((k) => session.marks[k.id]);
  if (marked.length === 0) throw new UserFacingError('pair-unmarked');
  const score =
    q.keyPoints.reduce((n, k) => n + (session.marks[k.id] === 'covered' ? 1 : session.marks[k.id] === 'partly' ? 0.5 : 0), 0) /
    q.keyPoints.length;
  const now = deps.clock.now().getTime();
  const stored = await deps.reviews.get(session.channel, session.candidateId, q.id);
  const rating = ratingForGrade({ score, points: 0, correct: score >= 0.6 }, 'open', Number.POSITIVE_INFINITY);
  await recordReview(
    deps,
    { id: `pair-${session.id}-${session.index}`, questionId: q.id, channel: session.channel },
    session.candidateId,
    q.topic,
    rating,
    now,
    stored,
  );
  const results = [
    ...session.results,
    { questionId: q.id, candidateId: session.candidateId, marks: session.marks, note: session.note, score },
  ];
  const next: PairSession = { ...session, results, index: session.index + 1, marks: {}, note: undefined };
  if (next.index >= next.questionIds.length) {
    await finishPair(ctx, next);
    return;
  }
  await deps.mocks.savePair(next);
  await postQuestion(deps, next);
  await ctx.responder.update(rubric(deps, next, ctx.locale));
}

/** `/mock swap`: the candidate interviews the interviewer on the next question. */
export async function swapRoles(ctx: UseCaseContext): Promise<void> {
  const { deps, event } = ctx;
  const session = await deps.mocks.getPair(event.channel);
  if (!session) throw new UserFacingError('pair-none');
  if (event.user.userId !== session.interviewerId && event.user.userId !== session.candidateId)
    throw new UserFacingError('pair-not-member');
  const swapped: PairSession = {
    ...session,
    interviewerId: session.candidateId,
    candidateId: session.interviewerId,
    marks: {},
    note: undefined,
  };
  await deps.users.remember(event.channel, event.user);
  await deps.mocks.savePair(swapped);
  const names = await deps.users.displayNames(event.channel, [swapped.interviewerId, swapped.candidateId]);
  await ctx.reply({
    visibility: 'public',
    tone: 'info',
    text: mt(session.locale, 'pair-swapped', {
      interviewer: names.get(swapped.interviewerId) ?? swapped.interviewerId,
      candidate: names.get(swapped.candidateId) ?? swapped.candidateId,
    }),
  });
  await postQuestion(deps, swapped);
  const card = rubric(deps, swapped, session.locale);
  // The rubric goes to the new interviewer only.
  if (event.user.userId === swapped.interviewerId) await ctx.responder.followUp(card);
  else await deps.platforms[event.channel.platform]?.postPrivate(event.channel, swapped.interviewerId, card);
}

async function finishPair(ctx: UseCaseContext, session: PairSession): Promise<void> {
  const { deps } = ctx;
  await deps.mocks.deletePair(session.channel);
  const names = await deps.users.displayNames(session.channel, [session.interviewerId, session.candidateId]);
  const lines: string[] = [];
  for (const r of session.results) {
    const q = deps.bank.byId(r.questionId);
    lines.push(
      mt(session.locale, 'pair-summary-question', {
        id: r.questionId,
        candidate: names.get(r.candidateId) ?? r.candidateId,
        score: Math.round(r.score * 100),
      }),
    );
    if (q && isOpen(q)) {
      for (const k of q.keyPoints) lines.push(`  ${SYMBOL[r.marks[k.id] ?? 'none']} ${k.text[session.locale]}`);
    }
    if (r.note) lines.push(`  ${mt(session.locale, 'pair-summary-note', { note: r.note })}`);
  }
  const summary: OutboundMessage = {
    visibility: 'private',
    tone: 'info',
    title: mt(session.locale, 'pair-summary-title'),
    text: lines.join('\n'),
  };
  await ctx.responder.update(summary);
  const other = ctx.event.user.userId === session.interviewerId ? session.candidateId : session.interviewerId;
  await deps.platforms[session.channel.platform]?.postPrivate(session.channel, other, summary);
}

/** `/mock end` for a pair: its summary so far. */
export async function endPair(ctx: UseCaseContext): Promise<boolean> {
  const session = await ctx.deps.mocks.getPair(ctx.event.channel);
  if (!session) return false;
  if (ctx.event.user.userId !== session.interviewerId && ctx.event.user.userId !== session.candidateId && !ctx.event.user.isAdmin) {
    throw new UserFacingError('pair-not-member');
  }
  await finishPair(ctx, session);
  return true;
}
