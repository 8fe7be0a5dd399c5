import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type AllMiddlewareArgs,
  App,
  type BlockAction,
  type CustomRoute,
  type SlackActionMiddlewareArgs,
  type SlackCommandMiddlewareArgs,
  type SlackEventMiddlewareArgs,
  type SlackViewMiddlewareArgs,
  webApi,
} from '@slack/bolt';
import type { EventSink } from '../../core/bot.js';
import type { Locale } from '../../core/i18n/catalog.js';
import type { PostOptions } from '../../core/ports.js';
import type { ChannelRef, MessageRef, OutboundMessage } from '../../core/types.js';
import type { Logger } from '../../infra/logger.js';
import type { PlatformAdapter } from '../platform-adapter.js';
import { boltLogger } from './bolt-logger.js';
import { renderHome, renderMessage, type SlackMessagePayload } from './render.js';
import { SLACK_CAPABILITIES } from './slack-capabilities.js';
import { asJobError, isTransient, slackErrorCode, wasRateLimited } from './slack-errors.js';
import { FormAck, SlackFormResponder, SlackResponder, type ViewAck } from './slack-responder.js';
import { SlackUsers } from './slack-users.js';
import { actionEvent, commandEvent, decodeFormOrigin, formEvent, type SlackMember, teamOf, userRefOf } from './to-inbound-event.js';

export interface SlackOptions {
  botToken: string;
  /** HTTP mode: every request's signature is checked with it (5-minute window). */
  signingSecret?: string | undefined;
  /** Socket Mode when set: no public URL needed. */
  appToken?: string | undefined;
  /** Web API base URL (tests, proxies); default Slack's. */
  apiUrl?: string | undefined;
  /** Member ids allowed admin commands besides workspace admins and owners. */
  admins: readonly string[];
  /** HTTP mode: where Slack's requests arrive, at /slack/events. 0 picks a free port (tests). */
  port: number;
  /** HTTP mode: the interface to listen on; default all. */
  host?: string | undefined;
  /** HTTP mode: more GET routes on the same port (/healthz, /metrics); Socket Mode has no server for them. */
  customRoutes?: CustomRoute[] | undefined;
  defaultLocale: Locale;
  logger: Logger;
  /** Web API retries of network failures and 5xx (rate limits are always waited out). */
  retryConfig?: webApi.RetryOptions | undefined;
  userCacheTtlMs?: number | undefined;
  /** A view submission is acknowledged by then at the latest, whatever the core is doing. */
  formAckWithinMs?: number | undefined;
}

/** The metadata event type that marks PrepBot's posts, so a retried post can find the first one. */
export const POST_METADATA_TYPE = 'prepbot_post';
/** How far back a retried post looks for its first attempt. */
const HISTORY_LOOKBACK = 100;

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
type ActionArgs = SlackActionMiddlewareArgs & AllMiddlewareArgs;
type ViewArgs = SlackViewMiddlewareArgs & AllMiddlewareArgs;
type HomeArgs = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/**
 * The Slack adapter: a Bolt app on the HTTP receiver (signature-checked, /slack/events) or Socket
 * Mode. Every interaction is acknowledged before anything else (a view submission after the core,
 * which is fast, so an error can stay on the modal's field), then handed to the core with a
 * responder; scheduled work posts through the Web API.
 */
export class SlackPlatform implements PlatformAdapter {
  readonly platform = 'slack' as const;
  readonly capabilities = SLACK_CAPABILITIES;
  readonly app: App;
  private readonly users: SlackUsers;
  private readonly logger: Logger;
  /**
   * chat.postMessage without the client's own retries: a retry must first look for the post an
   * earlier attempt may have made (a timeout or a 5xx can come after Slack posted), which the
   * client cannot do. `post` retries with the same policy instead.
   */
  private readonly poster: webApi.WebClient;
  private readonly postRetries: webApi.RetryOptions;
  private readonly inFlight = new Set<Promise<void>>();
  private stopping = false;
  private server: Server | undefined;

  constructor(private readonly options: SlackOptions) {
    this.logger = options.logger;
    const socketMode = Boolean(options.appToken);
    if (!socketMode && !options.signingSecret) throw new Error('Slack HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN)');
    this.app = new App({
      token: options.botToken,
      ...(socketMode
        ? { socketMode: true, appToken: options.appToken }
        : { signingSecret: options.signingSecret, endpoints: '/slack/events', customRoutes: options.customRoutes ?? [] }),
      logger: boltLogger(options.logger),
      // auth.test runs in start(), not in the constructor: nothing touches the network before start.
      deferInitialization: true,
      clientOptions: {
        ...(options.apiUrl ? { slackApiUrl: withSlash(options.apiUrl) } : {}),
        retryConfig: options.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes,
        timeout: 10_000,
      },
    });
    this.postRetries = options.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes;
    this.poster = new webApi.WebClient(options.botToken, {
      ...(options.apiUrl ? { slackApiUrl: withSlash(options.apiUrl) } : {}),
      logger: boltLogger(options.logger),
      retryConfig: { retries: 0 },
      timeout: 10_000,
    });
    this.users = new SlackUsers(async (user) => (await this.app.client.users.info({ user, include_locale: true })).user, {
      admins: options.admins,
      ttlMs: options.userCacheTtlMs,
      onLookupError: (error, userId) =>
        this.logger.warn({ userId, code: slackErrorCode(error) ?? String(error) }, 'users.info failed; using what the payload says'),
    });
  }

  /** HTTP mode: the port Slack's requests arrive on (useful with port 0). */
  get port(): number | undefined {
    const address = this.server?.address();
    return address && typeof address === 'object' ? (address as AddressInfo).port : undefined;
  }

  async start(sink: EventSink): Promise<void> {
    const track = (work: Promise<void>) => {
      const done = work.finally(() => this.inFlight.delete(done));
      this.inFlight.add(done);
      return done;
    };
    this.app.command(/.*/, (args) => track(this.onCommand(sink, args)));
    this.app.action(/.*/, (args) => track(this.onAction(sink, args)));
    this.app.view(/.*/, (args) => track(this.onView(sink, args)));
    this.app.event('app_home_opened', (args) => track(this.onHome(sink, args)));
    this.app.error(async (error) => this.logger.warn({ err: error }, 'slack listener failed'));
    await this.app.init();
    if (this.options.appToken) {
      await this.app.start();
      this.logger.info('connected to Slack (Socket Mode)');
    } else {
      this.server = (await this.app.start({
        port: this.options.port,
        ...(this.options.host ? { host: this.options.host } : {}),
      })) as Server;
      this.logger.info({ port: this.port, path: '/slack/events' }, 'listening for Slack');
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.app.stop();
    await Promise.allSettled([...this.inFlight]);
  }

  /**
   * Posts with the idempotency key in the message metadata. A post whose earlier attempt failed may
   * have gone through all the same (a timeout or a 5xx after Slack posted), so a retry, here or of the
   * job, first looks at the channel's recent history for a PrepBot message carrying the key, and
   * returns that one if found. Without history access (a DM, a missing scope) it just posts. A 429 is
   * waited out (its Retry-After) and needs no look. A public channel the bot is not in is joined once.
   */
  async post(channel: ChannelRef, message: OutboundMessage, options: PostOptions): Promise<MessageRef> {
    const payload = renderMessage(message);
    const metadata = { event_type: POST_METADATA_TYPE, event_payload: { key: options.idempotencyKey } };
    const send = () => this.poster.chat.postMessage({ channel: channel.channelId, ...payload, metadata });
    // Only a retry can find its first attempt; a first post skips the history lookup (rate limits).
    let lookFirst = options.retry === true;
    for (let attempt = 0; ; attempt++) {
      const earlier = lookFirst ? await this.findPost(channel.channelId, options.idempotencyKey) : undefined;
      if (earlier) return { channel, messageId: earlier, visibility: 'public' };
      try {
        const sent = await send().catch(async (error: unknown) => {
          if (slackErrorCode(error) !== 'not_in_channel') throw error;
          // Only a public channel can be joined; otherwise the bot must be invited, as not_in_channel says.
          await this.app.client.conversations.join({ channel: channel.channelId }).catch(() => Promise.reject(error));
          return send();
        });
        if (!sent.ts) throw new Error('chat.postMessage answered without a ts');
        return { channel, messageId: sent.ts, visibility: 'public' };
      } catch (error) {
        if (!isTransient(error) || attempt >= (this.postRetries.retries ?? 0)) throw asJobError(error, `a post in ${channel.channelId}`);
        if (!wasRateLimited(error)) {
          lookFirst = true;
          await new Promise((resolve) => setTimeout(resolve, retryDelayMs(this.postRetries, attempt)));
        }
      }
    }
  }

  /** chat.update; an ephemeral message cannot be edited outside its interaction, so it is left alone. */
  async edit(ref: MessageRef, message: OutboundMessage): Promise<void> {
    if (ref.visibility === 'private') return;
    await this.app.client.chat
      .update({ channel: ref.channel.channelId, ts: ref.messageId, ...renderMessage(message) })
      .catch((error: unknown) => Promise.reject(asJobError(error, `an edit in ${ref.channel.channelId}`)));
  }

  async postPrivate(channel: ChannelRef, userId: string, message: OutboundMessage): Promise<MessageRef | undefined> {
    const payload: SlackMessagePayload = renderMessage({ ...message, visibility: 'private' });
    const sent = await this.app.client.chat
      .postEphemeral({ channel: channel.channelId, user: userId, ...payload })
      .catch((error: unknown) => Promise.reject(asJobError(error, `a private post in ${channel.channelId}`)));
    return sent.message_ts ? { channel, messageId: sent.message_ts, visibility: 'private' } : undefined;
  }

  private async findPost(channelId: string, key: string): Promise<string | undefined> {
    try {
      const history = await this.app.client.conversations.history({
        channel: channelId,
        limit: HISTORY_LOOKBACK,
        include_all_metadata: true,
      });
      const found = history.messages?.find((m) => {
        const meta = m.metadata as { event_type?: string; event_payload?: { key?: unknown } } | undefined;
        return meta?.event_type === POST_METADATA_TYPE && meta.event_payload?.key === key;
      });
      return found?.ts;
    } catch (error) {
      this.logger.debug({ channelId, code: slackErrorCode(error) }, 'no history to look for an earlier post in');
      return undefined;
    }
  }

  private member(teamId: string, userId: string, name: string): Promise<SlackMember> {
    return this.users.member(teamId, userId, name);
  }

  private localeOf(member: SlackMember): Locale {
    return member.locale ?? this.options.defaultLocale;
  }

  /**
   * `/prep <command> ...`: acknowledged at once, answered through the response_url. Slack's
   * acknowledgement is the same whatever the core's ack plan would say (nothing to defer, no
   * visibility to fix up front, a form opens with the trigger id after the ack), so it is not asked.
   */
  private async onCommand(sink: EventSink, { command, ack }: CommandArgs): Promise<void> {
    await ack();
    if (this.stopping) return;
    await this.guard(async () => {
      const member = await this.member(command.team_id, command.user_id, command.user_name);
      const event = commandEvent(command, member);
      const responder = new SlackResponder(
        {
          channel: event.channel,
          userId: command.user_id,
          triggerId: command.trigger_id,
          responseUrl: command.response_url,
          locale: this.localeOf(member),
        },
        { client: this.app.client, logger: this.logger },
      );
      await sink.handle(event, responder);
    }, 'a slash command');
  }

  /** A button click; ticks in checkboxes are acknowledged and otherwise ignored (only Submit answers). */
  private async onAction(sink: EventSink, { body, ack }: ActionArgs): Promise<void> {
    await ack();
    if (this.stopping || body.type !== 'block_actions') return;
    const click = body as BlockAction;
    if (click.actions[0]?.type !== 'button') return;
    await this.guard(async () => {
      const member = await this.member(teamOf(click), click.user.id, click.user.name ?? click.user.username);
      const event = actionEvent(click, member);
      if (!event) return;
      const responder = new SlackResponder(
        {
          channel: event.channel,
          userId: click.user.id,
          triggerId: click.trigger_id,
          responseUrl: click.response_url,
          message: event.message,
          locale: this.localeOf(member),
        },
        { client: this.app.client, logger: this.logger },
      );
      await sink.handle(event, responder);
    }, 'a button click');
  }

  /** A modal submitted: the core runs first, so an answer that does not parse keeps the modal open with the error on its field. */
  private async onView(sink: EventSink, { body, ack }: ViewArgs): Promise<void> {
    if (body.type !== 'view_submission') {
      await ack();
      return;
    }
    // Bolt types ack as a union of every view payload's; a view_submission's takes a response action.
    const formAck = new FormAck(ack as ViewAck, this.options.formAckWithinMs ?? 2500, (error) =>
      this.logger.warn({ err: error }, 'could not acknowledge a view submission'),
    );
    try {
      if (this.stopping) return;
      await this.guard(async () => {
        const member = await this.member(teamOf(body), body.user.id, body.user.name);
        const event = formEvent(body, member);
        const origin = decodeFormOrigin(body.view.private_metadata);
        const after = new SlackResponder(
          { channel: event.channel, userId: body.user.id, responseUrl: origin.responseUrl, locale: this.localeOf(member) },
          { client: this.app.client, logger: this.logger },
        );
        const fieldBlockId = Object.keys(body.view.state.values)[0];
        await sink.handle(event, new SlackFormResponder(formAck, after, fieldBlockId));
      }, 'a form submission');
    } finally {
      await formAck.settle().catch(() => undefined);
    }
  }

  /** The App Home tab: the member's points, rank and streak, published on every visit. */
  private async onHome(sink: EventSink, { event, body, context }: HomeArgs): Promise<void> {
    if (this.stopping || event.tab !== 'home') return;
    await this.guard(async () => {
      const teamId = context.teamId ?? body.team_id;
      const member = await this.member(teamId, event.user, event.user);
      const home = await sink.home({ platform: 'slack', workspaceId: teamId }, userRefOf(member));
      await this.app.client.views.publish({ user_id: event.user, view: renderHome(home) });
    }, 'the App Home');
  }

  /** One log line for whatever went wrong outside the core (the core logs its own failures). */
  private async guard(work: () => Promise<void>, what: string): Promise<void> {
    try {
      await work();
    } catch (error) {
      const code = slackErrorCode(error);
      this.logger.warn({ code, err: code ? undefined : error }, `could not handle ${what}`);
    }
  }
}

/** The wait before retry `attempt` + 1 under a node-retry policy (as the Web API client would wait). */
function retryDelayMs(policy: webApi.RetryOptions, attempt: number): number {
  const delay = (policy.minTimeout ?? 1000) * (policy.factor ?? 2) ** attempt;
  return Math.min(delay, policy.maxTimeout ?? Number.POSITIVE_INFINITY);
}

/** web-api joins method names to the base URL, so the base must end with a slash. */
function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
