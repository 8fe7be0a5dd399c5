import type { BotDeps } from '../bot-deps.js';
import type { SeenQuestion } from '../flags/flag-ports.js';
import { MODE_POLICIES } from './mode-policies.js';
import type { InstanceIdentity, QuestionInstance } from './question-instance.js';

/**
 * Stores a new instance and points typed answers at it: a personal mode points its owner's answers
 * here, a channel mode the channel's answers for that mode; a mode whose answers must stay secret
 * keeps the question out of personal practice meanwhile, and its viewers' last-seen question is this
 * one. The writes travel in one round trip.
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
  // Who is shown it, for /flag: the owner or the round's participants (a channel's daily post is
  // found through the channel pointer instead, as nobody knows who read it).
  const viewers =
    instance.audience.kind === 'owner'
      ? [instance.audience.userId]
      : instance.audience.kind === 'participants'
        ? instance.audience.userIds
        : [];
  const seen = deps.seen.markSeen(instance.channel, viewers, seenOf(instance));
  await Promise.all([deps.instances.create(instance), pointer, secret, seen]);
}

/** An instance as the last question its viewers saw, from the moment it was shown. */
export function seenOf(instance: InstanceIdentity, at: number = instance.createdAt): SeenQuestion {
  return { instanceId: instance.id, questionId: instance.questionId, mode: instance.mode, channelId: instance.channel.channelId, at };
}
