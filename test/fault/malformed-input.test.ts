import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatProblem, loadQuestionFiles } from '../../src/infra/questions/load-question-files.js';
import { DEFAULT_JOB_OPTIONS, queueName } from '../../src/infra/queue/jobs.js';
import { RedisKeys } from '../../src/infra/redis/keys.js';
import { createRedis } from '../../src/infra/redis/redis-client.js';
import { RedisDailyScheduleStore } from '../../src/infra/redis/redis-daily-schedule-store.js';
import { type FakeSlack, postSigned, sendBlockAction, sendSlashCommand, startFakeSlack } from '../support/fake-slack/index.js';
import { dropPrefix } from '../support/redis.js';
import { kill, SLACK_SIGNING_SECRET, type SlackBotProcess, startSlackBot } from '../support/slack-bot-process.js';
import { spawnBot } from '../support/spawn-bot.js';
import { until } from '../support/until.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'bank');

const prefix = `fault-bad-${Math.random().toString(36).slice(2, 8)}`;
let fake: FakeSlack;
let bot: SlackBotProcess;
beforeAll(async () => {
  fake = await startFakeSlack();
  bot = await startSlackBot(fake, prefix);
  await bot.waitFor('PrepBot ready');
});
afterAll(async () => {
  if (bot) await kill(bot);
  await fake?.close();
});

/** The bot's log lines at warn or above since `from` lines. */
const problemsSince = (from: number) =>
  bot
    .logs()
    .slice(from)
    .filter((l) => l.level >= 40);

describe('malformed input is turned away with one clear log line, and nothing else is affected', () => {
  it('job payloads put straight into the queue: each bad job fails once, without retries; a good job behind them runs', async () => {
    const redis = createRedis(inject('redisUrl'));
    const keys = new RedisKeys(prefix);
    const queue = new Queue(queueName('slack'), { connection: redis, prefix: keys.bullPrefix() });
    try {
      const good = { platform: 'slack' as const, workspaceId: 'T0GOOD', channelId: 'C0GOOD' };
      await new RedisDailyScheduleStore(redis, keys).set(good, {
        time: '09:00',
        timezone: 'UTC',
        days: [1, 2, 3, 4, 5, 6, 7],
        revealAfterMs: 3600_000,
        feedback: 'reveal',
        locale: 'en',
      });
      const from = bot.logs().length;
      const bad = [
        {
          name: 'daily-post',
          data: { channel: { platform: 'slack', channelId: 'C1' } },
          id: 'bad-missing-workspace',
          reason: 'invalid daily-post payload: channel.workspaceId: Invalid input: expected string, received undefined',
        },
        {
          name: 'daily-post',
          data: { channel: { platform: 'telegram', workspaceId: 'T', channelId: 'C' } },
          id: 'bad-platform',
          reason: expect.stringMatching(/^invalid daily-post payload: channel\.platform: Invalid option/),
        },
        {
          name: 'mock-round-end',
          data: 'not an object',
          id: 'bad-not-object',
          reason: 'invalid mock-round-end payload: (the payload): Invalid input: expected object, received string',
        },
        { name: 'no-such-job', data: {}, id: 'bad-name', reason: 'unknown job name no-such-job' },
      ];
      await queue.addBulk([
        ...bad.map((b) => ({ name: b.name, data: b.data, opts: { ...DEFAULT_JOB_OPTIONS, jobId: b.id } })),
        { name: 'daily-post', data: { channel: good }, opts: { ...DEFAULT_JOB_OPTIONS, jobId: 'good' } },
      ]);
      await until(async () => (await queue.getJobCounts('failed', 'completed')).failed === bad.length, 10_000, 'the bad jobs failing');
      await until(async () => (await queue.getJobState('good')) === 'completed', 10_000, 'the good job');
      expect(fake.workspace.messages.filter((m) => m.channel === good.channelId)).toHaveLength(1);
      for (const b of bad) {
        const job = await queue.getJob(b.id);
        expect(job?.attemptsMade, b.id).toBe(1);
        const lines = problemsSince(from).filter((l) => l.jobId === b.id);
        expect(lines, b.id).toHaveLength(1);
        expect(lines[0]?.err, b.id).toMatchObject({ message: b.reason });
      }
      expect(problemsSince(from)).toHaveLength(bad.length);
    } finally {
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      await dropPrefix(redis, prefix);
      await redis.quit();
    }
  });

  it('Slack requests: a forged signature, a body that is not a payload, JSON that is not an event: each refused with one log line; a click PrepBot never made is answered, not logged; the next command is answered', async () => {
    const url = bot.eventsUrl;
    const form = 'application/x-www-form-urlencoded';
    const refused: Array<{ send: () => Promise<{ status: number }>; status: number; line: RegExp }> = [
      {
        send: () => sendSlashCommand(url, SLACK_SIGNING_SECRET, { text: 'topics' }, { corruptSignature: true }),
        status: 401,
        line: /signature mismatch/,
      },
      { send: () => postSigned(url, SLACK_SIGNING_SECRET, 'payload=%7Bnot-json', form), status: 400, line: /Malformed request body/ },
      { send: () => postSigned(url, SLACK_SIGNING_SECRET, '[1,2', 'application/json'), status: 400, line: /Malformed request body/ },
    ];
    for (const c of refused) {
      const from = bot.logs().length;
      expect((await c.send()).status).toBe(c.status);
      await until(() => problemsSince(from).length > 0, 2000, 'the log line');
      await new Promise((r) => setTimeout(r, 100));
      expect(problemsSince(from).map((l) => l.msg)).toEqual([expect.stringMatching(c.line)]);
    }
    // A click on a component id no PrepBot made (forged, or from a version long gone): said so, privately.
    const from = bot.logs().length;
    const junk = await sendBlockAction(url, SLACK_SIGNING_SECRET, {
      actionId: 'zz:not-ours',
      value: 'x',
      responseUrl: fake.responseUrl('junk'),
    });
    expect(junk.status).toBe(200);
    expect(String((await fake.waitForResponse('junk', 5000)).body.text)).toMatch(/version of PrepBot that is gone/);
    expect(problemsSince(from)).toEqual([]);

    await sendSlashCommand(url, SLACK_SIGNING_SECRET, { text: 'topics', responseUrl: fake.responseUrl('after') });
    expect(String((await fake.waitForResponse('after', 5000)).body.text)).toMatch(/tcp-udp/);
  });

  it('a question file with a broken item: the loader reports it as file:line and still reads the other files; the bot refuses to start with that one line and a hint, and nothing else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prepbot-bank-'));
    try {
      for (const f of readdirSync(fixtures)) copyFileSync(join(fixtures, f), join(dir, f));
      // An item whose answer names an option that does not exist.
      writeFileSync(
        join(dir, 'broken.yaml'),
        [
          'topic: tcp-udp',
          'items:',
          '  - id: broken-one',
          '    kind: single',
          '    difficulty: 1',
          '    tags: [tcp]',
          '    sources: [{ file: 000_550b11292ffd921e.txt, ref: "#1" }]',
          '    prompt: { zh: 哪一个, en: Which one }',
          '    options:',
          '      - { key: A, text: { zh: 甲, en: first }, why: { zh: 因为, en: because } }',
          '      - { key: B, text: { zh: 乙, en: second }, why: { zh: 因为, en: because } }',
          '    answer: C',
          '    explanation: { zh: 解释, en: explanation }',
          '',
        ].join('\n'),
      );
      const loaded = loadQuestionFiles(dir);
      expect(loaded.problems.map(formatProblem)).toEqual([expect.stringMatching(/broken\.yaml:12: /)]);
      expect(loaded.questions.map((q) => q.id).sort()).toEqual(
        loadQuestionFiles(fixtures)
          .questions.map((q) => q.id)
          .sort(),
      );

      const refused = spawnBot({ QUESTIONS_DIR: dir, REDIS_URL: inject('redisUrl'), SLACK_BOT_TOKEN: 'xoxb-x', SLACK_SIGNING_SECRET: 's' });
      expect(await refused.exited).toBe(1);
      const lines = refused.output().stderr.trim().split('\n');
      expect(lines).toEqual([expect.stringMatching(/broken\.yaml:12: .*answer/i), expect.stringMatching(/npm run questions:check/)]);
      expect(refused.output().stdout).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
