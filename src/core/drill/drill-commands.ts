import { type ActionRef, encodeAction } from '../actions/action-codec.js';
import type { UseCaseContext } from '../bot-deps.js';
import { UserFacingError } from '../errors.js';
import type { CommandInvocation, OutboundMessage } from '../types.js';
import { catchUpDrill } from './advance-drill.js';
import { drt } from './drill-messages.js';
import type { DrillSession } from './drill-session.js';
import { drillSummary } from './drill-summary.js';
import { planDrill } from './plan-drill.js';
import { drillStepCard } from './show-drill-step.js';

export const DEFAULT_DRILL_COUNT = 10;
/** An abandoned drill is forgotten after this long. */
export const DRILL_TTL_MS = 12 * 3600_000;

/** `/drill [topic] [count] [difficulty]`, `/drill stop`, `/drill resume`. */
export async function drillCommand(ctx: UseCaseContext, command: CommandInvocation): Promise<void> {
  if (command.sub === 'stop') return stopDrill(ctx);
  if (command.sub === 'resume') return resumeDrill(ctx);
  return startDrill(ctx, command.args, false);
}

/** The Resume and Start over buttons offered when a drill is already running. */
export async function drillButton(ctx: UseCaseContext, action: ActionRef): Promise<void> {
  if (action.value === 'resume') return resumeDrill(ctx);
  const [topic, count, difficulty] = action.value.split('.');
  const args: Record<string, string> = {};
  if (topic) args.topic = topic;
  if (count) args.count = count;
  if (difficulty) args.difficulty = difficulty;
  return startDrill(ctx, args, true);
}

async function startDrill(ctx: UseCaseContext, args: Record<string, string>, over: boolean): Promise<void> {
  const { deps, event, locale } = ctx;
  const current = await deps.drills.get(event.channel, event.user.userId);
  if (current && !over) {
    await ctx.reply(activeDrillOffer(current, args, locale));
    return;
  }
  const topicWord = args.topic?.trim().toLowerCase();
  const difficulty = args.difficulty ? Number(args.difficulty) : undefined;
  let pool = topicWord ? deps.bank.matchTopicOrTag(topicWord) : [...deps.bank.questions];
  if (topicWord && pool.length === 0)
    throw new UserFacingError('unknown-topic', { target: topicWord, topics: deps.bank.topics().join(', ') });
  if (difficulty) pool = pool.filter((q) => q.difficulty === difficulty);
  const count = args.count ? Number(args.count) : DEFAULT_DRILL_COUNT;
  const plan = await planDrill(deps, event.channel, event.user.userId, pool, count);
  if (plan.questionIds.length === 0) throw new UserFacingError('drill-empty');
  const session: DrillSession = {
    id: deps.newId(),
    userId: event.user.userId,
    channel: event.channel,
    topic: topicWord,
    difficulty,
    questionIds: plan.questionIds,
    step: 0,
    results: [],
    startedAt: deps.clock.now().getTime(),
  };
  if (current) await ctx.reply(drillSummary(current, locale, true));
  await deps.drills.save(session);
  const card = await drillStepCard(ctx, session);
  await ctx.reply({ ...card, footer: `${drt(locale, 'drill-due-note', { due: plan.reviews, fresh: plan.fresh })}\n${card.footer ?? ''}` });
}

function activeDrillOffer(current: DrillSession, args: Record<string, string>, locale: UseCaseContext['locale']): OutboundMessage {
  const wanted = [args.topic ?? '', args.count ?? '', args.difficulty ?? ''].join('.');
  return {
    visibility: 'private',
    tone: 'info',
    text: drt(locale, 'drill-active', { step: current.step + 1, of: current.questionIds.length }),
    actions: [
      {
        type: 'button',
        id: encodeAction({ kind: 'drill', target: current.id, value: 'resume' }),
        label: drt(locale, 'drill-resume'),
        style: 'primary',
        twin: '/drill resume',
      },
      {
        type: 'button',
        id: encodeAction({ kind: 'drill', target: current.id, value: wanted }),
        label: drt(locale, 'drill-start-over'),
        style: 'secondary',
        twin: '/drill stop',
      },
    ],
  };
}

async function stopDrill(ctx: UseCaseContext): Promise<void> {
  const { deps, event } = ctx;
  const session = await deps.drills.get(event.channel, event.user.userId);
  if (!session) throw new UserFacingError('drill-none');
  await deps.drills.delete(event.channel, event.user.userId);
  await ctx.reply(drillSummary(session, ctx.locale, true));
}

async function resumeDrill(ctx: UseCaseContext): Promise<void> {
  const session = await ctx.deps.drills.get(ctx.event.channel, ctx.event.user.userId);
  if (!session) throw new UserFacingError('drill-none');
  const current = await catchUpDrill(ctx, session);
  if (current) await ctx.reply(await drillStepCard(ctx, current));
}
