import { encodeAction } from '../actions/action-codec.js';
import { SELF_RATINGS, selfRatingLabel } from '../grading/index.js';
import type { Locale } from '../i18n/catalog.js';
import type { MessageAction } from '../types.js';

/** again / hard / good / easy after an open question; `/rate <rating>` is each button's twin. */
export function ratingActions(instanceId: string, locale: Locale): MessageAction[] {
  return SELF_RATINGS.map((rating) => ({
    type: 'button',
    id: encodeAction({ kind: 'rate', target: instanceId, value: rating }),
    label: selfRatingLabel(rating, locale),
    style: rating === 'again' ? 'danger' : rating === 'easy' ? 'success' : 'secondary',
    twin: `/rate ${rating}`,
  }));
}
