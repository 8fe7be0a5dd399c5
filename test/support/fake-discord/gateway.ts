import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { GatewayIntentBits } from 'discord.js';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import { guildCreate, ready } from './payloads.js';
import type { SessionStartLimit } from './rest-routes.js';
import { shardFor } from './snowflake.js';
import type { World } from './world.js';

export interface DispatchPayload {
  op: 0;
  t: string;
  s: number;
  d: unknown;
}

export interface GatewaySession {
  id: string;
  seq: number;
  intents: number;
  shard: [number, number];
  socket: WebSocket | null;
  /** Recent dispatches, replayed after a RESUME from the client's last seen sequence. */
  sent: DispatchPayload[];
}

/** A payload the client sent, in arrival order. */
export interface GatewayReceived {
  op: number;
  d: unknown;
  sessionId: string | null;
  at: number;
}

export interface GatewayOptions {
  world: World;
  url: () => string;
  heartbeatIntervalMs: number;
  token?: string;
  allowedPrivilegedIntents: number;
  sessionStartLimit: SessionStartLimit;
}

const ALL_INTENTS = Object.values(GatewayIntentBits)
  .filter((v): v is number => typeof v === 'number')
  .reduce((a, b) => a | b, 0);
export const PRIVILEGED_INTENTS = GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;
const REPLAY_LIMIT = 500;

interface Connection {
  socket: WebSocket;
  session: GatewaySession | null;
}

/** Discord's gateway, v10 JSON without compression: HELLO, IDENTIFY/READY, RESUME with replay, heartbeats, sequence numbers. */
export class FakeGateway {
  readonly sessions = new Map<string, GatewaySession>();
  readonly received: GatewayReceived[] = [];
  /** Things the client did that Discord would reject; tests should expect this to stay empty. */
  readonly problems: string[] = [];
  ackHeartbeats = true;
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #sessionWaiters = new Set<() => void>();

  constructor(private readonly opts: GatewayOptions) {}

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, req));
  }

  /** Sends a dispatch to every session of the shard that owns `guildId` (DMs go to shard 0). Disconnected sessions buffer it for RESUME. */
  dispatch(t: string, d: unknown, guildId: string | null = null): number {
    let count = 0;
    for (const s of this.sessions.values()) {
      if (s.shard[0] !== shardFor(guildId, s.shard[1])) continue;
      this.send(s, t, d);
      count += 1;
    }
    return count;
  }

  /** Resolves once a client has identified (READY and GUILD_CREATEs sent), without polling. */
  waitForSession(timeoutMs: number): Promise<void> {
    if (this.sessions.size > 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onSession = () => {
        clearTimeout(timer);
        this.#sessionWaiters.delete(onSession);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#sessionWaiters.delete(onSession);
        reject(new Error(`fake-discord: no client identified on the gateway within ${timeoutMs}ms`));
      }, timeoutMs);
      this.#sessionWaiters.add(onSession);
    });
  }

  /** Drops every connection with `code` (4000: client resumes; 1000: it re-identifies); sessions stay resumable. */
  disconnect(code = 4000, reason = 'fake-discord disconnect'): void {
    for (const ws of this.#wss.clients) ws.close(code, reason);
  }

  /** Op 7: Discord asking clients to reconnect and resume. */
  requestReconnect(): void {
    for (const ws of this.#wss.clients) this.raw(ws, { op: 7, d: null });
  }

  /** Op 9: the session is gone; `resumable` says whether a RESUME may still work. */
  invalidateSessions(resumable = false): void {
    for (const ws of this.#wss.clients) this.raw(ws, { op: 9, d: resumable });
    if (!resumable) this.sessions.clear();
  }

  close(): void {
    for (const ws of this.#wss.clients) ws.terminate();
    this.#wss.close();
    this.#sessionWaiters.clear();
  }

  private onConnection(ws: WebSocket, req: IncomingMessage): void {
    const query = new URL(req.url ?? '/', 'ws://fake').searchParams;
    const conn: Connection = { socket: ws, session: null };
    ws.on('message', (data, isBinary) => this.onPayload(conn, data, isBinary));
    ws.on('close', (code) => this.onClose(conn, code));
    ws.on('error', (error) => this.problems.push(`socket error: ${error.message}`));
    const refusal = refuseQuery(query);
    if (refusal) {
      this.reject(ws, ...refusal);
      return;
    }
    this.raw(ws, { op: 10, d: { heartbeat_interval: this.opts.heartbeatIntervalMs } });
  }

  private onPayload(conn: Connection, data: RawData, isBinary: boolean): void {
    const { socket } = conn;
    let payload: { op?: unknown; d?: unknown };
    try {
      if (isBinary) throw new Error('binary frame');
      payload = JSON.parse(data.toString()) as typeof payload;
    } catch {
      this.reject(socket, 4002, 'Error while decoding payload.', 'undecodable payload');
      return;
    }
    const op = typeof payload.op === 'number' ? payload.op : -1;
    this.received.push({ op, d: payload.d, sessionId: conn.session?.id ?? null, at: Date.now() });
    switch (op) {
      case 1:
        if (this.ackHeartbeats) this.raw(socket, { op: 11, d: null });
        return;
      case 2:
        this.identify(conn, payload.d as Record<string, unknown>);
        return;
      case 6:
        this.resume(conn, payload.d as Record<string, unknown>);
        return;
      case 3:
      case 4:
      case 8:
      case 31:
        if (!conn.session) this.reject(socket, 4003, 'Not authenticated.', `op ${op} before IDENTIFY`);
        return;
      default:
        this.reject(socket, 4001, 'Unknown opcode.', `unknown opcode ${String(payload.op)}`);
        return;
    }
  }

  private identify(conn: Connection, d: Record<string, unknown> | undefined): void {
    const { socket } = conn;
    const { opts } = this;
    const refusal = refuseIdentify(conn, d, opts);
    if (refusal) {
      this.reject(socket, ...refusal);
      return;
    }
    const intents = d?.intents as number;
    const shard = (d?.shard as [number, number] | undefined) ?? [0, 1];
    opts.sessionStartLimit.remaining -= 1;

    const session: GatewaySession = { id: randomBytes(16).toString('hex'), seq: 0, intents, shard, socket, sent: [] };
    this.sessions.set(session.id, session);
    conn.session = session;
    const guilds = opts.world.guilds.filter((g) => shardFor(g.id, shard[1]) === shard[0]);
    this.send(session, 'READY', ready(opts.world, session.id, opts.url(), shard, guilds));
    // Without the Guilds intent Discord sends no GUILD_CREATE; discord.js then stops waiting for them at once.
    if (intents & GatewayIntentBits.Guilds) for (const g of guilds) this.send(session, 'GUILD_CREATE', guildCreate(opts.world, g, intents));
    for (const notify of [...this.#sessionWaiters]) notify();
  }

  private resume(conn: Connection, d: Record<string, unknown> | undefined): void {
    const { socket } = conn;
    if (conn.session) {
      this.reject(socket, 4005, 'Already authenticated.', 'RESUME on an identified connection');
      return;
    }
    const session = typeof d?.session_id === 'string' ? this.sessions.get(d.session_id) : undefined;
    if (!session || (this.opts.token && d?.token !== this.opts.token)) {
      this.raw(socket, { op: 9, d: false });
      return;
    }
    const seq = typeof d?.seq === 'number' ? d.seq : 0;
    if (seq > session.seq) {
      this.reject(socket, 4007, 'Invalid seq.', `resumed at seq ${seq}, last sent ${session.seq}`);
      return;
    }
    if (session.socket && session.socket !== socket) session.socket.terminate();
    session.socket = socket;
    conn.session = session;
    for (const p of session.sent) if (p.s > seq) socket.send(JSON.stringify(p));
    this.send(session, 'RESUMED', {});
  }

  private onClose(conn: Connection, code: number): void {
    const { session } = conn;
    if (!session || session.socket !== conn.socket) return;
    session.socket = null;
    // A client closing with 1000/1001 ends its session on Discord; any other code leaves it resumable.
    if (code === 1000 || code === 1001) this.sessions.delete(session.id);
  }

  private send(session: GatewaySession, t: string, d: unknown): void {
    session.seq += 1;
    const payload: DispatchPayload = { op: 0, t, s: session.seq, d };
    session.sent.push(payload);
    if (session.sent.length > REPLAY_LIMIT) session.sent.shift();
    if (session.socket?.readyState === WebSocket.OPEN) session.socket.send(JSON.stringify(payload));
  }

  private raw(ws: WebSocket, payload: { op: number; d: unknown }): void {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ ...payload, s: null, t: null }));
  }

  private reject(ws: WebSocket, ...[code, reason, problem]: Refusal): void {
    this.problems.push(`gateway ${code}: ${problem}`);
    ws.close(code, reason);
  }
}

/** A close code, its reason as Discord words it, and what the client did wrong. */
type Refusal = [code: number, reason: string, problem: string];

function refuseQuery(query: URLSearchParams): Refusal | null {
  if (query.get('v') !== '10') return [4012, 'Invalid API version.', `connected with v=${query.get('v')}`];
  if (query.get('encoding') !== 'json')
    return [4002, 'Error while decoding payload.', `encoding=${query.get('encoding')} (the fake speaks json only)`];
  if (query.has('compress'))
    return [4002, 'Error while decoding payload.', `compress=${query.get('compress')} (the fake does not compress)`];
  return null;
}

function refuseIdentify(conn: Connection, d: Record<string, unknown> | undefined, opts: GatewayOptions): Refusal | null {
  if (conn.session) return [4005, 'Already authenticated.', 'second IDENTIFY'];
  const token = d?.token;
  if (typeof token !== 'string' || token === '' || (opts.token && token !== opts.token))
    return [4004, 'Authentication failed.', 'bad token'];
  const intents = d?.intents;
  if (typeof intents !== 'number' || (intents & ~ALL_INTENTS) !== 0) return [4013, 'Invalid intent(s).', `intents ${String(intents)}`];
  if (intents & PRIVILEGED_INTENTS & ~opts.allowedPrivilegedIntents)
    return [4014, 'Disallowed intent(s).', `privileged intents ${intents & PRIVILEGED_INTENTS}`];
  const shard = (d?.shard as [number, number] | undefined) ?? [0, 1];
  // Any count is fine for a small bot (the /gateway/bot figure is a recommendation); only impossible ids are refused.
  if (!Array.isArray(shard) || !(shard[1] >= 1) || shard[0] < 0 || shard[0] >= shard[1])
    return [4010, 'Invalid shard.', `shard ${JSON.stringify(shard)}`];
  if (opts.sessionStartLimit.remaining <= 0) return [4004, 'Authentication failed.', 'session start limit exhausted'];
  return null;
}
