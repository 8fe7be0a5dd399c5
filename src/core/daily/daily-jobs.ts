import type { ChannelRef } from '../types.js';

/** The id of a channel's recurring daily post (one per channel: setting it again replaces it). */
export function dailyScheduleId(ch: ChannelRef): string {
  // Queue ids must not contain ':' (BullMQ's key separator), so parts are joined with dashes.
  return `daily-${ch.platform}-${ch.workspaceId}-${ch.channelId}`;
}

/** The id of the question instance a channel's post with this run key creates. */
export function dailyInstanceId(ch: ChannelRef, runKey: string): string {
  return `daily-${ch.channelId}-${runKey}`;
}

/** The id of an instance's reveal job: one per instance, so a second schedule is a no-op. */
export function revealJobId(instanceId: string): string {
  return `reveal-${instanceId}`;
}
