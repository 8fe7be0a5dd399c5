import type { ChannelRef } from '../types.js';

/**
 * One part of a job or instance id. Queue ids must not contain ':' (BullMQ's key separator) and parts
 * are joined with '-', so '%', ':' and '-' inside a part are percent-encoded: workspace `T1-X` with
 * channel `C2` and workspace `T1` with channel `X-C2` get different ids. Ids of the usual platforms
 * (digits and letters) are unchanged by it.
 */
export function idPart(part: string): string {
  return part.replace(/[%:-]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The id of a channel's recurring daily post (one per channel: setting it again replaces it). */
export function dailyScheduleId(ch: ChannelRef): string {
  return ['daily', ch.platform, ch.workspaceId, ch.channelId].map(idPart).join('-');
}

/**
 * The id of the question instance a channel's post with this run key creates. The run key is ours
 * (a date, or `now-<id>`) and comes last, so only the channel needs escaping.
 */
export function dailyInstanceId(ch: ChannelRef, runKey: string): string {
  return `daily-${idPart(ch.channelId)}-${runKey}`;
}

/** The id of an instance's reveal job: one per instance, so a second schedule is a no-op. */
export function revealJobId(instanceId: string): string {
  return `reveal-${instanceId}`;
}
