import { type Card, createEmptyCard, type FSRS, fsrs, type Grade, Rating, State } from 'ts-fsrs';
import type { ReviewCard, ReviewRating, ReviewScheduler } from '../../core/srs/review-card.js';

const RATINGS: Record<ReviewRating, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };
const STATES: Record<State, ReviewCard['state']> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};
const STATE_OF: Record<ReviewCard['state'], State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};

/** FSRS from ts-fsrs with its default parameters (90% target retention); no fuzz, so tests are exact. */
export class FsrsReviewScheduler implements ReviewScheduler {
  private readonly f: FSRS = fsrs({ enable_fuzz: false });

  next(card: ReviewCard | undefined, rating: ReviewRating, now: number): ReviewCard {
    const from: Card = card ? toFsrs(card) : createEmptyCard(new Date(now));
    return fromFsrs(this.f.next(from, new Date(now), RATINGS[rating]).card);
  }
}

function toFsrs(c: ReviewCard): Card {
  return {
    due: new Date(c.due),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsedDays,
    scheduled_days: c.scheduledDays,
    learning_steps: c.learningSteps,
    reps: c.reps,
    lapses: c.lapses,
    state: STATE_OF[c.state],
    last_review: c.lastReview !== undefined ? new Date(c.lastReview) : undefined,
  };
}

function fromFsrs(c: Card): ReviewCard {
  return {
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: STATES[c.state],
    lastReview: c.last_review?.getTime(),
  };
}
