import type { BotDeps } from '../bot-deps.js';
import { CHANNEL_MODES } from '../instances/mode-policies.js';
import { seenOf } from '../instances/open-instance.js';
import { mayAnswer } from '../instances/question-instance.js';
import type { ChannelRef, UserRef } from '../types.js';
import type { SeenQuestion } from './flag-ports.js';

/**
 * The question a member saw last in the workspace: their own newest (a quiz, a drill step, a mock
 * round, anything they answered), or a question open in this channel for them posted after it (a
 * daily question reaches everyone in the channel, so nobody is marked as its viewer). One round trip.
 */
export async function lastSeenQuestion(deps: BotDeps, channel: ChannelRef, user: UserRef): Promise<SeenQuestion | undefined> {
  const [own, open] = await Promise.all([
    deps.seen.lastSeen(channel, user.userId),
    deps.instances.answerTargets(channel, user.userId, CHANNEL_MODES),
  ]);
  const candidates = [own, ...open.filter((i) => mayAnswer(i, user)).map((i) => seenOf(i))];
  return candidates.reduce<SeenQuestion | undefined>((newest, c) => (c && (!newest || c.at > newest.at) ? c : newest), undefined);
}
