import type { ActionRef, FormKind } from '../actions/action-codec.js';
import type { UseCaseContext } from '../bot-deps.js';
import { findCommand, usageOf } from '../commands.js';
import { UserFacingError } from '../errors.js';
import { type AnswerInput, isSelfRating, type SelfRating, selfRatingLabel } from '../grading/index.js';
import { t } from '../i18n/messages.js';
import { answerInstance } from '../instances/answer-instance.js';
import { CHANNEL_MODES } from '../instances/mode-policies.js';
import { mayAnswer } from '../instances/question-instance.js';
import { answeredCard, questionCard } from '../questions/question-card.js';
import { OPTION_KEYS, type OptionKey } from '../questions/schema.js';
import { replaceReviewRating } from '../srs/record-review.js';
import type { CommandInvocation } from '../types.js';
import { ANSWER_FIELD, answerForm } from './answer-form.js';
import { ANSWER_HOOKS } from './answer-hooks.js';
import { readInstance } from './early-reads.js';

/**
 * `/answer <text>`: answers the newest open question this user may still answer here (their own
 * quiz or drill step, or the channel's daily question or mock round). Without text, on a platform
 * with forms, it opens the answer form instead.
 */
export async function submitTypedAnswer(ctx: UseCaseContext, command: CommandInvocation): Promise<void> {
  const { deps, event } = ctx;
  const text = command.args.text?.trim() ?? '';
  // One MGET for every pointer, read with the event's first round trip (early reads); the record
  // script re-checks state and lock-in atomically.
  const open = (await (ctx.early?.answerTargets ?? deps.instances.answerTargets(event.channel, event.user.userId, CHANNEL_MODES)))
    .filter((i) => mayAnswer(i, event.user))
    .sort((a, b) => b.createdAt - a.createdAt);
  if (open.length === 0) throw new UserFacingError('nothing-to-answer');
  const wanted = command.args.id?.trim().toLowerCase();
  const targets = wanted ? open.filter((i) => i.questionId === wanted || i.id.toLowerCase() === wanted) : open;
  if (targets.length === 0) {
    throw new UserFacingError('answer-id-not-open', { id: command.args.id ?? '', open: open.map((i) => i.questionId).join(', ') });
  }
  if (!text) {
    const newest = targets[0];
    if (ctx.capabilities.forms && newest) {
      await ctx.responder.openForm(answerForm(newest.id, newest.questionId, ctx.locale));
      return;
    }
    const spec = findCommand('answer');
    throw new UserFacingError('usage-missing', { option: 'text', usage: spec ? usageOf(spec) : '/answer <text>' });
  }
  for (const [i, target] of targets.entries()) {
    const result = await answerInstance(
      naming(ctx, target.questionId),
      target,
      { type: 'text', text },
      { quietOnConflict: i < targets.length - 1, hooks: ANSWER_HOOKS[target.mode] },
    );
    if (result !== 'already-answered' && result !== 'revealed' && result !== 'missing') return;
  }
}

/** A typed answer goes to whichever question is open: its first reply names the question it went to. */
function naming(ctx: UseCaseContext, questionId: string): UseCaseContext {
  let named = false;
  return {
    ...ctx,
    reply: (message) => {
      const first = !named;
      named = true;
      return ctx.reply(first && !message.title ? { ...message, title: t(ctx.locale, 'answer-to', { id: questionId }) } : message);
    },
  };
}

async function answerById(ctx: UseCaseContext, instanceId: string, input: AnswerInput): Promise<void> {
  const instance = await readInstance(ctx.deps, ctx.early, ctx.event, instanceId);
  if (!instance) throw new UserFacingError('question-gone');
  await answerInstance(ctx, instance, input, { hooks: ANSWER_HOOKS[instance.mode] });
}

function optionKeys(values: readonly string[]): OptionKey[] {
  const keys = values.map((v) => v.toUpperCase());
  if (keys.length === 0 || !keys.every((k): k is OptionKey => (OPTION_KEYS as readonly string[]).includes(k))) {
    throw new UserFacingError('stale-action');
  }
  return keys;
}

/** A choice button under a shared question: the option key travels in the action id. */
export async function answerByButton(ctx: UseCaseContext, action: ActionRef): Promise<void> {
  await answerById(ctx, action.target, { type: 'choice', keys: optionKeys(action.value.split('')) });
}

/** A choice button on the member's own card: once recorded, the card shows the pick with its buttons disabled. */
export async function answerOwnCard(ctx: UseCaseContext, action: ActionRef): Promise<void> {
  await answerOwn(ctx, action.target, optionKeys(action.value.split('')));
}

/** A multi-select on the member's own card: the same, with the chosen keys from the menu. */
export async function answerOwnSelect(ctx: UseCaseContext, action: ActionRef, values: readonly string[]): Promise<void> {
  if (values.length === 0) throw new UserFacingError('select-empty');
  await answerOwn(ctx, action.target, optionKeys(values));
}

async function answerOwn(ctx: UseCaseContext, instanceId: string, keys: OptionKey[]): Promise<void> {
  const instance = await readInstance(ctx.deps, ctx.early, ctx.event, instanceId);
  if (!instance) throw new UserFacingError('question-gone');
  const hooks = ANSWER_HOOKS[instance.mode];
  const result = await answerInstance(ctx, instance, { type: 'choice', keys }, { hooks, present: 'update' });
  const question = ctx.deps.bank.byId(instance.questionId);
  // A mode that moves on (a drill's next question) has already replaced the card.
  if (result !== 'recorded' || !question || hooks?.after) return;
  await ctx.responder.update(answeredCard(questionCard(question, instance.id, ctx.locale, 'private', ctx.capabilities), keys));
}

/** A multi-select menu (Slack: checkboxes and a submit button): the chosen keys come with the event. */
export async function answerBySelect(ctx: UseCaseContext, action: ActionRef, values: readonly string[]): Promise<void> {
  // Checkboxes can be submitted with none ticked; that is a slip to point out, not a stale button.
  if (values.length === 0) throw new UserFacingError('select-empty');
  await answerById(ctx, action.target, { type: 'choice', keys: optionKeys(values) });
}

/** The Answer button of a short or open question: opens the answer form (no lookup, so it is instant). */
export async function openAnswerForm(ctx: UseCaseContext, action: ActionRef): Promise<void> {
  await ctx.responder.openForm(answerForm(action.target, undefined, ctx.locale));
}

/** A submitted answer form. */
export async function answerByForm(ctx: UseCaseContext, form: ActionRef<FormKind>, fields: Record<string, string>): Promise<void> {
  await answerById(ctx, form.target, { type: 'text', text: fields[ANSWER_FIELD] ?? '' });
}

/** again/hard/good/easy button after an open question (a second click changes the rating). */
export async function rateByButton(ctx: UseCaseContext, action: ActionRef): Promise<void> {
  if (!isSelfRating(action.value)) throw new UserFacingError('stale-action');
  await saveRating(ctx, action.target, action.value);
}

/** `/rate <again|hard|good|easy>`: the typed fallback of the rating buttons. */
export async function rateByCommand(ctx: UseCaseContext, command: CommandInvocation): Promise<void> {
  const rating = command.args.rating;
  const instanceId = await ctx.deps.instances.rateable(ctx.event.channel, ctx.event.user.userId);
  if (!instanceId || !isSelfRating(rating)) throw new UserFacingError('nothing-to-rate');
  await saveRating(ctx, instanceId, rating);
}

async function saveRating(ctx: UseCaseContext, instanceId: string, rating: SelfRating): Promise<void> {
  const { deps, event } = ctx;
  const [saved, instance] = await Promise.all([
    deps.instances.setSelfRating(event.channel, instanceId, event.user.userId, rating),
    deps.instances.get(event.channel, instanceId),
  ]);
  if (!saved || !instance) throw new UserFacingError('nothing-to-rate');
  await ctx.reply({
    visibility: 'private',
    tone: 'info',
    text: t(ctx.locale, 'rating-saved', { rating: selfRatingLabel(rating, ctx.locale) }),
  });
  await replaceReviewRating(deps, event.channel, event.user.userId, instance.questionId, instance.id, rating);
}
