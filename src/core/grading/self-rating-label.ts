import { type Locale, translate } from '../i18n/catalog.js';
import { gradingMessages } from './grading-messages.js';
import type { SelfRating } from './self-ratings.js';

const KEYS = { again: 'ratingAgain', hard: 'ratingHard', good: 'ratingGood', easy: 'ratingEasy' } as const;

/** The label of a self-rating button or choice ("again" / "重来"). */
export function selfRatingLabel(rating: SelfRating, locale: Locale): string {
  return translate(gradingMessages, locale, KEYS[rating]);
}
