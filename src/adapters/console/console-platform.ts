import { userInfo } from 'node:os';
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { EventSink } from '../../core/bot.js';
import type { Locale } from '../../core/i18n/catalog.js';
import type { Capabilities, ChannelRef, MessageRef, OutboundMessage, Responder, UserRef } from '../../core/types.js';
import type { PlatformAdapter } from '../platform-adapter.js';
import { ct } from './console-messages.js';
import { renderForConsole } from './render.js';
import { CONSOLE_CHANNEL, consoleUser, toInboundEvent } from './to-inbound-event.js';

export interface ConsoleOptions {
  input?: Readable;
  output?: Writable;
  /** Interactive prompt when the input is a terminal; line-by-line script otherwise. */
  interactive?: boolean;
  userName?: string;
  /** The language of the console's own lines and of users without a /lang choice. */
  locale: Locale;
}

/** Text in, text out: no buttons, menus, forms or edits; every action is shown as its typed twin. */
export const CONSOLE_CAPABILITIES: Capabilities = {
  buttons: false,
  selects: false,
  forms: false,
  edits: false,
  privatePosts: true,
  actAs: true,
};

/**
 * The try-it-now adapter: reads commands from a terminal or a pipe, prints every reply, and
 * prints scheduled posts to the console channel too. `finished` resolves at end of input, after
 * every reply has been printed.
 */
export class ConsolePlatform implements PlatformAdapter {
  readonly platform = 'console' as const;
  readonly capabilities = CONSOLE_CAPABILITIES;
  readonly finished: Promise<void>;
  private markFinished: () => void = () => undefined;
  private readonly output: Writable;
  private user: UserRef;
  private nextMessageId = 1;
  /** Set while an interactive prompt is showing, so scheduled posts can redraw it. */
  private prompt: Interface | undefined;
  private reader: Interface | undefined;
  private readonly locales = new Map<string, Locale>();

  constructor(private readonly options: ConsoleOptions) {
    this.output = options.output ?? process.stdout;
    this.user = consoleUser(options.userName ?? safeUserName());
    this.finished = new Promise((resolve) => {
      this.markFinished = resolve;
    });
  }

  /** Scheduled posts (the daily question, its reveal) arrive between typed commands. */
  async post(channel: ChannelRef, message: OutboundMessage): Promise<MessageRef> {
    this.printUnprompted(renderForConsole(message, this.options.locale));
    return this.ref(channel, message);
  }

  /** A terminal cannot change what it printed; the core only edits where `capabilities.edits` says so. */
  async edit(): Promise<void> {}

  async postPrivate(channel: ChannelRef, userId: string, message: OutboundMessage): Promise<MessageRef> {
    this.printUnprompted(renderForConsole({ ...message, visibility: 'private' }, this.options.locale, userId));
    return this.ref(channel, { ...message, visibility: 'private' });
  }

  async start(sink: EventSink): Promise<void> {
    const input = this.options.input ?? process.stdin;
    const interactive = this.options.interactive ?? Boolean((input as { isTTY?: boolean }).isTTY);
    const rl = createInterface({ input, output: interactive ? this.output : undefined, terminal: interactive });
    this.reader = rl;
    // In a terminal readline reads Ctrl-C as a key, not a signal: treat it as the end of the session.
    rl.on('SIGINT', () => rl.close());
    if (interactive) {
      this.prompt = rl;
      this.print(ct(this.options.locale, 'banner'));
    }
    void this.readLines(rl, sink, interactive).finally(() => this.markFinished());
  }

  async stop(): Promise<void> {
    this.reader?.close();
    await this.finished;
  }

  private async readLines(rl: Interface, sink: EventSink, interactive: boolean): Promise<void> {
    const prompt = () => {
      if (interactive) {
        rl.setPrompt(`${this.user.displayName}> `);
        rl.prompt();
      }
    };
    prompt();
    // Lines are handled strictly one after another so a script's replies come out in order.
    for await (const line of rl) {
      const parsed = toInboundEvent(line, this.user);
      if (parsed.kind === 'quit') break;
      if (parsed.kind === 'switch-user') {
        this.user = consoleUser(parsed.name);
        this.print(ct(this.memberLocale(), 'acting-as', { name: parsed.name }));
      } else if (parsed.kind === 'not-a-command') {
        this.print(ct(this.memberLocale(), 'not-a-command'));
      } else if (parsed.kind === 'event') {
        await sink.handle(parsed.event, this.responder(this.user));
      }
      prompt();
    }
    this.prompt = undefined;
    rl.close();
  }

  /** Every kind of answer to a typed line is printed in order; there is nothing to update in place. */
  private responder(user: UserRef): Responder {
    const print = async (message: OutboundMessage) => {
      if (message.locale) this.locales.set(user.userId, message.locale);
      this.print(renderForConsole(message, this.options.locale, user.displayName));
      return this.ref(CONSOLE_CHANNEL, message);
    };
    return {
      capabilities: CONSOLE_CAPABILITIES,
      reply: print,
      update: print,
      followUp: print,
      openForm: async () => {
        throw new Error('the console has no forms; the core should not have asked for one');
      },
    };
  }

  /** The console's own lines follow the language the core last wrote to this member in. */
  private memberLocale(): Locale {
    return this.locales.get(this.user.userId) ?? this.options.locale;
  }

  private ref(channel: ChannelRef, message: OutboundMessage): MessageRef {
    return { channel, messageId: String(this.nextMessageId++), visibility: message.visibility };
  }

  private print(text: string): void {
    this.output.write(`${text}\n\n`);
  }

  private printUnprompted(text: string): void {
    if (!this.prompt) {
      this.print(text);
      return;
    }
    // Start on a fresh line, then redraw the prompt with whatever the user had typed so far.
    this.output.write(`\n${text}\n\n`);
    this.prompt.prompt(true);
  }
}

function safeUserName(): string {
  try {
    return userInfo().username || 'you';
  } catch {
    return 'you';
  }
}
