import { type Locale, translate } from '../i18n/catalog.js';
import type { GradeResult } from './grade-result.js';
import { modelGradingMessages } from './model-grading-messages.js';

/**
 * The line saying who graded an open answer: the model, or the key points when a configured model
 * grader failed. Nothing without a model grader, where key points are the only grader there is.
 */
export function gradedByNote(result: GradeResult, locale: Locale, modelConfigured: boolean): string[] {
  if (result.kind !== 'open') return [];
  if (result.gradedBy === 'model') return [translate(modelGradingMessages, locale, 'gradedByModel')];
  return modelConfigured ? [translate(modelGradingMessages, locale, 'gradedByKeyPointsFallback')] : [];
}
