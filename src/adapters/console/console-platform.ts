import { userInfo } from 'node:os';
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { EventSink } from '../../core/bot.js';
import type { Locale } from '../../core/i18n/catalog.js';
import type { ChatPlatform } from '../../core/ports.js';
import type { ChannelRef, OutboundMessage, PostedMessage, UserRef } from '../../core/types.js';
import { ct } from './console-messages.js';
import { renderForConsole } from './render.js';
import { consoleUser, toInboundEvent } from './to-inbound-event.js';

export interface ConsoleOptions {
  input?: Readable;
  output?: Writable;
  /** Interactive prompt when the input is a terminal; line-by-line script otherwise. */
  interactive?: boolean;
  userName?: string;
  /** The language of the console's own lines and of users without a /lang choice. */
  locale: Locale;
}

/**
 * The try-it-now adapter: reads commands from a terminal or a pipe, prints every reply, and
 * prints scheduled posts to the console channel too. `run()` resolves at end of input, after
 * every reply has been printed.
 */
export class ConsolePlatform implements ChatPlatform {
  private readonly output: Writable;
  private user: UserRef;
  private nextMessageId = 1;
  /** Set while an interactive prompt is showing, so scheduled posts can redraw it. */
  private prompt: Interface | undefined;

  constructor(private readonly options: ConsoleOptions) {
    this.output = options.output ?? process.stdout;
    this.user = consoleUser(options.userName ?? safeUserName());
  }

  /** Scheduled posts (the daily question, its reveal) arrive between typed commands. */
  async post(_channel: ChannelRef, message: OutboundMessage): Promise<PostedMessage> {
    this.printUnprompted(renderForConsole(message, this.options.locale));
    return { messageId: String(this.nextMessageId++) };
  }

  async run(bot: EventSink): Promise<void> {
    const input = this.options.input ?? process.stdin;
    const interactive = this.options.interactive ?? Boolean((input as { isTTY?: boolean }).isTTY);
    const rl = createInterface({ input, output: interactive ? this.output : undefined, terminal: interactive });
    const prompt = () => {
      if (interactive) {
        rl.setPrompt(`${this.user.displayName}> `);
        rl.prompt();
      }
    };
    // In a terminal readline reads Ctrl-C as a key, not a signal: treat it as the end of the session.
    rl.on('SIGINT', () => rl.close());
    if (interactive) {
      this.prompt = rl;
      this.print(ct(this.options.locale, 'banner'));
    }
    prompt();
    // Lines are handled strictly one after another so a script's replies come out in order.
    for await (const line of rl) {
      const parsed = toInboundEvent(line, this.user);
      if (parsed.kind === 'switch-user') {
        this.user = consoleUser(parsed.name);
        this.print(ct(this.options.locale, 'acting-as', { name: parsed.name }));
      } else if (parsed.kind === 'event') {
        const audience = this.user.displayName;
        await bot.handle(parsed.event, async (message) => this.print(renderForConsole(message, this.options.locale, audience)));
      }
      prompt();
    }
    this.prompt = undefined;
    rl.close();
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
