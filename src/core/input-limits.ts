import { UserFacingError } from './errors.js';
import type { InboundEvent } from './types.js';

/**
 * How much text the core reads from one event, checked in `Bot` before anything trims, parses or
 * normalises it: grading normalises (NFKC can grow one character 18-fold) and compares, so its cost must
 * be bounded by what a member may send, whatever the adapter. Lengths are in characters (code points).
 * docs/operations.md ("Input limits") lists them; change both together.
 */
export const INPUT_LIMITS = {
  /** One answer, typed or in the answer form: a long open answer is a few hundred words. */
  answer: 2000,
  /** A whole typed command (console line, Slack `/prep` text): an answer and `/answer id=<instance id> `. */
  commandLine: 2200,
  /** Any command option (Discord splits them out) or form field; the answer is the longest of them. */
  field: 2000,
  /** A component id, or one value a select sends back: ids and keys the core made (at most 100). */
  actionValue: 255,
  /** Values one select may send back (Discord and Slack offer 25 options at most). */
  actionValues: 25,
  /** The reason given with `/flag`: a sentence or two for whoever maintains the question. */
  flagReason: 500,
  /** What a member has typed so far in an option with suggestions (Discord autocomplete). */
  typedSuggestion: 100,
} as const;

/** Whether `text` has more than `max` code points, looking at no more of it than it must. */
export function isLongerThan(text: string, max: number): boolean {
  if (text.length <= max) return false; // a code point is one or two code units
  if (text.length > 2 * max) return true;
  let n = 0;
  for (const _ of text) if (++n > max) return true;
  return false;
}

export function tooLong(text: string, limit: number): UserFacingError {
  // Exact count when it is cheap; for a huge paste its code units are close enough to say how far over it is.
  const length = text.length > 4 * limit ? text.length : [...text].length;
  return new UserFacingError('input-too-long', { length: String(length), limit: String(limit), answer: String(INPUT_LIMITS.answer) });
}

/** The error for the first value of `values` over `limit`, if any. */
function firstTooLong(values: readonly string[], limit: number): UserFacingError | undefined {
  const long = values.find((v) => isLongerThan(v, limit));
  return long === undefined ? undefined : tooLong(long, limit);
}

/** Command options, however they arrived (typed and parsed, or split out by the platform). */
export function argsTooLong(args: Readonly<Record<string, string>>): UserFacingError | undefined {
  return firstTooLong(Object.values(args), INPUT_LIMITS.field);
}

/** The raw event against the limits, before any parsing; the parsed options are checked again by `argsTooLong`. */
export function eventTooLong(event: InboundEvent): UserFacingError | undefined {
  switch (event.kind) {
    case 'text':
      return firstTooLong([event.text], INPUT_LIMITS.commandLine);
    case 'command':
      return argsTooLong(event.command.args);
    case 'action': {
      const values = event.values ?? [];
      // More choices than any select of ours offers: not from a component the core made.
      if (values.length > INPUT_LIMITS.actionValues) return new UserFacingError('stale-action');
      return firstTooLong([event.actionId, ...values], INPUT_LIMITS.actionValue);
    }
    case 'form':
      return firstTooLong([event.formId], INPUT_LIMITS.actionValue) ?? firstTooLong(Object.values(event.fields), INPUT_LIMITS.field);
  }
}
