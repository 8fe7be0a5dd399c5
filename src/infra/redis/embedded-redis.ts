import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join, resolve } from 'node:path';

/** Thrown when no redis-server binary can be found; its message tells the user how to get one. */
export class RedisServerMissingError extends Error {
  constructor() {
    super(
      [
        'No REDIS_URL is set and no redis-server was found on PATH, so PrepBot cannot start its private Redis.',
        'Pick one:',
        '  - docker compose up -d redis   (then REDIS_URL=redis://127.0.0.1:6379 npm start)',
        '  - install the system package:  sudo apt-get install redis-server   (macOS: brew install redis)',
        '  - point PrepBot at an existing Redis: REDIS_URL=redis://host:6379 npm start',
      ].join('\n'),
    );
    this.name = 'RedisServerMissingError';
  }
}

/** The first redis-server on the given PATH (from config; this module does not read the environment). */
export function findRedisServer(pathEnv: string): string | undefined {
  for (const dir of pathEnv.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'redis-server');
    const probe = spawnSync(candidate, ['--version'], { stdio: 'ignore' });
    if (probe.status === 0) return candidate;
  }
  return undefined;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

export interface EmbeddedRedis {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface EmbeddedRedisOptions {
  /** Folder for the AOF files; undefined keeps nothing on disk (tests). */
  dataDir?: string | undefined;
  binary?: string;
  /** The PATH to search for redis-server. */
  pathEnv: string;
}

/**
 * A bot killed with SIGKILL cannot stop its child; the next start finds the old server by its pid
 * file and stops it, so orphans never pile up (and never hold the AOF files).
 */
function killStaleServer(pidFile: string): void {
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').trim(), 10);
  if (!Number.isInteger(pid) || pid <= 1) return;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!cmdline.includes('redis-server')) return;
    process.kill(pid, 'SIGTERM');
    const sleeper = new Int32Array(new SharedArrayBuffer(4));
    for (let i = 0; i < 50 && existsSync(`/proc/${pid}`); i++) Atomics.wait(sleeper, 0, 0, 100);
  } catch {
    // Not running (or no /proc): nothing to clean up.
  }
}

/**
 * Starts a private redis-server on 127.0.0.1 and a free port. The caller stops it on shutdown; a
 * process 'exit' hook stops it on a crash; with a data folder, its pid file lets the next start stop
 * one left behind by a SIGKILL. Without a data folder (tests) nothing is written to disk.
 */
export async function startEmbeddedRedis(options: EmbeddedRedisOptions): Promise<EmbeddedRedis> {
  const binary = options.binary ?? findRedisServer(options.pathEnv);
  if (!binary) throw new RedisServerMissingError();
  const args = ['--bind', '127.0.0.1', '--protected-mode', 'yes', '--save', '', '--daemonize', 'no', '--loglevel', 'notice'];
  if (options.dataDir) {
    const dir = resolve(options.dataDir);
    mkdirSync(dir, { recursive: true });
    const pidFile = join(dir, 'redis-server.pid');
    killStaleServer(pidFile);
    args.push('--dir', dir, '--appendonly', 'yes', '--appendfsync', 'everysec', '--pidfile', pidFile);
  } else {
    args.push('--appendonly', 'no');
  }
  args.push('--maxmemory-policy', 'noeviction');
  // A port picked by freePort() can be taken by someone else before redis binds it: retry a few times.
  let lastError = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    // Own process group: a terminal's Ctrl-C reaches only us, and we stop redis after our own shutdown.
    const child = spawn(binary, [...args, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const ready = await waitForReady(child);
    if (ready.ok) {
      const stopOnExit = () => {
        if (child.exitCode === null) child.kill('SIGTERM');
      };
      process.once('exit', stopOnExit);
      return {
        url: `redis://127.0.0.1:${port}`,
        port,
        process: child,
        stop: () =>
          new Promise<void>((done) => {
            process.removeListener('exit', stopOnExit);
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      };
    }
    lastError = ready.output;
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  throw new Error(`redis-server did not start: ${lastError.trim()}`);
}

function waitForReady(child: ChildProcess): Promise<{ ok: boolean; output: string }> {
  return new Promise((done) => {
    let output = '';
    const timer = setTimeout(() => finish(false), 10_000);
    const finish = (ok: boolean) => {
      clearTimeout(timer);
      child.stdout?.removeListener('data', onData);
      // Keep draining so a chatty redis never blocks on a full pipe.
      child.stdout?.resume();
      child.stderr?.resume();
      done({ ok, output });
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready to accept connections/i.test(output)) finish(true);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.once('exit', () => finish(false));
  });
}
