import type { ChannelRef, WorkspaceRef } from '../../core/types.js';

/**
 * Every Redis key PrepBot uses is built here. Keys that one Lua script or MULTI touches together
 * share the workspace hash tag `{ws:<platform>:<workspace>}`, so the same code runs on Redis
 * Cluster, where a script may only touch keys of one slot.
 */
export class RedisKeys {
  constructor(readonly prefix: string) {}

  /** The hash-tagged root of everything that belongs to one workspace. */
  workspace(ws: WorkspaceRef): string {
    return `${this.prefix}:{ws:${ws.platform}:${safe(ws.workspaceId)}}`;
  }

  instance(ws: WorkspaceRef, id: string): string {
    return `${this.workspace(ws)}:inst:${safe(id)}`;
  }
  instanceAnswers(ws: WorkspaceRef, id: string): string {
    return `${this.instance(ws, id)}:answers`;
  }
  instanceDistribution(ws: WorkspaceRef, id: string): string {
    return `${this.instance(ws, id)}:dist`;
  }
  instanceFirstCorrect(ws: WorkspaceRef, id: string): string {
    return `${this.instance(ws, id)}:first`;
  }
  /** Members whose private verdict went out at the reveal. */
  instanceVerdicts(ws: WorkspaceRef, id: string): string {
    return `${this.instance(ws, id)}:verdicts`;
  }
  instanceRatings(ws: WorkspaceRef, id: string): string {
    return `${this.instance(ws, id)}:ratings`;
  }

  /** The personal instance a user's typed answers in a channel go to (a JSON snapshot of it). */
  userPointer(ch: ChannelRef, userId: string): string {
    return `${this.workspace(ch)}:pending:${safe(ch.channelId)}:${safe(userId)}`;
  }
  rateable(ch: ChannelRef, userId: string): string {
    return `${this.workspace(ch)}:rateable:${safe(ch.channelId)}:${safe(userId)}`;
  }
  /** The open instance of one channel mode (daily, mock) in a channel (a JSON snapshot of it). */
  channelPointer(ch: ChannelRef, mode: string): string {
    return `${this.workspace(ch)}:open:${safe(ch.channelId)}:${safe(mode)}`;
  }
  /** Instance id -> question id of every public question awaiting its reveal in the workspace. */
  publiclyOpen(ws: WorkspaceRef): string {
    return `${this.workspace(ws)}:public-open`;
  }
  /** Question ids a user has scored with in personal practice (each scores once). */
  scored(ws: WorkspaceRef, userId: string): string {
    return `${this.workspace(ws)}:scored:${safe(userId)}`;
  }
  streak(ws: WorkspaceRef, userId: string): string {
    return `${this.workspace(ws)}:streak:${safe(userId)}`;
  }

  /** Leaderboard sorted set; `channelId` undefined means the whole workspace. */
  board(ws: WorkspaceRef, channelId: string | undefined, period: 'all' | 'week' | 'month', bucketId?: string): string {
    const scope = channelId === undefined ? 'ws' : `ch:${safe(channelId)}`;
    const bucket = period === 'all' ? 'all' : `${period}:${bucketId ?? ''}`;
    return `${this.workspace(ws)}:lb:${scope}:${bucket}`;
  }
  /** Counts score changes in a workspace: the leaderboards' tie-break ("who got there first"). */
  scoreSequence(ws: WorkspaceRef): string {
    return `${this.workspace(ws)}:lb:seq`;
  }
  hiddenMembers(ws: WorkspaceRef): string {
    return `${this.workspace(ws)}:lb:hidden`;
  }

  displayNames(ws: WorkspaceRef): string {
    return `${this.workspace(ws)}:names`;
  }
  locales(ws: WorkspaceRef): string {
    return `${this.workspace(ws)}:locales`;
  }

  /** A member's spaced-repetition cards: question id -> card JSON. */
  reviewCards(ws: WorkspaceRef, userId: string): string {
    return `${this.workspace(ws)}:srs:${safe(userId)}`;
  }
  /** The same cards' due times (sorted set: question id by due ms). */
  reviewDue(ws: WorkspaceRef, userId: string): string {
    return `${this.workspace(ws)}:srs-due:${safe(userId)}`;
  }
  /** New cards a member started on one day, for the daily cap. */
  reviewNew(ws: WorkspaceRef, userId: string, day: string): string {
    return `${this.workspace(ws)}:srs-new:${safe(userId)}:${safe(day)}`;
  }
  /** A member's answer statistics in a workspace (hash: answered, correct, per-topic counts). */
  memberStats(ws: WorkspaceRef, userId: string): string {
    return `${this.workspace(ws)}:ustats:${safe(userId)}`;
  }
  /** The question a member was last shown or answered anywhere in the workspace (JSON), for /flag. */
  lastSeen(ws: WorkspaceRef, userId: string): string {
    return `${this.workspace(ws)}:seen:${safe(userId)}`;
  }
  /** Answer counts of one question in a workspace (hash: n answers, c correct, s score in thousandths, p:<key> picks). */
  questionStats(ws: WorkspaceRef, questionId: string): string {
    return `${this.workspace(ws)}:qstats:${safe(questionId)}`;
  }
  /** Members' flags on one question (hash: user id -> flag JSON). */
  questionFlags(ws: WorkspaceRef, questionId: string): string {
    return `${this.workspace(ws)}:flags:${safe(questionId)}`;
  }
  /** Flagged questions by how many members flagged them (sorted set). */
  flaggedQuestions(ws: WorkspaceRef): string {
    return `${this.workspace(ws)}:flagged`;
  }
  /** A channel's panel mock interview (JSON) and its participants (set). */
  mock(ch: ChannelRef): string {
    return `${this.workspace(ch)}:mock:${safe(ch.channelId)}`;
  }
  mockPair(ch: ChannelRef): string {
    return `${this.workspace(ch)}:mock-pair:${safe(ch.channelId)}`;
  }
  mockParticipants(ch: ChannelRef, sessionId: string): string {
    return `${this.workspace(ch)}:mock-people:${safe(ch.channelId)}:${safe(sessionId)}`;
  }
  /** A member's drill session in a channel (JSON). */
  drill(ch: ChannelRef, userId: string): string {
    return `${this.workspace(ch)}:drill:${safe(ch.channelId)}:${safe(userId)}`;
  }

  history(ch: ChannelRef, pool: string): string {
    return `${this.workspace(ch)}:history:${safe(ch.channelId)}:${safe(pool)}`;
  }

  dailySchedule(ch: ChannelRef): string {
    return `${this.workspace(ch)}:daily:${safe(ch.channelId)}`;
  }

  delivery(id: string): string {
    return `${this.prefix}:delivery:${safe(id)}`;
  }

  /** BullMQ's prefix, hash-tagged so every key of the queue lands in one cluster slot. */
  bullPrefix(): string {
    return `{${this.prefix}:bull}`;
  }
}

/** Ids come from platforms: each part of a key is escaped so parts can never run into each other. */
function safe(part: string): string {
  // Braces would break the hash tag, and a ':' inside an id would let two different pairs of parts
  // build the same key (`pending:CA:x:y`), so both are percent-encoded, and '%' itself first.
  return part.replace(/[%:{}]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
