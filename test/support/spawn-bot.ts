import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export interface SpawnedBot {
  child: ChildProcess;
  /** Everything the process wrote so far. */
  output(): { stdout: string; stderr: string };
  /** Resolves once stderr contains `text` (e.g. 'PrepBot ready'), or rejects after `timeoutMs`. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

/**
 * A real bot process (`src/main.ts`, or another entry such as `src/discord-shards.ts`) with only the
 * environment given: nothing leaks in from the developer's shell. `stdin: 'pipe'` keeps a console bot
 * running until `child.stdin` ends (with 'ignore' it reads end of input at once and stops).
 */
export function spawnBot(env: Record<string, string>, entry = 'src/main.ts', options: { stdin?: 'ignore' | 'pipe' } = {}): SpawnedBot {
  // tsx's loader in the bot's own process: the tsx CLI would run the bot in a grandchild, which a
  // SIGKILL of the child leaves running.
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', DEFAULT_LOCALE: 'en', ...env },
    stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: Array<() => void> = [];
  child.stdout?.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString();
    for (const w of waiters.splice(0)) w();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => ({ stdout, stderr }),
    exited,
    waitFor(text, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "${text}" within ${timeoutMs} ms:\n${stderr}`)), timeoutMs);
        const check = () => {
          if (stderr.includes(text)) {
            clearTimeout(timer);
            resolve();
          } else waiters.push(check);
        };
        check();
      });
    },
  };
}
