import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join, resolve } from 'node:path';
import {
  acquireOwnersLock,
  isAlive,
  isRedisServer,
  leaveServer,
  type OwnedServer,
  processRef,
  readOwnedServer,
  writeOwnedServer,
} from './server-owners.js';

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
  pid: number;
  /** True when another bot on the same data folder started it: this one only connects to it. */
  shared: boolean;
  /** Stops the server, unless another bot still uses it (then it keeps running for them). */
  stop(): Promise<void>;
}

export interface EmbeddedRedisOptions {
  /** Folder for the AOF files; undefined keeps nothing on disk (tests). */
  dataDir?: string | undefined;
  binary?: string;
  /** The PATH to search for redis-server. */
  pathEnv: string;
}

const BASE_ARGS = ['--bind', '127.0.0.1', '--protected-mode', 'yes', '--save', '', '--daemonize', 'no', '--loglevel', 'notice'];

/**
 * Starts a private redis-server on 127.0.0.1 and a free port, or, with a data folder another live
 * bot already serves, connects to that one: a second `npm start` shares the first one's server
 * rather than stopping it. Only a server none of whose bots is alive (left by a SIGKILL) is stopped.
 * The caller stops it on shutdown; a process 'exit' hook does on a crash. Without a data folder
 * (tests) nothing is written to disk and nothing is shared.
 */
export async function startEmbeddedRedis(options: EmbeddedRedisOptions): Promise<EmbeddedRedis> {
  const binary = options.binary ?? findRedisServer(options.pathEnv);
  if (!binary) throw new RedisServerMissingError();
  if (!options.dataDir) {
    const child = await launch(binary, [...BASE_ARGS, '--appendonly', 'no', '--maxmemory-policy', 'noeviction']);
    return ownServer(child, () => true);
  }
  const dir = resolve(options.dataDir);
  mkdirSync(dir, { recursive: true });
  // Held while the server starts, so two bots starting at once never both start one on these files.
  const release = acquireOwnersLock(dir);
  try {
    const me = processRef(process.pid);
    const running = readOwnedServer(dir);
    const owners = running?.owners.filter(isAlive) ?? [];
    if (running && owners.length > 0 && isRedisServer(running.redisPid)) {
      writeOwnedServer(dir, { ...running, owners: [...owners, me] });
      return sharedServer(dir, running);
    }
    const pidFile = join(dir, 'redis-server.pid');
    if (running) stopOrphan(running.redisPid);
    stopOrphan(readPidFile(pidFile));
    const args = [...BASE_ARGS, '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'everysec', '--pidfile', pidFile];
    const child = await launch(binary, [...args, '--maxmemory-policy', 'noeviction']);
    writeOwnedServer(dir, { redisPid: child.pid, port: child.port, owners: [me] });
    return ownServer(child, () => leaveServer(dir, child.pid));
  } finally {
    release();
  }
}

interface Launched {
  process: ChildProcess;
  pid: number;
  port: number;
}

/** A server this process started; `lastUser` says whether stopping should end it. */
function ownServer(child: Launched, lastUser: () => boolean): EmbeddedRedis {
  let left = false;
  const leave = (): boolean => {
    if (left) return false;
    left = true;
    if (lastUser()) return true;
    // Another bot still uses it: let it outlive us.
    child.process.stdout?.destroy();
    child.process.stderr?.destroy();
    child.process.unref();
    return false;
  };
  const stopOnExit = () => {
    if (leave() && child.process.exitCode === null) child.process.kill('SIGTERM');
  };
  process.once('exit', stopOnExit);
  return {
    url: `redis://127.0.0.1:${child.port}`,
    port: child.port,
    pid: child.pid,
    shared: false,
    stop: () =>
      new Promise<void>((done) => {
        process.removeListener('exit', stopOnExit);
        if (!leave() || child.process.exitCode !== null || child.process.signalCode !== null) return done();
        child.process.once('exit', () => done());
        child.process.kill('SIGTERM');
      }),
  };
}

/** A server another bot started on the same data folder. */
function sharedServer(dir: string, server: OwnedServer): EmbeddedRedis {
  let left = false;
  const leave = (): boolean => {
    if (left) return false;
    left = true;
    return leaveServer(dir, server.redisPid);
  };
  const stopOnExit = () => {
    if (leave()) signal(server.redisPid, 'SIGTERM');
  };
  process.once('exit', stopOnExit);
  return {
    url: `redis://127.0.0.1:${server.port}`,
    port: server.port,
    pid: server.redisPid,
    shared: true,
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      if (!leave()) return;
      signal(server.redisPid, 'SIGTERM');
      for (let i = 0; i < 100 && isRedisServer(server.redisPid); i++) await new Promise((r) => setTimeout(r, 50));
    },
  };
}

async function launch(binary: string, args: string[]): Promise<Launched> {
  // A port picked by freePort() can be taken by someone else before redis binds it: retry a few times.
  let lastError = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    // Own process group: a terminal's Ctrl-C reaches only us, and we stop redis after our own shutdown.
    const child = spawn(binary, [...args, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const ready = await waitForReady(child);
    if (ready.ok && child.pid !== undefined) return { process: child, pid: child.pid, port };
    lastError = ready.output;
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  throw new Error(`redis-server did not start: ${lastError.trim()}`);
}

function readPidFile(pidFile: string): number {
  if (!existsSync(pidFile)) return 0;
  return Number.parseInt(readFileSync(pidFile, 'utf8').trim(), 10);
}

/** Stops a redis-server none of whose bots is alive, and waits (up to 5 s) for it to go. */
function stopOrphan(pid: number): void {
  if (!isRedisServer(pid)) return;
  signal(pid, 'SIGTERM');
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (let i = 0; i < 50 && isRedisServer(pid); i++) Atomics.wait(sleeper, 0, 0, 100);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
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
