import type { SelfRating } from '../grading/index.js';
import type { WorkspaceRef } from '../types.js';

/** How well a member knew a question this time (FSRS's Again/Hard/Good/Easy). */
export type ReviewRating = SelfRating;

/**
 * A member's memory of one question, as plain data: when it is due again and the FSRS state that
 * decides the interval. Times are epoch milliseconds.
 */
export interface ReviewCard {
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: 'new' | 'learning' | 'review' | 'relearning';
  lastReview?: number | undefined;
}

/** A card with what it was before its latest review, so a self-rating can replace that review. */
export interface StoredReview {
  card: ReviewCard;
  previous?: ReviewCard | undefined;
  /** The instance whose answer made the latest review. */
  instanceId: string;
  topic: string;
}

/** The spaced-repetition algorithm (FSRS), behind a port so the core stays library-free. */
export interface ReviewScheduler {
  next(card: ReviewCard | undefined, rating: ReviewRating, now: number): ReviewCard;
}

/**
 * Cards per member and question, with a due index. They never expire with the question instance:
 * what a member knows outlives any one showing.
 */
export interface ReviewStore {
  get(workspace: WorkspaceRef, userId: string, questionId: string): Promise<StoredReview | undefined>;
  /** Stores the card and its due time; `newOnDay` counts a first card towards that day's cap. */
  save(workspace: WorkspaceRef, userId: string, questionId: string, review: StoredReview, newOnDay?: string): Promise<void>;
  /** Question ids due at `now`, most overdue first. */
  due(workspace: WorkspaceRef, userId: string, now: number, limit: number): Promise<string[]>;
  dueCount(workspace: WorkspaceRef, userId: string, until: number): Promise<number>;
  /** Every question the member has a card for. */
  seen(workspace: WorkspaceRef, userId: string): Promise<Set<string>>;
  /** New cards started on `day` (YYYY-MM-DD), for the daily cap. */
  newOn(workspace: WorkspaceRef, userId: string, day: string): Promise<number>;
}
