import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../src/infra/redis/embedded-redis.js';

const root = join(import.meta.dirname, '..', '..');
const tsxCli = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'prepbot-e2e-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(env: Record<string, string>, input?: string): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [tsxCli, 'src/main.ts'], {
    cwd: root,
    // Only what the bot needs: no REDIS_URL or platform tokens leak in from the developer's shell.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', DEFAULT_LOCALE: 'en', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  if (input !== undefined) child.stdin?.end(input);
  const done = new Promise<Run>((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

const prefix = () => `e2e-${Math.random().toString(36).slice(2, 8)}`;
const fixtureBank = join(root, 'test', 'fixtures', 'bank');
/** A question answered right, then the board: boards list only members who scored. */
const scoringScript = '/quiz t-handshake-count\n/answer B\n/leaderboard\n';

describe('npm start: the console bot', () => {
  it('stops a redis-server left behind by a bot that was killed with SIGKILL', async () => {
    const dataDir = join(scratch, 'orphan-data');
    mkdirSync(dataDir, { recursive: true });
    const pidFile = join(dataDir, 'redis-server.pid');
    // What a SIGKILLed bot leaves: its redis-server, still running, with its pid file.
    const orphan = spawn('redis-server', [
      '--port',
      String(await freePort()),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--pidfile',
      pidFile,
      '--daemonize',
      'yes',
    ]);
    await new Promise((r) => orphan.on('exit', r));
    await waitFor(() => existsSync(pidFile), 'the orphan pid file');
    const orphanPid = Number(readFileSync(pidFile, 'utf8'));
    try {
      expect(alive(orphanPid)).toBe(true);
      const run = await start({ REDIS_DATA_DIR: dataDir }, '/help\n').done;
      expect(run.code).toBe(0);
      expect(alive(orphanPid)).toBe(false);
    } finally {
      // Never leave the daemonized server behind, even when the behaviour under test is broken.
      if (alive(orphanPid)) process.kill(orphanPid, 'SIGKILL');
    }
  });

  it("a second bot on the same data folder shares the first one's redis-server; the last one to stop stops it", async () => {
    const dataDir = join(scratch, 'shared-data');
    const first = start({ REDIS_DATA_DIR: dataDir });
    const firstOut = collect(first.child);
    await waitFor(() => firstOut.stderr.includes('PrepBot ready'), 'the first bot');
    const redisPid = Number(readFileSync(join(dataDir, 'redis-server.pid'), 'utf8'));

    // The README's piped example, while the first bot runs.
    const piped = await start({ REDIS_DATA_DIR: dataDir, QUESTIONS_DIR: fixtureBank }, `/as bob\n${scoringScript}`).done;
    expect(piped.code).toBe(0);
    expect(piped.stderr).toContain('using the private redis-server another PrepBot runs');
    expect(piped.stdout).toMatch(/1\. bob · \d+/);
    expect(alive(redisPid)).toBe(true);

    // The first bot still answers, and sees what the second one recorded.
    first.child.stdin?.write('/leaderboard\n');
    await waitFor(() => /bob · \d+/.test(firstOut.stdout), 'the first bot to answer after the second one left');

    // A third one joins, the first one stops: the third keeps its Redis, and stops it when it stops.
    const third = start({ REDIS_DATA_DIR: dataDir });
    const thirdOut = collect(third.child);
    await waitFor(() => thirdOut.stderr.includes('PrepBot ready'), 'the third bot');
    first.child.stdin?.end();
    expect((await first.done).code).toBe(0);
    expect(alive(redisPid)).toBe(true);
    third.child.stdin?.write('/leaderboard\n');
    await waitFor(() => /bob · \d+/.test(thirdOut.stdout), 'the third bot to answer after the first one left');
    third.child.stdin?.end();
    expect((await third.done).code).toBe(0);
    await waitFor(() => !alive(redisPid), 'redis-server to stop with its last bot');
    expect(`${firstOut.stderr}${thirdOut.stderr}`).not.toContain('ECONNREFUSED');
  });

  it('runs a piped script: a question, a grade and a leaderboard with the user, then exits 0', async () => {
    const { done } = start({ REDIS_URL: inject('redisUrl'), REDIS_PREFIX: prefix(), QUESTIONS_DIR: fixtureBank }, scoringScript);
    const run = await done;
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/== Question [a-z0-9-]+ ==/);
    expect(run.stdout).toMatch(/points|covered|Not quite|Correct|Partly/i);
    expect(run.stdout).toMatch(/Leaderboard · all time[\s\S]*1\. \S+ · \d+/);
    expect(run.stdout.includes(String.fromCharCode(27))).toBe(false); // no colour codes in a pipe
  });

  it('lets /as switch users so group features can be tried alone', async () => {
    const script = '/quiz t-nope\n/as alice\n/leaderboard hide-me\n/as bob\n/leaderboard\n';
    const run = await start({ REDIS_URL: inject('redisUrl'), REDIS_PREFIX: prefix() }, script).done;
    expect(run.stdout).toContain('No topic or question called "t-nope"');
    expect(run.stdout).toContain('(now acting as alice)');
    expect(run.stdout).toContain('[to alice]');
    expect(run.stdout).toContain('(now acting as bob)');
  });

  it('runs a panel mock interview alone, playing every member with /as', async () => {
    const script = [
      '/as host',
      '/mock start gil rounds=2 seconds=60',
      '/as alice',
      '/mock join',
      '/as host',
      '/mock begin',
      '/answer GIL',
      '/as alice',
      '/answer GIL',
      '/as host',
      '/answer GIL',
      '/as alice',
      '/answer no idea',
    ].join('\n');
    const env = { REDIS_URL: inject('redisUrl'), REDIS_PREFIX: prefix(), QUESTIONS_DIR: join(root, 'test', 'fixtures', 'bank') };
    const run = await start(env, `${script}\n`).done;
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('== Mock interview · lobby ==');
    expect(run.stdout).toMatch(/== Round 1\/2 · g-[a-z-]+ ==/);
    expect(run.stdout).toMatch(/== Round 1\/2 results · g-[a-z-]+ ==/);
    expect(run.stdout).toMatch(/== Round 2\/2 results · g-[a-z-]+ ==/);
    expect(run.stdout).toMatch(/== Mock interview · final results ==\nPodium: 1\. \w+ \d+/);
  });

  it('runs a whole drill from a piped script, then /stats', async () => {
    // The fixture bank's two gil questions (a short and an open one) grade "GIL" whichever comes first.
    const script = ['/drill gil count=2', '/answer GIL', '/answer GIL', '/stats'].join('\n');
    const env = { REDIS_URL: inject('redisUrl'), REDIS_PREFIX: prefix(), QUESTIONS_DIR: join(root, 'test', 'fixtures', 'bank') };
    const run = await start(env, `${script}\n`).done;
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/== Drill 1\/2 · [a-z0-9-]+ ==/);
    expect(run.stdout).toMatch(/== Drill 2\/2 · [a-z0-9-]+ ==/);
    expect(run.stdout).toMatch(/== Drill summary ==\n\d\/2 right/);
    expect(run.stdout).toMatch(/== Stats · \S+ ==\n2 answered/);
  });

  it('runs the daily question from the console: set, now, two users answer, reveal, boards', async () => {
    const script = [
      '/daily set 09:00 tz=Europe/Berlin topic=tcp-udp reveal=1h',
      '/daily now',
      '/as alice',
      '/answer A',
      '/as bob',
      '/answer B',
      '/as admin',
      '/daily reveal',
      '/leaderboard',
    ].join('\n');
    const run = await start({ REDIS_URL: inject('redisUrl'), REDIS_PREFIX: prefix() }, `${script}\n`).done;
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Daily question set for this channel');
    expect(run.stdout).toMatch(/== Daily question · \d{4}-\d\d-\d\d · [a-z0-9-]+ ==/);
    expect(run.stdout).toMatch(/== Revealed · [a-z0-9-]+ ==/);
    // Secret until the reveal: receipts first, then each member's verdict privately.
    expect(run.stdout).toMatch(/\[to alice\] == Your answer to [a-z0-9-]+ ==\nAnswer recorded: A\. Results at the reveal/);
    expect(run.stdout.indexOf('Answer recorded: A')).toBeLessThan(run.stdout.indexOf('== Revealed'));
    expect(run.stdout).toMatch(/\[to alice\] == Your result · [a-z0-9-]+ ==/);
    expect(run.stdout).toMatch(/\[to bob\] == Your result · [a-z0-9-]+ ==/);
    expect(run.stdout).toMatch(/\d\/2 correct/);
    expect(run.stdout).toMatch(/Leaderboard · all time/);
  });

  it('stops with one message naming a malformed setting', async () => {
    const run = await start({ DEFAULT_LOCALE: 'fr', PORT: 'x' }, '').done;
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Invalid configuration');
    expect(run.stderr).toContain('DEFAULT_LOCALE="fr" must be zh or en');
    expect(run.stderr).toContain('PORT');
  });

  it('says so when REDIS_URL points nowhere, without printing its password', async () => {
    const run = await start({ REDIS_URL: `redis://:hunter2@127.0.0.1:${await freePort()}` }, '/help\n').done;
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Cannot reach Redis at redis://:***@127.0.0.1:');
    // One clear line, not a warning for every reconnect attempt first.
    expect(run.stderr).not.toContain('redis connection problem');
    expect(`${run.stdout}${run.stderr}`).not.toContain('hunter2');
  });

  it('refuses to start on an invalid question bank, naming file and line', async () => {
    const run = await start({ REDIS_URL: inject('redisUrl'), QUESTIONS_DIR: 'test/fixtures/bad-questions/answer-not-option' }, '').done;
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'test/fixtures/bad-questions/answer-not-option/tcp.yaml:19: items.0.answer: answer E is not among the options',
    );
  });

  it('without REDIS_URL and without redis-server on PATH, exits non-zero naming the ways to get one', async () => {
    const bin = join(scratch, 'bin-without-redis');
    rmSync(bin, { recursive: true, force: true });
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    const run = await start({ PATH: bin, REDIS_DATA_DIR: join(scratch, 'none') }, '').done;
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('no redis-server was found on PATH');
    expect(run.stderr).toContain('docker compose up -d redis');
    expect(run.stderr).toContain('REDIS_URL=');
  });

  it('without REDIS_URL starts a private redis-server, keeps points across restarts, and leaves no orphan', async () => {
    const dataDir = join(scratch, 'redis-data');
    const first = await start({ REDIS_DATA_DIR: dataDir, QUESTIONS_DIR: fixtureBank }, `/as carol\n${scoringScript}`).done;
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('started a private redis-server');
    const row = /1\. carol · \d+/.exec(first.stdout)?.[0];
    expect(row).toBeDefined();

    // A second run on the same data: the points are still there. Then interrupt it.
    const running = start({ REDIS_DATA_DIR: dataDir });
    let out = '';
    running.child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
    });
    running.child.stdin?.write('/as carol\n/leaderboard\n');
    await waitFor(() => out.includes(row ?? '?'), 'the leaderboard of the second run');
    const pid = Number(readFileSync(join(dataDir, 'redis-server.pid'), 'utf8'));
    expect(alive(pid)).toBe(true);
    running.child.kill('SIGINT');
    const stopped = await running.done;
    expect(stopped.code).toBe(0);
    await waitFor(() => !alive(pid), 'redis-server to stop');
  });
});

function collect(child: ChildProcess): { stdout: string; stderr: string } {
  const out = { stdout: '', stderr: '' };
  child.stdout?.on('data', (c: Buffer) => {
    out.stdout += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    out.stderr += c.toString();
  });
  return out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
}

async function waitFor(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
