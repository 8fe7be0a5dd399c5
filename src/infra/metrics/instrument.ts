import type { EventSink } from '../../core/bot.js';
import type { GradeSummary } from '../../core/instances/question-instance.js';
import type { AnswerRecorder, ChatPlatform } from '../../core/ports.js';
import type { Platform } from '../../core/types.js';
import type { AnswerResult, Metrics } from './metrics.js';

/*
 * Metrics are taken at the core's edges, so the core stays as it is: each wrapper forwards every
 * call unchanged and counts what came back.
 */

/** Counts each answer the recorder took (a duplicate, a closed or a missing question is not counted). */
export function countAnswers(
  recorder: AnswerRecorder,
  metrics: Metrics,
  kindOf: (questionId: string) => string | undefined,
): AnswerRecorder {
  return {
    async record(answer) {
      const outcome = await recorder.record(answer);
      // A re-sent attempt (`retried`) is still the only reply this process saw for it: it counts once here.
      if (outcome.status === 'recorded') {
        metrics.answerGraded({
          mode: answer.instance.mode,
          kind: kindOf(answer.instance.questionId) ?? 'unknown',
          result: resultOf(answer.result),
        });
      }
      return outcome;
    },
    forfeit: (workspace, userId, questionId) => recorder.forfeit(workspace, userId, questionId),
    applyDeferred: (instance, answers) => recorder.applyDeferred(instance, answers),
  };
}

function resultOf(grade: GradeSummary): AnswerResult {
  if (grade.correct) return 'correct';
  return grade.score > 0 ? 'partial' : 'wrong';
}

/** Counts the posts a platform accepted; a post that throws is not counted (its job fails and says so). */
export function countPosts(platform: ChatPlatform, name: Platform, metrics: Metrics): ChatPlatform {
  return {
    get capabilities() {
      return platform.capabilities;
    },
    async post(channel, message, options) {
      const ref = await platform.post(channel, message, options);
      metrics.postSent(name, 'public');
      return ref;
    },
    edit: (ref, message) => platform.edit(ref, message),
    async postPrivate(channel, userId, message) {
      const ref = await platform.postPrivate(channel, userId, message);
      metrics.postSent(name, 'private');
      return ref;
    },
  };
}

/** Times each event the adapters hand to the core, whether it ends well or not. */
export function timeEvents(sink: EventSink, metrics: Metrics): EventSink {
  return {
    ackPlan: (event, capabilities) => sink.ackPlan(event, capabilities),
    suggest: (command, option, typed, locale) => sink.suggest(command, option, typed, locale),
    async handle(event, responder) {
      const started = performance.now();
      try {
        await sink.handle(event, responder);
      } finally {
        metrics.handled(event.kind, (performance.now() - started) / 1000);
      }
    },
    async home(workspace, user) {
      const started = performance.now();
      try {
        return await sink.home(workspace, user);
      } finally {
        metrics.handled('home', (performance.now() - started) / 1000);
      }
    },
  };
}
