import type { InstanceMode } from './question-instance.js';

const DAY = 86_400_000;

/** The rules of one mode, in one table instead of `if (mode === ...)` across the features. */
export interface ModePolicy {
  /**
   * `question`: practice, a user scores a question once whatever the mode's instances;
   * `instance`: every showing scores (a daily question, a mock round).
   */
  scoreOnce: 'question' | 'instance';
  /** Answers count towards the member's daily streak. */
  streak: boolean;
  /**
   * What an answerer sees at once: the whole grade with its solution (`full`, nobody else can see
   * it), the grade without reference answer and key points until the public reveal, or only a
   * receipt of what was recorded (a mock round: results come with the round's end).
   */
  feedback: 'full' | 'until-reveal' | 'receipt';
  /** What a member hears who answers after the instance closed, or who is not in its audience. */
  closedMessage: 'already-revealed' | 'round-over';
  outsiderMessage: 'not-your-question' | 'not-a-participant';
  /** Personal modes point the user's typed answers at the instance; channel modes point the channel's. */
  pointer: 'user' | 'channel';
  /** While open, the question is kept out of personal practice everywhere in the workspace. */
  keepOutOfPractice: boolean;
  /** How long an instance and its answers are kept. */
  retentionMs: number;
}

export const MODE_POLICIES: Readonly<Record<InstanceMode, ModePolicy>> = {
  quiz: {
    scoreOnce: 'question',
    streak: false,
    feedback: 'full',
    pointer: 'user',
    keepOutOfPractice: false,
    retentionMs: 30 * DAY,
    closedMessage: 'already-revealed',
    outsiderMessage: 'not-your-question',
  },
  drill: {
    scoreOnce: 'question',
    streak: false,
    feedback: 'full',
    pointer: 'user',
    keepOutOfPractice: false,
    retentionMs: 30 * DAY,
    closedMessage: 'already-revealed',
    outsiderMessage: 'not-your-question',
  },
  daily: {
    scoreOnce: 'instance',
    streak: true,
    feedback: 'until-reveal',
    pointer: 'channel',
    keepOutOfPractice: true,
    retentionMs: 90 * DAY,
    closedMessage: 'already-revealed',
    outsiderMessage: 'not-your-question',
  },
  mock: {
    scoreOnce: 'instance',
    streak: false,
    feedback: 'receipt',
    closedMessage: 'round-over',
    outsiderMessage: 'not-a-participant',
    pointer: 'channel',
    keepOutOfPractice: true,
    retentionMs: 90 * DAY,
  },
};

/** The channel modes whose open instance a typed `/answer` may go to. */
export const CHANNEL_MODES = (Object.keys(MODE_POLICIES) as InstanceMode[]).filter((m) => MODE_POLICIES[m].pointer === 'channel');
