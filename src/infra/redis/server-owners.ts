import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Which bots use the private redis-server of one data folder. Two bots on one folder must share one
 * server (two servers would write the same AOF files), and only the last one to leave may stop it; a
 * server whose every owner is gone (killed with SIGKILL) is an orphan the next start stops.
 */

/** A process, told apart from a later one with the same pid by its start time where /proc has it. */
export interface ProcessRef {
  pid: number;
  started?: string | undefined;
}

export interface OwnedServer {
  redisPid: number;
  port: number;
  owners: ProcessRef[];
}

const REGISTRY = 'owners.json';
const LOCK = 'owners.lock';

export function processRef(pid: number): ProcessRef {
  return { pid, started: procStat(pid)?.started };
}

/** Field 3 (state) and field 22 (start time) of /proc/<pid>/stat; undefined where there is no /proc. */
function procStat(pid: number): { state: string; started: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: the fixed fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', started: fields[19] ?? '' };
  } catch {
    return undefined;
  }
}

export function isAlive(ref: ProcessRef): boolean {
  try {
    process.kill(ref.pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(ref.pid);
  if (!stat) return true;
  if (stat.state === 'Z') return false;
  return ref.started === undefined || ref.started === stat.started;
}

/** A live redis-server (a reused pid of some other program is not one). */
export function isRedisServer(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 1 || !isAlive({ pid })) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('redis-server');
  } catch {
    return !existsSync('/proc');
  }
}

export function readOwnedServer(dir: string): OwnedServer | undefined {
  try {
    const parsed = JSON.parse(readFileSync(join(dir, REGISTRY), 'utf8')) as Partial<OwnedServer>;
    if (typeof parsed.redisPid !== 'number' || typeof parsed.port !== 'number' || !Array.isArray(parsed.owners)) return undefined;
    return { redisPid: parsed.redisPid, port: parsed.port, owners: parsed.owners.filter((o) => typeof o?.pid === 'number') };
  } catch {
    return undefined;
  }
}

export function writeOwnedServer(dir: string, server: OwnedServer): void {
  // Written whole, then renamed: a reader never sees half a file.
  const tmp = join(dir, `${REGISTRY}.${process.pid}.tmp`);
  writeFileSync(tmp, JSON.stringify(server));
  renameSync(tmp, join(dir, REGISTRY));
}

export function removeOwnedServer(dir: string): void {
  rmSync(join(dir, REGISTRY), { force: true });
}

/**
 * Takes the folder's lock (an exclusively created file naming its holder), waiting while another
 * live bot holds it; returns its release. Synchronous, so a process 'exit' hook can use it too.
 */
export function acquireOwnersLock(dir: string, waitMs = 15_000): () => void {
  const lock = join(dir, LOCK);
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      writeFileSync(fd, JSON.stringify(processRef(process.pid)));
      closeSync(fd);
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(lock);
    // A holder that died (or a lock older than any start-up) is stale; an unreadable one is being written.
    if ((holder && !isAlive(holder)) || Date.now() > deadline) rmSync(lock, { force: true });
    else Atomics.wait(sleeper, 0, 0, 50);
  }
}

function readHolder(lock: string): ProcessRef | undefined {
  try {
    const ref = JSON.parse(readFileSync(lock, 'utf8')) as ProcessRef;
    return typeof ref.pid === 'number' ? ref : undefined;
  } catch {
    return undefined;
  }
}

/**
 * This process stops using the folder's server. True when nobody else uses it (the caller stops
 * it), false when another live bot still does (it keeps running for them).
 */
export function leaveServer(dir: string, redisPid: number): boolean {
  const release = acquireOwnersLock(dir);
  try {
    const server = readOwnedServer(dir);
    // The registry describes another server (ours died and was replaced): nobody else knows ours.
    if (!server || server.redisPid !== redisPid) return true;
    const others = server.owners.filter((o) => o.pid !== process.pid && isAlive(o));
    if (others.length > 0) {
      writeOwnedServer(dir, { ...server, owners: others });
      return false;
    }
    removeOwnedServer(dir);
    return true;
  } finally {
    release();
  }
}
