import type { AckPlan } from '../types.js';
import type { ActionKind } from './action-codec.js';

/**
 * How each kind of action is acknowledged, declared up front so an adapter can acknowledge a click
 * within the platform's 3 seconds before the core has looked anything up.
 */
export const ACTION_ACK: Record<ActionKind, AckPlan> = {
  // Feedback on an answer is for the answerer only, also under a public question.
  ans: { kind: 'reply', visibility: 'private' },
  own: { kind: 'update' },
  pick: { kind: 'reply', visibility: 'private' },
  ownpick: { kind: 'update' },
  form: { kind: 'form' },
  // A new private line, so the feedback the rating buttons sit under stays readable.
  rate: { kind: 'reply', visibility: 'private' },
  drill: { kind: 'reply', visibility: 'private' },
  mock: { kind: 'reply', visibility: 'private' },
  // The rubric message itself changes as points are marked.
  rubric: { kind: 'update' },
  note: { kind: 'form' },
};
