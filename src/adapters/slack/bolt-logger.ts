import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../infra/logger.js';

/** Bolt's logger interface over pino, so Bolt's own lines (rejected signatures...) are structured too. */
export function boltLogger(logger: Logger): BoltLogger {
  const line = (msg: unknown[]) =>
    msg.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  let level = LogLevel.INFO;
  return {
    debug: (...msg: unknown[]) => logger.debug({ source: 'bolt' }, line(msg)),
    info: (...msg: unknown[]) => logger.info({ source: 'bolt' }, line(msg)),
    warn: (...msg: unknown[]) => logger.warn({ source: 'bolt' }, line(msg)),
    error: (...msg: unknown[]) => logger.error({ source: 'bolt' }, line(msg)),
    // pino's level comes from LOG_LEVEL; Bolt asks for one but ours stays in charge.
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
