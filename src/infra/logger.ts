import { type Bindings, type ChildLoggerOptions, type Logger, pino } from 'pino';
import { redactKnownSecrets, redactValue } from './redact.js';

export type { Logger };

export interface LoggerOptions {
  /** The configuration's secret values (see `configSecrets`): replaced wherever they show up, whatever the key. */
  secrets?: readonly string[];
}

/**
 * Structured logs to stderr (stdout belongs to the console adapter). Secrets are redacted before
 * pino sees a log call: by key name at any depth, URL passwords and token shapes in every string, and
 * the configuration's own secret values; the finished line is searched for those values once more, for
 * anything a serializer added after the walk.
 */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr, options: LoggerOptions = {}): Logger {
  const secrets = (options.secrets ?? []).filter((s) => s.length > 0);
  // How a secret looks inside a JSON string (a quote or backslash in it is escaped there).
  const inJson = [...new Set(secrets.flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]))];
  const logger = pino(
    {
      level,
      base: { app: 'prepbot' },
      hooks: {
        logMethod(args, method) {
          return method.apply(this, args.map((a) => redactValue(a, secrets)) as Parameters<typeof method>);
        },
        streamWrite: (line) => redactKnownSecrets(line, inJson),
      },
    },
    destination,
  );
  // A child's bindings skip logMethod (and pino applies formatters.bindings to the root only); children
  // inherit from their parent's object, so this one override covers every generation.
  const child = logger.child;
  logger.child = function (this: Logger, bindings: Bindings, childOptions?: ChildLoggerOptions) {
    return Reflect.apply(child, this, [redactValue(bindings, secrets), childOptions]);
  } as typeof logger.child;
  return logger;
}
