/**
 * A local, honest fake of Discord's HTTP API (v10) and gateway for end-to-end tests that run the real
 * discord.js Client against it:
 *
 *   const fake = await startFakeDiscord();
 *   const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
 *   await client.login('any-token');                       // GET /gateway/bot, then HELLO/IDENTIFY/READY/GUILD_CREATE
 *   const i = await fake.inject.slashCommand({ name: 'daily', locale: 'zh-CN' });
 *   await i.waitForCallback();                             // what the bot answered, as recorded
 *   ...
 *   await client.destroy(); await fake.close();            // client first, or it keeps trying to resume
 *
 * "Honest": it answers with Discord's status codes and error bodies, enforces the limits a bot can hit
 * (message/component/command lengths, one acknowledgement per interaction within 3 s, enforce_nonce),
 * and refuses what Discord would never send (clicks on components the bot never posted, options a
 * registered command does not declare). Everything it could not place goes to `unknownCalls()` or
 * `problems()`, which a test should expect to be empty.
 */
import type { AddressInfo } from 'node:net';
import type { APIInteraction } from 'discord.js';
import { CallLog, type FailOptions, FailureQueue, type RecordedCall, type RoutePattern } from './calls.js';
import { FakeGateway, PRIVILEGED_INTENTS } from './gateway.js';
import { createRestServer, Router } from './http.js';
import { interactionRoutes } from './interaction-routes.js';
import {
  type AutocompleteInput,
  type Built,
  type ComponentInput,
  InteractionBuilder,
  type ModalSubmitInput,
  type SelectMenuInput,
  type SlashCommandInput,
} from './interactions.js';
import { restRoutes, type SessionStartLimit } from './rest-routes.js';
import { type InteractionRecord, World, type WorldOptions } from './world.js';

export type { RecordedCall, RoutePattern } from './calls.js';
export type { GatewayReceived, GatewaySession } from './gateway.js';
export type {
  AutocompleteInput,
  ComponentInput,
  InteractionContext,
  ModalSubmitInput,
  OptionInput,
  SelectMenuInput,
  SlashCommandInput,
} from './interactions.js';
export type { GuildSpec, InteractionRecord, MemberSpec, UserSpec, WorldOptions } from './world.js';

export interface FakeDiscordOptions extends WorldOptions {
  /** Accept only this bot token (REST and IDENTIFY); by default any non-empty token. */
  token?: string;
  /** HELLO's heartbeat_interval; Discord uses 41250. */
  heartbeatIntervalMs?: number;
  /** How long after dispatch the initial interaction response is accepted; Discord allows 3000. */
  interactionDeadlineMs?: number;
  /** The shard count /gateway/bot recommends (discord.js follows it only with `shards: 'auto'`). */
  shards?: number;
  /** session_start_limit.max_concurrency: discord.js spaces IDENTIFYs sharing `shardId % max_concurrency` by 5 s. */
  maxConcurrency?: number;
  /** Privileged intents enabled for the app in the developer portal; by default all three. */
  allowedPrivilegedIntents?: number;
  nonceWindowMs?: number;
}

export interface InjectedInteraction {
  id: string;
  token: string;
  payload: Built;
  /** Callbacks, original message id and follow-ups as the fake saw them (live). */
  record: InteractionRecord;
  /** The POST to this interaction's callback route, whatever its status. */
  waitForCallback(timeoutMs?: number): Promise<RecordedCall>;
}

type InteractionDraft = Partial<APIInteraction> & { type: number; data?: unknown };

export interface FakeDiscord {
  /** For `new Client({ rest: { api } })`: discord.js appends `/v10/...` itself, like `https://discord.com/api`. */
  apiUrl: string;
  /** What GET /gateway/bot returns; discord.js appends `?v=10&encoding=json`. */
  gatewayUrl: string;
  world: World;
  applicationId: string;
  botId: string;
  /** The first guild, its first channel and its second member: the defaults the builders use. */
  guildId: string;
  channelId: string;
  userId: string;
  calls: RecordedCall[];
  callsTo(method: string, path: RegExp | string, since?: number): RecordedCall[];
  waitForCall(method: string, path: RegExp | string, timeoutMs?: number, since?: number): Promise<RecordedCall>;
  waitForCalls(method: string, path: RegExp | string, count: number, timeoutMs?: number, since?: number): Promise<RecordedCall[]>;
  /** Index of the next call, for `since`. */
  mark(): number;
  /** Calls that hit no route (404 `{ code: 0 }`): a test should expect none. */
  unknownCalls(): RecordedCall[];
  /** Protocol violations and fake handler errors: a test should expect none. */
  problems(): string[];
  /** Answer the next `times` calls matching `route` with `status` (429 gets Discord's rate-limit headers and body). */
  failNext(route: RoutePattern, status: number, body?: unknown, times?: number, opts?: FailOptions): void;
  clearFailures(): void;
  slashCommand(input: SlashCommandInput): Built;
  button(input: ComponentInput): Built;
  selectMenu(input: SelectMenuInput): Built;
  modalSubmit(input: ModalSubmitInput): Built;
  autocomplete(input: AutocompleteInput): Built;
  /** Sends INTERACTION_CREATE (waiting for a client to identify first); fields the draft lacks are filled in. */
  injectInteraction(draft: InteractionDraft, timeoutMs?: number): Promise<InjectedInteraction>;
  inject: {
    slashCommand(input: SlashCommandInput): Promise<InjectedInteraction>;
    button(input: ComponentInput): Promise<InjectedInteraction>;
    selectMenu(input: SelectMenuInput): Promise<InjectedInteraction>;
    modalSubmit(input: ModalSubmitInput): Promise<InjectedInteraction>;
    autocomplete(input: AutocompleteInput): Promise<InjectedInteraction>;
  };
  /** Any other gateway event, to the shard owning `guildId`. */
  dispatch(t: string, d: unknown, guildId?: string | null): number;
  gateway: FakeGateway;
  close(): Promise<void>;
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const world = new World(options);
  const calls = new CallLog();
  const failures = new FailureQueue();
  const handlerErrors: string[] = [];
  const sessionStartLimit: SessionStartLimit = {
    total: 1000,
    remaining: 1000,
    reset_after: 86_400_000,
    max_concurrency: options.maxConcurrency ?? 1,
  };
  const shards = options.shards ?? 1;
  let gatewayUrl = '';
  const router = new Router();
  router.add(
    ...restRoutes({ world, gatewayUrl: () => gatewayUrl, shards, sessionStartLimit, nonceWindowMs: options.nonceWindowMs ?? 5 * 60_000 }),
    ...interactionRoutes({ world, deadlineMs: options.interactionDeadlineMs ?? 3000 }),
  );
  const gateway = new FakeGateway({
    world,
    url: () => gatewayUrl,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    token: options.token,
    allowedPrivilegedIntents: options.allowedPrivilegedIntents ?? PRIVILEGED_INTENTS,
    sessionStartLimit,
  });
  const server = createRestServer({
    router,
    calls,
    failures,
    token: options.token,
    onHandlerError: (error, req) =>
      handlerErrors.push(`${req.method} ${req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'ws://fake').pathname === '/gateway') return gateway.handleUpgrade(req, socket, head);
    handlerErrors.push(`websocket upgrade on unknown path ${req.url}`);
    socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  gatewayUrl = `ws://127.0.0.1:${port}/gateway`;

  const builder = new InteractionBuilder(world);
  const firstGuild = world.guilds[0];
  const injectInteraction = async (draft: InteractionDraft, timeoutMs = 5000): Promise<InjectedInteraction> => {
    const defaults = builder.base(draft.type, { guildId: draft.guild_id === undefined && 'user' in draft ? null : draft.guild_id });
    const payload = { ...defaults, ...draft } as Built;
    await gateway.waitForSession(timeoutMs);
    const record: InteractionRecord = { payload, dispatchedAt: Date.now(), callbacks: [], originalId: null, messageIds: new Set() };
    world.interactions.set(payload.id, record);
    gateway.dispatch('INTERACTION_CREATE', payload, payload.guild_id ?? null);
    return {
      id: payload.id,
      token: payload.token,
      payload,
      record,
      waitForCallback: (ms = 2000) => calls.waitForCall('POST', `/interactions/${payload.id}/${payload.token}/callback`, ms),
    };
  };

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    gatewayUrl,
    world,
    applicationId: world.applicationId,
    botId: world.bot.id,
    guildId: firstGuild?.id ?? '',
    channelId: firstGuild?.channels[0]?.id ?? '',
    userId: world.defaultUserId(firstGuild) ?? '',
    calls: calls.calls,
    callsTo: (method, path, since) => calls.callsTo(method, path, since),
    waitForCall: (method, path, timeoutMs, since) => calls.waitForCall(method, path, timeoutMs, since),
    waitForCalls: (method, path, count, timeoutMs, since) => calls.waitForCalls(method, path, count, timeoutMs, since),
    mark: () => calls.mark(),
    unknownCalls: () => calls.calls.filter((c) => c.route === null),
    problems: () => [...gateway.problems, ...handlerErrors],
    failNext: (route, status, body, times, opts) => failures.add(route, status, body, times, opts),
    clearFailures: () => failures.clear(),
    slashCommand: (input) => builder.slashCommand(input),
    button: (input) => builder.button(input),
    selectMenu: (input) => builder.selectMenu(input),
    modalSubmit: (input) => builder.modalSubmit(input),
    autocomplete: (input) => builder.autocomplete(input),
    injectInteraction,
    inject: {
      slashCommand: (input) => injectInteraction(builder.slashCommand(input)),
      button: (input) => injectInteraction(builder.button(input)),
      selectMenu: (input) => injectInteraction(builder.selectMenu(input)),
      modalSubmit: (input) => injectInteraction(builder.modalSubmit(input)),
      autocomplete: (input) => injectInteraction(builder.autocomplete(input)),
    },
    dispatch: (t, d, guildId) => gateway.dispatch(t, d, guildId),
    gateway,
    close: async () => {
      calls.close();
      gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
