import type { ChannelRef } from '../types.js';
import type { DailyDeps } from './daily-ports.js';
import { revealDailyQuestion } from './reveal-daily-question.js';

/**
 * Before a new daily post: reveals the channel's open daily question (unless it is the one about to
 * be posted, a retried run), so it never stays open with its answers going to the new one and its
 * reveal lost. Returns the question id it revealed.
 */
export async function revealOpenDaily(
  deps: DailyDeps,
  channel: ChannelRef,
  nextInstanceId: string | undefined,
  trigger: 'job' | 'command',
): Promise<string | undefined> {
  const open = await deps.instances.channelPointer(channel, 'daily');
  if (!open || open.id === nextInstanceId) return undefined;
  const outcome = await revealDailyQuestion(deps, channel, open.id, trigger);
  return outcome === 'revealed' ? open.questionId : undefined;
}
