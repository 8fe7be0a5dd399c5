import { STATUS_CODES } from 'node:http';

export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
}

export interface RecordedCall {
  method: string;
  /** The path below `/api/v10` (e.g. `/channels/1/messages`); the raw path for requests outside it. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, or the parsed `payload_json` part of a multipart body. */
  body: unknown;
  files: RecordedFile[];
  /** The route pattern that handled it (e.g. `POST /channels/:channel/messages`), or null for unknown routes. */
  route: string | null;
  /** `bot`: `Authorization: Bot <token>` was sent; discord.js sends none on interaction and webhook routes. */
  auth: 'bot' | 'none' | 'other';
  status: number;
  response: unknown;
  /** True when an injected failure produced the status. */
  injected: boolean;
  at: number;
}

/** `'POST /channels/:id/messages'`, `'/users/@me'` (any method), `*` for any characters; or a RegExp over `'POST /path'`. */
export type RoutePattern = string | RegExp;

export function compileRoute(pattern: RoutePattern): (method: string, path: string) => boolean {
  if (pattern instanceof RegExp) return (method, path) => pattern.test(`${method} ${path}`);
  const space = pattern.indexOf(' ');
  const method = space > 0 ? pattern.slice(0, space).toUpperCase() : '*';
  const path = compilePath(space > 0 ? pattern.slice(space + 1) : pattern);
  return (m, p) => (method === '*' || method === m) && path.test(p);
}

export function compilePath(path: string | RegExp): RegExp {
  if (path instanceof RegExp) return path;
  const escaped = path
    .split('/')
    .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')))
    .join('/');
  return new RegExp(`^${escaped}$`);
}

interface Waiter {
  matches: (call: RecordedCall) => boolean;
  onCall: () => void;
  cancel: () => void;
}

/** Every REST call the fake answered, in order, with promise-based waiting (no polling). */
export class CallLog {
  readonly calls: RecordedCall[] = [];
  readonly #waiters = new Set<Waiter>();

  record(call: RecordedCall): void {
    this.calls.push(call);
    for (const w of this.#waiters) if (w.matches(call)) w.onCall();
  }

  /** `method` is upper case or `*`; `path` a RegExp or a pattern like `/channels/:id/messages`. */
  callsTo(method: string, path: RegExp | string, since = 0): RecordedCall[] {
    const matches = matcher(method, path);
    return this.calls.slice(since).filter(matches);
  }

  /** The index the next call will get: pass it as `since` to wait only for calls made after now. */
  mark(): number {
    return this.calls.length;
  }

  /** Resolves with the first matching call at index >= `since` (earlier ones included), or rejects after `timeoutMs`. */
  async waitForCall(method: string, path: RegExp | string, timeoutMs = 2000, since = 0): Promise<RecordedCall> {
    const [call] = await this.waitForCalls(method, path, 1, timeoutMs, since);
    if (!call) throw new Error('unreachable');
    return call;
  }

  waitForCalls(method: string, path: RegExp | string, count: number, timeoutMs = 2000, since = 0): Promise<RecordedCall[]> {
    const matches = matcher(method, path);
    const found = () => this.calls.slice(since).filter(matches);
    if (found().length >= count) return Promise.resolve(found().slice(0, count));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        matches,
        onCall: () => {
          const now = found();
          if (now.length < count) return;
          clearTimeout(timer);
          this.#waiters.delete(waiter);
          resolve(now.slice(0, count));
        },
        cancel: () => {
          clearTimeout(timer);
          reject(new Error(`fake-discord: closed while waiting for ${method} ${String(path)}`));
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        const seen = this.calls.map((c) => `  ${c.status} ${c.method} ${c.path}`).join('\n') || '  (none)';
        reject(
          new Error(
            `fake-discord: expected ${count} × ${method} ${String(path)} within ${timeoutMs}ms, got ${found().length}. Calls so far:\n${seen}`,
          ),
        );
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  /** Rejects pending waits so a closing fake does not leave timers behind. */
  close(): void {
    for (const w of this.#waiters) w.cancel();
    this.#waiters.clear();
  }
}

function matcher(method: string, path: RegExp | string): (c: RecordedCall) => boolean {
  const m = method.toUpperCase();
  const re = compilePath(path);
  return (c) => (m === '*' || c.method === m) && re.test(c.path);
}

export interface InjectedFailure {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  /** Apply the request first, then fail: the "response lost after the write" case that nonces guard against. */
  applied: boolean;
  /** Apply the request, then never answer: the client is killed while waiting (a crash after the write). */
  hold: boolean;
}

export interface FailOptions {
  applied?: boolean;
  hold?: boolean;
  headers?: Record<string, string>;
}

interface QueuedFailure extends InjectedFailure {
  matches: (method: string, path: string) => boolean;
  remaining: number;
  pattern: string;
}

/** Scripted REST failures, consumed in the order they were queued. */
export class FailureQueue {
  readonly #queue: QueuedFailure[] = [];

  add(route: RoutePattern, status: number, body?: unknown, times = 1, opts: FailOptions = {}): void {
    const pattern = String(route);
    const failure = { ...defaultFailure(pattern, status, body), applied: opts.applied ?? false, hold: opts.hold ?? false };
    Object.assign(failure.headers, opts.headers);
    this.#queue.push({ ...failure, matches: compileRoute(route), remaining: times, pattern });
  }

  take(method: string, path: string): InjectedFailure | undefined {
    const i = this.#queue.findIndex((f) => f.matches(method, path));
    const f = this.#queue[i];
    if (!f) return undefined;
    f.remaining -= 1;
    if (f.remaining <= 0) this.#queue.splice(i, 1);
    // A 429's reset is relative to when it is served, not when it was queued.
    const headers = status429Headers(f) ?? f.headers;
    return { status: f.status, body: f.body, headers, applied: f.applied, hold: f.hold };
  }

  get pending(): number {
    return this.#queue.reduce((n, f) => n + f.remaining, 0);
  }

  clear(): void {
    this.#queue.length = 0;
  }
}

function defaultFailure(pattern: string, status: number, body: unknown): InjectedFailure {
  if (status === 429) {
    const given = (body ?? {}) as { retry_after?: number; global?: boolean };
    const full = { message: 'You are being rate limited.', retry_after: given.retry_after ?? 0.1, global: given.global ?? false, ...given };
    return { status, body: full, headers: { 'X-RateLimit-Bucket': bucketOf(pattern) }, applied: false, hold: false };
  }
  return {
    status,
    body: body ?? { code: 0, message: `${status}: ${STATUS_CODES[status] ?? 'Error'}` },
    headers: {},
    applied: false,
    hold: false,
  };
}

/**
 * The headers Discord sends with a 429. Retry-After is an integer number of seconds on the real API;
 * here it carries the decimal retry_after so tests stay fast (discord.js parses it as a float).
 */
function status429Headers(f: QueuedFailure): Record<string, string> | undefined {
  if (f.status !== 429) return undefined;
  const { retry_after: retryAfter, global } = f.body as { retry_after: number; global: boolean };
  const headers: Record<string, string> = {
    'Retry-After': String(retryAfter),
    'X-RateLimit-Limit': '1',
    'X-RateLimit-Remaining': '0',
    'X-RateLimit-Reset': ((Date.now() + retryAfter * 1000) / 1000).toFixed(3),
    'X-RateLimit-Reset-After': String(retryAfter),
    'X-RateLimit-Scope': global ? 'global' : 'user',
    ...f.headers,
  };
  if (global) headers['X-RateLimit-Global'] = 'true';
  return headers;
}

function bucketOf(pattern: string): string {
  let h = 0;
  for (const ch of pattern) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return h.toString(16).padStart(8, '0');
}
