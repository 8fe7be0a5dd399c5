import { startEarlyReads } from './answer/early-reads.js';
import {
  answerByButton,
  answerByForm,
  answerBySelect,
  answerOwnCard,
  answerOwnSelect,
  openAnswerForm,
  rateByButton,
  rateByCommand,
  submitTypedAnswer,
} from './answer/submit-answer.js';
import type { Handlers } from './bot.js';
import type { BotDeps } from './bot-deps.js';
import { dailyCommand, endDailySchedule } from './daily/daily-commands.js';
import { dailyInstanceId } from './daily/daily-jobs.js';
import type { DailyDeps } from './daily/daily-ports.js';
import { postDailyQuestion, scheduledRunKey } from './daily/post-daily-question.js';
import { revealDailyQuestion } from './daily/reveal-daily-question.js';
import { revealOpenDaily } from './daily/reveal-open-daily.js';
import { drillButton, drillCommand } from './drill/drill-commands.js';
import { UserFacingError } from './errors.js';
import { flagQuestion } from './flags/flag-question.js';
import { showHelp } from './help/show-help.js';
import { showTopics } from './help/show-topics.js';
import type { JobHandlers } from './jobs/job-definitions.js';
import { ChannelGoneError } from './jobs/job-errors.js';
import { setLeaderboardVisibility, showLeaderboard } from './leaderboard/show-leaderboard.js';
import { openNoteForm, rubricButton, saveNote } from './mock/mock-pair.js';
import { mockButton, mockCommand, startLobbyByTimer } from './mock/mock-panel.js';
import { endRound } from './mock/mock-rounds.js';
import { skipQuestion } from './quiz/skip-question.js';
import { startQuiz } from './quiz/start-quiz.js';
import { questionReport } from './report/question-report.js';
import { setLanguage } from './settings/set-language.js';
import { showStats } from './stats/show-stats.js';

/** The route tables from commands, action kinds and form kinds to use cases. Features add theirs here. */
export function coreHandlers(): Handlers<DailyDeps> {
  return {
    commands: {
      quiz: startQuiz,
      answer: submitTypedAnswer,
      leaderboard: (ctx, cmd) =>
        cmd.sub === 'hide-me'
          ? setLeaderboardVisibility(ctx, true)
          : cmd.sub === 'show-me'
            ? setLeaderboardVisibility(ctx, false)
            : showLeaderboard(ctx, cmd),
      daily: dailyCommand,
      drill: drillCommand,
      mock: mockCommand,
      stats: showStats,
      rate: rateByCommand,
      help: showHelp,
      topics: showTopics,
      skip: skipQuestion,
      flag: flagQuestion,
      questions: questionReport,
      lang: setLanguage,
      // The console adapter handles /as itself; on any other path it is a mistake.
      as: async () => {
        throw new UserFacingError('console-only', { command: 'as' });
      },
    },
    actions: {
      ans: answerByButton,
      own: answerOwnCard,
      pick: answerBySelect,
      ownpick: answerOwnSelect,
      form: openAnswerForm,
      rate: rateByButton,
      drill: drillButton,
      mock: mockButton,
      rubric: rubricButton,
      note: openNoteForm,
    },
    early: startEarlyReads,
    forms: {
      answer: answerByForm,
      note: (ctx, _form, fields) => saveNote(ctx, fields.note ?? ''),
    },
  };
}

/** The route table from job names to the use cases the worker runs. */
export function coreJobHandlers(deps: DailyDeps & BotDeps): JobHandlers {
  return {
    'daily-post': async ({ channel }, run) => {
      const schedule = await deps.schedules.get(channel);
      if (!schedule) return 'no-schedule'; // turned off after this run was queued
      try {
        const runKey = scheduledRunKey(new Date(run.dueAt), schedule.timezone);
        await revealOpenDaily(deps, channel, dailyInstanceId(channel, runKey), 'job');
        const outcome = await postDailyQuestion(deps, channel, runKey);
        return outcome.status;
      } catch (error) {
        // A channel that is gone would fail every day from now on: end its schedule (the failed job is the one log line).
        if (error instanceof ChannelGoneError) await endDailySchedule(deps, channel);
        throw error;
      }
    },
    'daily-reveal': ({ channel, instanceId }) => revealDailyQuestion(deps, channel, instanceId, 'job'),
    'mock-lobby-start': ({ channel, sessionId }) => startLobbyByTimer(deps, channel, sessionId),
    'mock-round-end': ({ channel, instanceId }) => endRound(deps, channel, instanceId, 'timer'),
  };
}
