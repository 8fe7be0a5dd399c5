import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApiArgs, type FakeUser, FakeWorkspace, type WorkspaceOptions } from './fake-workspace.js';

export interface RecordedCall {
  method: string;
  args: ApiArgs;
  /** From 'Authorization: Bearer …' (how @slack/web-api sends it) or else the `token` field. */
  token: string | undefined;
  at: number;
  /** What the fake answered, failures included. */
  response: { status: number; body: unknown };
}

export interface ResponseUrlBody {
  text?: string;
  blocks?: unknown[];
  response_type?: 'in_channel' | 'ephemeral';
  replace_original?: boolean;
  delete_original?: boolean;
  thread_ts?: string;
  [key: string]: unknown;
}

export interface ResponseUrlPost {
  id: string;
  body: ResponseUrlBody;
  at: number;
}

/** A Slack error code (HTTP 200, ok:false), or an HTTP status: 429 comes with Retry-After. */
export type Failure = string | number;

export interface FailOptions {
  /** The call takes effect (a message is posted), then the failure is answered: the answer was lost after the write. */
  applied?: boolean;
  /** No answer ever comes (until the fake closes): the caller dies while it waits. With `applied`, the call took effect. */
  hold?: boolean;
  /** Only calls whose arguments this accepts fail (and use up the failure); the others go through. */
  match?: (args: ApiArgs) => boolean;
}

interface QueuedFailure extends FailOptions {
  failure: Failure;
  /** How many more matching calls it fails. */
  remaining: number;
}

export interface FakeSlackOptions extends WorkspaceOptions {
  /** When set, any other token gets invalid_auth. */
  validTokens?: string[];
  /** Seconds in the Retry-After of a failNext(…, 429). */
  retryAfterSeconds?: number;
}

export interface FakeSlack {
  /** For `clientOptions.slackApiUrl`; ends with '/api/'. */
  apiUrl: string;
  calls: readonly RecordedCall[];
  responses: readonly ResponseUrlPost[];
  workspace: FakeWorkspace;
  callsTo(method: string): RecordedCall[];
  /** Resolves with the first call to `method` (already recorded or still to come) that `match` accepts. */
  waitForCall(method: string, timeoutMs?: number, match?: (call: RecordedCall) => boolean): Promise<RecordedCall>;
  responseUrl(id: string): string;
  responsesTo(id: string): ResponseUrlPost[];
  waitForResponse(id: string, timeoutMs?: number, match?: (post: ResponseUrlPost) => boolean): Promise<ResponseUrlPost>;
  setUser(user: FakeUser): void;
  expireTriggerId(triggerId: string): void;
  /**
   * The next `times` calls to `method` fail; they are still recorded and change no state, unless
   * `applied` says the call took effect first.
   */
  failNext(method: string, failure: Failure, times?: number, options?: FailOptions): void;
  /** The next post to response URL `id` is recorded and never answered: the app dies waiting. */
  holdResponse(id: string): void;
  /** Calls and response URL posts answered with nothing yet (held by `hold`, `holdResponse`). */
  readonly held: number;
  /** Forget calls, responses and pending failures; users, channels and messages stay. */
  reset(): void;
  close(): Promise<void>;
}

// web-api JSON-encodes every non-scalar argument into its form field; Slack decodes these by name, and so do we,
// so a text that happens to start with '[' stays text.
const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'metadata', 'unfurls', 'user_auth_blocks', 'options', 'option_groups']);

interface Waiter<T> {
  match: (item: T) => boolean;
  resolve: (item: T) => void;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function parseArgs(req: IncomingMessage, url: URL): Promise<ApiArgs | undefined> {
  const raw = await readBody(req);
  const type = req.headers['content-type'] ?? '';
  const args: ApiArgs = Object.fromEntries(url.searchParams);
  if (type.startsWith('application/json')) {
    const parsed: unknown = raw.length > 0 ? JSON.parse(raw.toString()) : {};
    return typeof parsed === 'object' && parsed !== null ? { ...args, ...(parsed as ApiArgs) } : undefined;
  }
  let fields: Iterable<[string, unknown]> = [];
  if (type.startsWith('application/x-www-form-urlencoded')) fields = new URLSearchParams(raw.toString());
  else if (type.startsWith('multipart/form-data')) {
    const form = await new Request('http://fake.invalid/', { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
    fields = [...form].map(([k, v]) => [k, typeof v === 'string' ? v : { filename: v.name, size: v.size }]);
  }
  for (const [key, value] of fields) {
    if (typeof value === 'string' && JSON_FIELDS.has(key)) {
      try {
        args[key] = JSON.parse(value);
        continue;
      } catch {
        // Left as the raw string: the handler then answers the way Slack does to a malformed field.
      }
    }
    args[key] = value;
  }
  return args;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const contentType = typeof body === 'string' ? 'text/plain' : 'application/json; charset=utf-8';
  res.writeHead(status, { 'Content-Type': contentType, ...headers });
  res.end(text);
}

function waitFor<T>(items: readonly T[], waiters: Set<Waiter<T>>, match: (item: T) => boolean, timeoutMs: number, what: () => string) {
  const found = items.find(match);
  if (found !== undefined) return Promise.resolve(found);
  return new Promise<T>((resolve, reject) => {
    const waiter: Waiter<T> = {
      match,
      resolve: (item) => {
        clearTimeout(timer);
        waiters.delete(waiter);
        resolve(item);
      },
    };
    const timer = setTimeout(() => {
      waiters.delete(waiter);
      reject(new Error(`fake Slack: timed out after ${timeoutMs} ms waiting for ${what()}`));
    }, timeoutMs);
    waiters.add(waiter);
  });
}

function notify<T>(waiters: Set<Waiter<T>>, item: T): void {
  for (const w of [...waiters]) if (w.match(item)) w.resolve(item);
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const workspace = new FakeWorkspace(options);
  const calls: RecordedCall[] = [];
  const responses: ResponseUrlPost[] = [];
  const callWaiters = new Set<Waiter<RecordedCall>>();
  const responseWaiters = new Set<Waiter<ResponseUrlPost>>();
  const failures = new Map<string, QueuedFailure[]>();
  let held = 0;
  const heldResponseUrls = new Set<string>();
  const validTokens = options.validTokens ? new Set(options.validTokens) : undefined;

  const answer = (
    method: string,
    args: ApiArgs,
    token: string | undefined,
  ): { status: number; body: unknown; headers?: Record<string, string>; hold?: boolean } => {
    const queue = failures.get(method) ?? [];
    const index = queue.findIndex((f) => f.match?.(args) ?? true);
    const queued = queue[index];
    if (queued && --queued.remaining === 0) queue.splice(index, 1);
    const applied = queued?.applied ? answerFor(undefined, method, args, token) : undefined;
    if (queued?.hold) return { ...(applied ?? { status: 0, body: undefined }), hold: true };
    return answerFor(queued?.failure, method, args, token);
  };

  const answerFor = (
    failure: Failure | undefined,
    method: string,
    args: ApiArgs,
    token: string | undefined,
  ): { status: number; body: unknown; headers?: Record<string, string> } => {
    if (typeof failure === 'string') return { status: 200, body: { ok: false, error: failure } };
    if (failure === 429) {
      const retryAfter = String(options.retryAfterSeconds ?? 1);
      return { status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'Retry-After': retryAfter } };
    }
    if (failure !== undefined) return { status: failure, body: 'fake Slack: injected failure' };
    if (!token) return { status: 200, body: { ok: false, error: 'not_authed' } };
    if (validTokens && !validTokens.has(token)) return { status: 200, body: { ok: false, error: 'invalid_auth' } };
    return { status: 200, body: workspace.handle(method, args) };
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, url: URL, method: string) => {
    const args = await parseArgs(req, url).catch(() => undefined);
    if (!args) return send(res, 200, { ok: false, error: 'invalid_form_data' });
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ?? (typeof args.token === 'string' ? args.token : undefined);
    const result = answer(method, args, token);
    // A held call is recorded with status 0: it took effect and its answer never left.
    const status = result.hold ? 0 : result.status;
    const call: RecordedCall = { method, args, token, at: Date.now(), response: { status, body: result.body } };
    calls.push(call);
    notify(callWaiters, call);
    if (result.hold) {
      held += 1;
      res.on('close', () => {
        held -= 1;
      });
      return;
    }
    send(res, result.status, result.body, result.headers);
  };

  const handleResponseUrl = async (req: IncomingMessage, res: ServerResponse, id: string) => {
    const raw = (await readBody(req)).toString();
    let body: ResponseUrlBody;
    try {
      body = JSON.parse(raw) as ResponseUrlBody;
    } catch {
      return send(res, 400, 'invalid_payload');
    }
    const post: ResponseUrlPost = { id, body, at: Date.now() };
    responses.push(post);
    notify(responseWaiters, post);
    if (heldResponseUrls.delete(id)) {
      held += 1;
      res.on('close', () => {
        held -= 1;
      });
      return;
    }
    send(res, 200, { ok: true });
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const api = /^\/api\/([\w.]+)$/.exec(url.pathname);
    const response = /^\/response\/([^/]+)$/.exec(url.pathname);
    const done = (p: Promise<void>) => p.catch((e: unknown) => send(res, 500, `fake Slack: ${String(e)}`));
    if (api?.[1] !== undefined) return done(handleApi(req, res, url, api[1]));
    if (response?.[1] !== undefined && req.method === 'POST') return done(handleResponseUrl(req, res, decodeURIComponent(response[1])));
    send(res, 404, 'fake Slack: no such route');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    calls,
    responses,
    workspace,
    callsTo: (method) => calls.filter((c) => c.method === method),
    waitForCall: (method, timeoutMs = 2000, match = () => true) =>
      waitFor(
        calls,
        callWaiters,
        (c) => c.method === method && match(c),
        timeoutMs,
        () => `a matching ${method} call (calls so far: ${calls.map((c) => c.method).join(', ') || 'none'})`,
      ),
    responseUrl: (id) => `${base}/response/${encodeURIComponent(id)}`,
    responsesTo: (id) => responses.filter((r) => r.id === id),
    waitForResponse: (id, timeoutMs = 2000, match = () => true) =>
      waitFor(
        responses,
        responseWaiters,
        (r) => r.id === id && match(r),
        timeoutMs,
        () => `a post to response URL ${id}`,
      ),
    setUser: (user) => workspace.setUser(user),
    expireTriggerId: (triggerId) => workspace.expiredTriggerIds.add(triggerId),
    failNext: (method, failure, times = 1, failOptions = {}) => {
      const queue = failures.get(method) ?? [];
      if (times > 0) queue.push({ failure, ...failOptions, remaining: times });
      failures.set(method, queue);
    },
    holdResponse: (id) => {
      heldResponseUrls.add(id);
    },
    get held() {
      return held;
    },
    reset: () => {
      calls.length = 0;
      responses.length = 0;
      failures.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // fetch keeps sockets alive; without this close() would wait for them to time out.
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
