import type { Platform } from '../../core/types.js';

/** How an answer scored: all of it, some of it (partial credit), or nothing. */
export type AnswerResult = 'correct' | 'partial' | 'wrong';

/** What one event handled was: the inbound event kinds, and Slack's App Home. */
export type HandledKind = 'text' | 'command' | 'action' | 'form' | 'home';

/**
 * What the bot counts for /metrics. The core never sees it: the composition root wraps the core's
 * ports (answer recorder, platforms) and the adapters' event sink with it, so the core stays free of
 * any metrics library and a bot without metrics pays nothing.
 */
export interface Metrics {
  /** An answer graded and recorded (a duplicate or an answer to a closed question is not). */
  answerGraded(labels: { mode: string; kind: string; result: AnswerResult }): void;
  /** A post the platform accepted: a channel post, or a private one (ephemeral, DM). */
  postSent(platform: Platform, visibility: 'public' | 'private'): void;
  /** One failed attempt of a job (it may be retried). */
  jobFailed(job: string): void;
  /** How long the core took with one event, replies to the platform included. */
  handled(kind: HandledKind, seconds: number): void;
}

export const NO_METRICS: Metrics = {
  answerGraded: () => undefined,
  postSent: () => undefined,
  jobFailed: () => undefined,
  handled: () => undefined,
};
