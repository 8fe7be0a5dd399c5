import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { EventSink } from '../../core/bot.js';
import type { Locale } from '../../core/i18n/catalog.js';
import type { ChatPlatform } from '../../core/ports.js';
import type { ChannelRef, OutboundMessage, PostedMessage, UserRef } from '../../core/types.js';
import { renderForConsole } from './render.js';
import { consoleUser, toInboundEvent } from './to-inbound-event.js';

export interface ConsoleOptions {
  input?: Readable;
  output?: Writable;
  /** Interactive prompt when the input is a terminal; line-by-line script otherwise. */
  interactive?: boolean;
  userName?: string;
  locale?: Locale | undefined;
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

  constructor(private readonly options: ConsoleOptions = {}) {
    this.output = options.output ?? process.stdout;
    this.user = consoleUser(options.userName ?? safeUserName(), options.locale);
  }

  async post(_channel: ChannelRef, message: OutboundMessage): Promise<PostedMessage> {
    this.print(renderForConsole(message));
    return { messageId: String(this.nextMessageId++) };
  }

  async edit(_channel: ChannelRef, _posted: PostedMessage, message: OutboundMessage): Promise<void> {
    this.print(renderForConsole(message));
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
    if (interactive) this.print('PrepBot console. Type /help, /quiz, /answer <text>, /as <name>; Ctrl-D to quit.');
    prompt();
    // Lines are handled strictly one after another so a script's replies come out in order.
    for await (const line of rl) {
      const parsed = toInboundEvent(line, this.user);
      if (parsed.kind === 'switch-user') {
        this.user = consoleUser(parsed.name, this.options.locale);
        this.print(`(now acting as ${parsed.name})`);
      } else if (parsed.kind === 'event') {
        const audience = this.user.displayName;
        await bot.handle(parsed.event, async (message) => this.print(renderForConsole(message, audience)));
      }
      prompt();
    }
    rl.close();
  }

  private print(text: string): void {
    this.output.write(`${text}\n\n`);
  }
}

function safeUserName(): string {
  try {
    return userInfo().username || 'you';
  } catch {
    return 'you';
  }
}
