import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A chat-completions request as the fake received it. */
export interface ReceivedGraderRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: {
    model?: unknown;
    messages?: Array<{ role?: unknown; content?: unknown }>;
    temperature?: unknown;
    response_format?: unknown;
    [field: string]: unknown;
  };
}

/** What the fake answers: a status and a raw body, after an optional delay. */
export interface ScriptedReply {
  status?: number;
  body: string;
  delayMs?: number;
}

/** The chat-completions envelope around `content` (an object is sent as its JSON text, a string as is). */
export function chatReply(content: unknown, extra: Partial<ScriptedReply> = {}): ScriptedReply {
  const text = typeof content === 'string' ? content : JSON.stringify(content);
  return {
    ...extra,
    body: JSON.stringify({
      id: 'chatcmpl-fake',
      object: 'chat.completion',
      model: 'fake',
      choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
    }),
  };
}

/**
 * A local OpenAI-compatible chat-completions endpoint for tests: it records every request and answers
 * what the test scripted (one reply per request, the last one repeated).
 */
export async function startFakeGrader(path = '/v1/chat/completions') {
  const requests: ReceivedGraderRequest[] = [];
  let script: ScriptedReply[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: ReceivedGraderRequest['body'] = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedGraderRequest['body'];
    } catch {
      // Recorded as an empty body: the test's assertions on it fail.
    }
    requests.push({
      method: req.method ?? '',
      path: req.url ?? '',
      authorization: req.headers.authorization,
      contentType: req.headers['content-type'],
      body,
    });
    if (req.url !== path) {
      res.writeHead(404).end('{"error":"not found"}');
      return;
    }
    const reply = script.length > 1 ? script.shift() : script[0];
    if (!reply) {
      res.writeHead(500).end('{"error":"nothing scripted"}');
      return;
    }
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (res.destroyed) return;
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' }).end(reply.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}${path}`,
    requests,
    /** The replies to the next requests, in order; the last one answers every request after it. */
    script(...replies: ScriptedReply[]) {
      script = replies;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeGrader = Awaited<ReturnType<typeof startFakeGrader>>;
