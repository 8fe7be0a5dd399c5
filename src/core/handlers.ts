import { rateAnswer, rateByCommand, submitChoice, submitTypedAnswer } from './answer/submit-answer.js';
import type { Handlers } from './bot.js';
import { dailyCommand } from './daily/daily-commands.js';
import type { DailyDeps } from './daily/daily-ports.js';
import { UserFacingError } from './errors.js';
import { showHelp } from './help/show-help.js';
import { setLeaderboardVisibility, showLeaderboard } from './leaderboard/show-leaderboard.js';
import { startQuiz } from './quiz/start-quiz.js';
import { setLanguage } from './settings/set-language.js';

/** The route table from command names to use cases. Features add their commands here. */
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
      rate: rateByCommand,
      help: showHelp,
      lang: setLanguage,
      // The console adapter handles /as itself; on any other path it is a mistake.
      as: async () => {
        throw new UserFacingError('console-only', { command: 'as' });
      },
    },
    choice: submitChoice,
    rating: rateAnswer,
  };
}
