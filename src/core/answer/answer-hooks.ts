import { advanceDrill, checkDrillStep } from '../drill/advance-drill.js';
import type { AnswerHooks } from '../instances/answer-instance.js';
import type { InstanceMode } from '../instances/question-instance.js';
import { MOCK_ANSWER_HOOKS } from '../mock/mock-panel.js';

/** What a mode does around a recorded answer (a drill checks the step is current, then moves on). */
export const ANSWER_HOOKS: Partial<Record<InstanceMode, AnswerHooks>> = {
  drill: { before: checkDrillStep, after: advanceDrill },
  mock: MOCK_ANSWER_HOOKS,
};
