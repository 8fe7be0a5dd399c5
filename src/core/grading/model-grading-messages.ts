import { defineMessages } from '../i18n/catalog.js';

/** Who graded an open answer, when the optional model grader is configured (GRADER_URL). */
export const modelGradingMessages = defineMessages({
  en: {
    gradedByModel: 'Graded by a language model against the key points.',
    gradedByKeyPointsFallback: 'Graded by key points: the model grader gave no usable answer this time.',
  },
  zh: {
    gradedByModel: '由语言模型对照要点评分。',
    gradedByKeyPointsFallback: '按要点评分：模型评分这次没有给出可用的结果。',
  },
});
