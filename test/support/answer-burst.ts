/**
 * A bot process that only answers: the real core on its own Redis connections (as `main.ts` wires
 * them), fed a list of answer events from a JSON file. It loads and connects first, says "ready",
 * waits for "go" on stdin (so every process fires at once), sends every event concurrently and
 * prints one JSON line: the first line of what the core answered to each event, in order.
 *
 *   node --import tsx test/support/answer-burst.ts <redis-url> <prefix> <events.json>
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { composeBot, systemClock } from '../../src/compose.js';
import { QuestionBank } from '../../src/core/questions/question-bank.js';
import type { InboundEvent } from '../../src/core/types.js';
import { loadQuestionFiles } from '../../src/infra/questions/load-question-files.js';
import { BullmqJobQueue } from '../../src/infra/queue/bullmq-job-queue.js';
import { RedisKeys } from '../../src/infra/redis/keys.js';
import { createRedis } from '../../src/infra/redis/redis-client.js';
import { RecordingPlatform } from './recording-platform.js';

const [url = '', prefix = '', eventsFile = ''] = process.argv.slice(2);
const events = JSON.parse(readFileSync(eventsFile, 'utf8')) as InboundEvent[];
const redis = createRedis(url);
const storeRedis = createRedis(url, { enableAutoPipelining: true });
const errors: string[] = [];
const jobs = new BullmqJobQueue(redis, new RedisKeys(prefix).bullPrefix(), systemClock);
const platform = new RecordingPlatform();
const { bot } = composeBot({
  redis: storeRedis,
  prefix,
  bank: new QuestionBank(loadQuestionFiles(join(import.meta.dirname, '..', 'fixtures', 'bank')).questions),
  defaultLocale: 'en',
  defaultTimezone: 'UTC',
  errorSink: (e) => errors.push(String(e)),
  jobs,
  platforms: { slack: platform },
  clock: systemClock,
});
await Promise.all([redis.ping(), storeRedis.ping()]);
process.stdout.write('ready\n');
const input = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => input.once('line', () => resolve()));
const replies = await Promise.all(
  events.map(async (event) => (await platform.deliver(bot, event)).messages[0]?.text?.split('\n')[0] ?? ''),
);
process.stdout.write(`${JSON.stringify({ replies, errors })}\n`);
input.close();
await jobs.close();
await Promise.all([redis.quit(), storeRedis.quit()]);
