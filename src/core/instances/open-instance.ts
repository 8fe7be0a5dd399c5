import type { BotDeps } from '../bot-deps.js';
import { MODE_POLICIES } from './mode-policies.js';
import type { QuestionInstance } from './question-instance.js';

/**
 * Stores a new instance and points typed answers at it: a personal mode points its owner's answers
 * here, a channel mode the channel's answers for that mode; a mode whose answers must stay secret
 * keeps the question out of personal practice meanwhile. The writes travel in one round trip.
 */
export async function openInstance(deps: BotDeps, instance: QuestionInstance): Promise<void> {
  const policy = MODE_POLICIES[instance.mode];
  const pointer =
    policy.pointer === 'user' && instance.audience.kind === 'owner'
      ? deps.instances.setUserPointer(instance.channel, instance.audience.userId, instance)
      : policy.pointer === 'channel'
        ? deps.instances.setChannelPointer(instance.channel, instance.mode, instance)
        : Promise.resolve();
  const secret = policy.keepOutOfPractice
    ? deps.instances.setPubliclyOpen(instance.channel, instance.id, instance.questionId)
    : Promise.resolve();
  await Promise.all([deps.instances.create(instance), pointer, secret]);
}
