import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { envSchema, SECRET_VARIABLES } from '../../src/config.js';
import { isSecretKey } from '../../src/infra/redact.js';
import { freePort } from '../../src/infra/redis/embedded-redis.js';
import { type FakeDiscord, startFakeDiscord } from '../support/fake-discord/fake-discord.js';
import { type FakeSlack, sendSlashCommand, startFakeSlack } from '../support/fake-slack/index.js';
import { spawnBot } from '../support/spawn-bot.js';
import { until } from '../support/until.js';

const root = join(import.meta.dirname, '..', '..');
const tsxCli = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** Runs the bot to its exit and returns everything it printed, stdout and stderr together. */
function run(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [tsxCli, 'src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'trace', DEFAULT_LOCALE: 'en', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stdin.end();
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

const secrets = {
  DISCORD_TOKEN: 'dsc-Secret-7f3a9',
  SLACK_BOT_TOKEN: 'slk-Bot-Secret-41c2',
  SLACK_SIGNING_SECRET: 'signing-Secret-0d9e',
  SLACK_APP_TOKEN: 'slk-App-Secret-88b1',
};

describe('npm start never prints a secret', () => {
  it('a REDIS_URL of the wrong scheme, with every platform secret set, is refused without printing any of them', async () => {
    const { code, output } = await run({ ...secrets, DISCORD_APP_ID: '1', REDIS_URL: 'http://:hunter2@127.0.0.1:1' });
    expect(code).toBe(1);
    expect(output).toContain('REDIS_URL="http://:[redacted]@127.0.0.1:1" must start with redis://');
    for (const secret of ['hunter2', ...Object.values(secrets)]) expect(output).not.toContain(secret);
  });

  it('a Redis that cannot be reached is named without its password, in the message and in every log line', async () => {
    const port = await freePort();
    const { code, output } = await run({ REDIS_URL: `redis://default:hunter2@127.0.0.1:${port}` });
    expect(code).toBe(1);
    expect(output).toContain(`Cannot reach Redis at redis://default:***@127.0.0.1:${port}`);
    expect(output).not.toContain('hunter2');
  }, 30_000);
});

/**
 * Every secret the configuration knows (SECRET_VARIABLES, and the password in REDIS_URL), each a
 * marker no redaction rule recognises by its shape: only knowing the value can hide it. Each one is
 * live (the fakes accept only the marker), so a marker missing from the output means it was hidden,
 * not unused.
 */
const tag = randomBytes(3).toString('hex');
const marker = (name: string) => `mk${tag}-${name.toLowerCase().replaceAll('_', '-')}-value`;
const markers = Object.fromEntries(SECRET_VARIABLES.map((name) => [name, marker(name)])) as Record<
  (typeof SECRET_VARIABLES)[number],
  string
>;
const redisPassword = marker('redis-password');
const everyMarker = [...Object.values(markers), redisPassword];
/** The test run's Redis (no password: its default user takes any) reached with the marker as password. */
const redisUrlWithPassword = () => inject('redisUrl').replace('redis://', `redis://default:${redisPassword}@`);
const fixtureBank = join(import.meta.dirname, '..', 'fixtures', 'bank');
const scratch = mkdtempSync(join(tmpdir(), 'prepbot-secrets-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Each marker the text holds (none is the passing answer). */
const leaked = (text: string) => everyMarker.filter((m) => text.includes(m));

/** A stand-in model grader: it records each request's headers and answers 500 (the bot then logs a warning). */
async function startGraderStub(): Promise<{ url: string; seen: IncomingHttpHeaders[]; close(): Promise<void> }> {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    req.resume();
    req.on('end', () => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('model unavailable');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/chat/completions`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('every secret set, debug logging on: nothing the bot prints holds one', () => {
  let discord: FakeDiscord | undefined;
  let slack: FakeSlack | undefined;
  afterAll(async () => {
    await discord?.close();
    await slack?.close();
  });

  it('Discord and Slack (HTTP) running, a command on each, /healthz and /metrics read, then SIGTERM', async () => {
    discord = await startFakeDiscord({ token: markers.DISCORD_TOKEN });
    slack = await startFakeSlack({ validTokens: [markers.SLACK_BOT_TOKEN] });
    const grader = await startGraderStub();
    const port = await freePort();
    const bot = spawnBot({
      LOG_LEVEL: 'debug',
      DISCORD_TOKEN: markers.DISCORD_TOKEN,
      DISCORD_APP_ID: discord.applicationId,
      DISCORD_API_URL: discord.apiUrl,
      SLACK_BOT_TOKEN: markers.SLACK_BOT_TOKEN,
      SLACK_SIGNING_SECRET: markers.SLACK_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      GRADER_URL: grader.url,
      GRADER_MODEL: 'stub',
      GRADER_API_KEY: markers.GRADER_API_KEY,
      REDIS_URL: redisUrlWithPassword(),
      REDIS_PREFIX: `e2e-secrets-${tag}`,
      QUESTIONS_DIR: fixtureBank,
      PORT: String(port),
    });
    let scraped = '';
    try {
      await bot.waitFor('PrepBot ready');
      const help = await discord.inject.slashCommand({ name: 'help', options: [] });
      await discord.waitForCall('PATCH', `/webhooks/${discord.applicationId}/${help.token}/messages/@original`, 5000);
      const events = `http://127.0.0.1:${port}/slack/events`;
      const quiz = await sendSlashCommand(events, markers.SLACK_SIGNING_SECRET, { text: 'quiz tcp', responseUrl: slack.responseUrl('q') });
      expect(quiz.status).toBe(200);
      await slack.waitForResponse('q', 5000);
      for (const path of ['/healthz', '/metrics']) {
        const res = await fetch(`http://127.0.0.1:${port}${path}`);
        expect(res.status).toBe(200);
        scraped += await res.text();
      }
    } finally {
      bot.child.kill('SIGTERM');
      await grader.close();
    }
    expect(await bot.exited).toBe(0);
    const { stdout, stderr } = bot.output();
    // Debug lines were written, and the secrets were used: the fakes take only the markers.
    expect(stderr).toContain('"level":20');
    expect(slack.calls.filter((c) => c.token === markers.SLACK_BOT_TOKEN).length).toBeGreaterThan(0);
    expect(leaked(stdout + stderr + scraped)).toEqual([]);
  }, 60_000);

  it('all of them at once (Slack in Socket Mode, which the fake cannot serve): the failed start prints none', async () => {
    discord = await startFakeDiscord({ token: markers.DISCORD_TOKEN });
    const fake = await startFakeSlack({ validTokens: [markers.SLACK_BOT_TOKEN] });
    try {
      const bot = spawnBot({
        LOG_LEVEL: 'debug',
        ...markers,
        DISCORD_APP_ID: discord.applicationId,
        DISCORD_API_URL: discord.apiUrl,
        SLACK_API_URL: fake.apiUrl,
        GRADER_URL: 'http://127.0.0.1:9/v1/chat/completions',
        GRADER_MODEL: 'stub',
        REDIS_URL: redisUrlWithPassword(),
        REDIS_PREFIX: `e2e-secrets-${tag}`,
        QUESTIONS_DIR: fixtureBank,
        PORT: String(await freePort()),
      });
      const exited = await Promise.race([bot.exited, new Promise<'running'>((r) => setTimeout(() => r('running'), 20_000))]);
      if (exited === 'running') bot.child.kill('SIGTERM');
      await bot.exited;
      const { stdout, stderr } = bot.output();
      expect(stderr).toContain('connected to Discord');
      expect(fake.callsTo('auth.test').map((c) => c.token)).toContain(markers.SLACK_BOT_TOKEN);
      expect(leaked(stdout + stderr)).toEqual([]);
    } finally {
      await fake.close();
    }
  }, 60_000);

  it('the console at a terminal: the screen and the log file it writes (.data/prepbot.log) hold none', async () => {
    const grader = await startGraderStub();
    const dataDir = join(scratch, 'console', 'redis');
    const logFile = join(scratch, 'console', 'prepbot.log');
    // script(1) gives the bot a real terminal, so it logs to the file as it does for a person typing.
    const child = spawn('script', ['-qfec', `${process.execPath} --import tsx src/main.ts`, '/dev/null'], {
      cwd: join(import.meta.dirname, '..', '..'),
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        TERM: 'dumb',
        LOG_LEVEL: 'debug',
        DEFAULT_LOCALE: 'en',
        GRADER_URL: grader.url,
        GRADER_MODEL: 'stub',
        GRADER_API_KEY: markers.GRADER_API_KEY,
        REDIS_URL: redisUrlWithPassword(),
        REDIS_PREFIX: `e2e-secrets-console-${tag}`,
        REDIS_DATA_DIR: dataDir,
        QUESTIONS_DIR: fixtureBank,
        METRICS: '1',
        PORT: String(await freePort()),
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    child.stdout.on('data', (c: Buffer) => {
      screen += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      screen += c.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await until(() => existsSync(logFile) && readFileSync(logFile, 'utf8').includes('PrepBot ready'), 30_000, 'the console bot');
      // An open question, so the model grader is called with the key (and fails: one warning).
      child.stdin.write('/quiz g-why-gil\n/answer Reference counts are not atomic, so the interpreter lock protects them\n');
      await until(() => readFileSync(logFile, 'utf8').includes('model grader failed'), 15_000, 'the grader call');
      child.stdin.write('exit\n');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGTERM');
      await grader.close();
    }
    const log = readFileSync(logFile, 'utf8');
    expect(log).toContain('"msg":"model grader failed');
    expect(grader.seen.map((h) => h.authorization)).toContain(`Bearer ${markers.GRADER_API_KEY}`);
    expect(screen).toContain('model grader failed'); // the warning reached the terminal, as one line
    expect(leaked(screen + log)).toEqual([]);
  }, 60_000);
});

describe('the secrets list', () => {
  it('names every variable the configuration reads whose name says secret, so the runs above set each one', () => {
    const secretNamed = Object.keys(envSchema.shape).filter(isSecretKey);
    expect(secretNamed.length).toBeGreaterThanOrEqual(4);
    expect(secretNamed.filter((name) => !(SECRET_VARIABLES as readonly string[]).includes(name))).toEqual([]);
  });
});
