import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { CallLog, FailureQueue, RecordedFile } from './calls.js';
import { type DiscordError, errors } from './payloads.js';

export interface RestRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  files: RecordedFile[];
  auth: 'bot' | 'none' | 'other';
  token: string | null;
}

export interface RestResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: string;
  pattern: string;
  /** Discord requires `Authorization: Bot <token>` everywhere but on interaction callbacks and webhook-token routes. */
  auth: boolean;
  handle: (req: RestRequest, params: Record<string, string>) => RestResponse | Promise<RestResponse>;
}

export const json = (status: number, body?: unknown): RestResponse => ({ status, body });
export const fail = (status: number, error: DiscordError): RestResponse => ({ status, body: error });

const API_PREFIX = '/api/v10';

interface CompiledRoute extends Route {
  regex: RegExp;
}

export class Router {
  readonly #routes: CompiledRoute[] = [];

  add(...routes: Route[]): void {
    for (const r of routes) {
      const source = r.pattern
        .split('/')
        .map((seg) => (seg.startsWith(':') ? `(?<${seg.slice(1)}>[^/]+)` : seg.replace(/[.@]/g, '\\$&')))
        .join('/');
      this.#routes.push({ ...r, regex: new RegExp(`^${source}$`) });
    }
  }

  /** The route for a request; `405` when only the method is wrong, as Discord answers. */
  match(method: string, path: string): { route: CompiledRoute; params: Record<string, string> } | 404 | 405 {
    let pathMatched = false;
    for (const route of this.#routes) {
      const m = route.regex.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method === method) return { route, params: { ...m.groups } };
    }
    return pathMatched ? 405 : 404;
  }
}

export interface HttpDeps {
  router: Router;
  calls: CallLog;
  failures: FailureQueue;
  /** When set, only this bot token is accepted; otherwise any non-empty one. */
  token?: string;
  /** Fake bugs surface here instead of as opaque 500s. */
  onHandlerError: (error: unknown, req: RestRequest) => void;
}

export function createRestServer(deps: HttpDeps): Server {
  return createServer((req, res) => {
    handle(deps, req, res).catch((error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify({ code: 0, message: String(error) }));
    });
  });
}

async function handle(deps: HttpDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://fake');
  const method = (req.method ?? 'GET').toUpperCase();
  const versioned = url.pathname.startsWith(`${API_PREFIX}/`);
  // discord.js percent-encodes route segments (`@original` arrives as `%40original`); Discord decodes them.
  const pathname = url.pathname.split('/').map(safeDecode).join('/');
  const path = versioned ? pathname.slice(API_PREFIX.length) : pathname;
  const header = req.headers.authorization;
  const request: RestRequest = {
    method,
    path,
    query: Object.fromEntries(url.searchParams),
    body: undefined,
    files: [],
    auth: header === undefined ? 'none' : header.startsWith('Bot ') ? 'bot' : 'other',
    token: header?.startsWith('Bot ') ? header.slice(4) : null,
  };
  let routeName: string | null = null;
  let injected = false;
  let response: RestResponse;
  try {
    await readBody(req, request);
    const matched = versioned ? deps.router.match(method, path) : 404;
    if (matched === 404) response = fail(404, errors.notFound);
    else if (matched === 405) response = fail(405, errors.methodNotAllowed);
    else {
      routeName = `${method} ${matched.route.pattern}`;
      const { route, params } = matched;
      const authorized = !route.auth || (request.token !== null && request.token !== '' && (!deps.token || request.token === deps.token));
      const failure = authorized ? deps.failures.take(method, path) : undefined;
      if (!authorized) response = fail(401, errors.unauthorized);
      else if (failure && !failure.applied && !failure.hold) response = failure;
      else {
        response = await route.handle(request, params);
        if (failure?.hold) {
          // Written, and the answer never comes: the caller is killed while it waits.
          deps.calls.record({ ...request, route: routeName, status: 0, response: response.body, injected: true, at: Date.now() });
          return;
        }
        if (failure) response = failure;
      }
      injected = failure !== undefined;
    }
  } catch (error) {
    if (error instanceof BadRequest) response = fail(400, error.error);
    else {
      deps.onHandlerError(error, request);
      response = fail(500, { code: 0, message: `fake-discord handler error: ${String(error)}` });
    }
  }
  deps.calls.record({ ...request, route: routeName, status: response.status, response: response.body, injected, at: Date.now() });
  const headers: Record<string, string> = { ...response.headers };
  if (response.body !== undefined && response.status !== 204) headers['Content-Type'] = 'application/json';
  res.writeHead(response.status, headers);
  res.end(response.body !== undefined && response.status !== 204 ? JSON.stringify(response.body) : undefined);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

class BadRequest extends Error {
  constructor(readonly error: DiscordError) {
    super(error.message);
  }
}

/** JSON, or multipart/form-data with `payload_json` (discord.js sends multipart whenever files are attached). */
async function readBody(req: IncomingMessage, into: RestRequest): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return;
  const type = req.headers['content-type'] ?? '';
  const parseJson = (text: string) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new BadRequest({ code: 50109, message: 'The request body contains invalid JSON.' });
    }
  };
  if (type.startsWith('application/json')) {
    into.body = parseJson(raw.toString('utf8'));
    return;
  }
  if (type.startsWith('multipart/form-data')) {
    // The WHATWG Request parser handles multipart, so the fake needs no parser of its own.
    const form = await new Request('http://fake/', { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') into.body = parseJson(value);
        else into.body = { ...(into.body as object), [field]: value };
      } else {
        into.files.push({ field, filename: value.name, contentType: value.type, size: value.size });
      }
    }
    return;
  }
  into.body = raw.toString('utf8');
}
