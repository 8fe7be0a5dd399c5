import { join } from 'node:path';
import { composeBot } from '../../src/compose.js';
import type { Clock } from '../../src/core/ports.js';
import { QuestionBank } from '../../src/core/questions/question-bank.js';
import type { ChannelRef, InboundEvent, OutboundMessage, UserRef } from '../../src/core/types.js';
import { loadQuestionFiles } from '../../src/infra/questions/load-question-files.js';
import { BullmqDailyScheduler } from '../../src/infra/queue/bullmq-daily-scheduler.js';
import { RedisKeys } from '../../src/infra/redis/keys.js';
import { RecordingPlatform } from './recording-platform.js';
import { dropPrefix, testRedis } from './redis.js';

export const fixtureBank = () => {
  const { questions, problems } = loadQuestionFiles(join(import.meta.dirname, '..', 'fixtures', 'bank'));
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('\n'));
  return questions;
};

export class FixedClock implements Clock {
  constructor(public at: Date) {}
  now(): Date {
    return this.at;
  }
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}

export interface TestAppOptions {
  clock?: Clock;
  random?: () => number;
  defaultTimezone?: string;
}

/** The real core on a real Redis and BullMQ queue, posting to a recording platform. */
export function createTestApp(options: TestAppOptions = {}) {
  const { redis, prefix, url } = testRedis();
  const keys = new RedisKeys(prefix);
  const platform = new RecordingPlatform();
  const scheduler = new BullmqDailyScheduler(redis, keys.bullPrefix());
  const errors: unknown[] = [];
  let n = 0;
  const { bot, deps } = composeBot({
    redis,
    prefix,
    bank: new QuestionBank(fixtureBank(), options.random ?? (() => 0)),
    defaultLocale: 'en',
    defaultTimezone: options.defaultTimezone ?? 'UTC',
    errorSink: (e) => errors.push(e),
    scheduler,
    platforms: { console: platform, slack: platform, discord: platform },
    clock: options.clock,
    newId: () => `id${++n}`,
  });

  const channel: ChannelRef = { platform: 'slack', workspaceId: 'T1', channelId: 'C1' };
  const user = (name: string, extra: Partial<UserRef> = {}): UserRef => ({
    platform: 'slack',
    userId: `U-${name}`,
    displayName: name,
    locale: 'en',
    isAdmin: false,
    ...extra,
  });

  /** Sends one event and returns every reply it produced. */
  async function send(event: InboundEvent): Promise<OutboundMessage[]> {
    const replies: OutboundMessage[] = [];
    await bot.handle(event, async (m) => {
      replies.push(m);
    });
    return replies;
  }
  const text = (who: UserRef, line: string, where: ChannelRef = channel) => send({ kind: 'text', text: line, channel: where, user: who });

  return {
    redis,
    url,
    prefix,
    keys,
    platform,
    scheduler,
    bot,
    deps,
    errors,
    channel,
    user,
    send,
    text,
    async close() {
      await scheduler
        .queue('slack')
        .obliterate({ force: true })
        .catch(() => undefined);
      await scheduler.close();
      await dropPrefix(redis, prefix);
      await redis.quit();
    },
  };
}
