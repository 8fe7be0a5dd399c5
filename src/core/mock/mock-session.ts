import type { ChannelRef, MessageRef } from '../types.js';
import type { PairSession } from './mock-pair.js';

/** How a participant stands in a panel session: updated once per round, by whoever ends it. */
export interface MockScore {
  points: number;
  answered: number;
  correct: number;
  /** Consecutive correct rounds up to the last one ended. */
  streak: number;
  byTopic: Record<string, { answered: number; correct: number }>;
}

/**
 * A panel mock interview in a channel: a lobby, then timed rounds. Participants live in a Redis set
 * of their own (joins race); everything else changes only in steps one process has claimed
 * (begin, the end of a round), so a plain JSON value is enough.
 */
export interface MockSession {
  id: string;
  channel: ChannelRef;
  hostId: string;
  topic?: string | undefined;
  rounds: number;
  seconds: number;
  state: 'lobby' | 'running';
  /** Planned at `begin`. */
  questionIds: string[];
  /** 1-based; 0 in the lobby. */
  round: number;
  lobbyMessage?: MessageRef | undefined;
  scores: Record<string, MockScore>;
  /** Question id -> how many got it wrong. */
  wrong: Record<string, number>;
  /** The last round counted in `scores` and `wrong`: a round end run again after a crash counts it once. */
  scoredRound?: number | undefined;
  createdAt: number;
  /** The language of the session's public posts (the host's). */
  locale: 'zh' | 'en';
}

export type JoinOutcome = 'joined' | 'already' | 'full' | 'no-session';

/** Panel sessions, one per channel, and their participants. */
export interface MockStore {
  /** Creates the channel's session unless one exists; false if one does. */
  create(session: MockSession): Promise<boolean>;
  get(channel: ChannelRef): Promise<MockSession | undefined>;
  save(session: MockSession): Promise<void>;
  delete(channel: ChannelRef): Promise<void>;
  /** Adds a participant atomically, refusing past `max`. */
  join(channel: ChannelRef, sessionId: string, userId: string, max: number): Promise<JoinOutcome>;
  leave(channel: ChannelRef, sessionId: string, userId: string): Promise<boolean>;
  participants(channel: ChannelRef, sessionId: string): Promise<string[]>;
  /** The channel's interviewer/candidate pair (one at a time). */
  createPair(session: PairSession): Promise<boolean>;
  getPair(channel: ChannelRef): Promise<PairSession | undefined>;
  savePair(session: PairSession): Promise<void>;
  deletePair(channel: ChannelRef): Promise<void>;
}

export const MAX_PARTICIPANTS = 50;

export function roundInstanceId(sessionId: string, round: number): string {
  return `mock-${sessionId}-r${round}`;
}
export function roundTimerJobId(instanceId: string): string {
  return `mock-round-end-${instanceId}`;
}
export function lobbyJobId(sessionId: string): string {
  return `mock-lobby-${sessionId}`;
}
