import { type Logger, pino } from 'pino';

export type { Logger };

/**
 * Structured logs to stderr (stdout belongs to the console adapter). Secrets are redacted by path
 * wherever they appear in a logged object, so a config or request dump never leaks a token.
 */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    {
      level,
      base: { app: 'prepbot' },
      redact: {
        paths: [
          'token',
          '*.token',
          '*.botToken',
          '*.appToken',
          '*.signingSecret',
          'headers.authorization',
          '*.headers.authorization',
          'config.discord.token',
          'config.slack.botToken',
          'config.slack.signingSecret',
          'config.slack.appToken',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
