import { join } from 'node:path';
import { inject } from 'vitest';
import { freePort } from '../../src/infra/redis/embedded-redis.js';
import type { FakeSlack } from './fake-slack/index.js';
import { type SpawnedBot, spawnBot } from './spawn-bot.js';

export const SLACK_SIGNING_SECRET = 'fault-signing-secret';

export interface SlackBotProcess extends SpawnedBot {
  /** Where the bot takes Slack's signed requests. */
  eventsUrl: string;
  /** Every JSON log line the process wrote to stderr so far, parsed. */
  logs(): Array<{ level: number; msg: string; [key: string]: unknown }>;
}

/**
 * A whole bot process (`src/main.ts`: the Slack adapter in HTTP mode, its job worker, the core) against
 * the fake Slack Web API and the test run's redis-server, with the fixture bank. A worker killed
 * mid-job leaves the job to the next process after QUEUE_LOCK_MS (2 s here).
 */
export async function startSlackBot(fake: FakeSlack, prefix: string, env: Record<string, string> = {}): Promise<SlackBotProcess> {
  const port = await freePort();
  const bot = spawnBot({
    SLACK_BOT_TOKEN: 'xoxb-fault',
    SLACK_SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: String(port),
    REDIS_URL: inject('redisUrl'),
    REDIS_PREFIX: prefix,
    QUESTIONS_DIR: join(import.meta.dirname, '..', 'fixtures', 'bank'),
    // Short, so a dead worker's jobs are taken over within seconds; not so short that a busy
    // machine's pauses make a live worker lose its own jobs.
    QUEUE_LOCK_MS: '2000',
    ...env,
  });
  return {
    ...bot,
    eventsUrl: `http://127.0.0.1:${port}/slack/events`,
    logs: () =>
      bot
        .output()
        .stderr.split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { level: number; msg: string }),
  };
}

/** SIGKILL, as a crash or the OOM killer would: no shutdown step runs. */
export async function kill(bot: SpawnedBot): Promise<void> {
  if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
  await bot.exited;
}

/** What a bot logged at warn or above, one readable line each (the message and its error or code). */
export function problems(bot: SlackBotProcess): string[] {
  return bot
    .logs()
    .filter((l) => l.level >= 40)
    .map((l) => `${l.msg} ${JSON.stringify((l.err as { message?: string } | undefined)?.message ?? l.code ?? '')}`);
}
