import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConsolePlatform } from '../../src/adapters/console/console-platform.js';
import { renderForConsole } from '../../src/adapters/console/render.js';
import { CONSOLE_CHANNEL, toInboundEvent } from '../../src/adapters/console/to-inbound-event.js';
import type { EventSink } from '../../src/core/bot.js';
import type { InboundEvent } from '../../src/core/types.js';

const me = { platform: 'console' as const, userId: 'me', displayName: 'me', isAdmin: true };

describe('console adapter: mapping and rendering (pure)', () => {
  it.each([
    ['', { kind: 'skip' }],
    ['   ', { kind: 'skip' }],
    ['# a comment in a script', { kind: 'skip' }],
    ['/as alice', { kind: 'switch-user', name: 'alice' }],
    ['/quiz tcp', { kind: 'event', event: { kind: 'text', text: '/quiz tcp', channel: CONSOLE_CHANNEL, user: me } }],
    ['A C', { kind: 'not-a-command' }],
    ['hmm, let me think', { kind: 'not-a-command' }],
    ['exit', { kind: 'quit' }],
    ['QUIT', { kind: 'quit' }],
    ['/as', { kind: 'event', event: { kind: 'text', text: '/as', channel: CONSOLE_CHANNEL, user: me } }],
  ])('%j', (line, expected) => {
    expect(toInboundEvent(line, me)).toEqual(expected);
  });

  it('renders plain text with the audience of private replies, in the console language', () => {
    const message = { visibility: 'private' as const, title: '**Q**', text: '**A.** SYN', footer: 'hint' };
    expect(renderForConsole(message, 'en', 'ann')).toBe('[to ann] == Q ==\nA. SYN\nhint');
    expect(renderForConsole(message, 'zh', 'ann')).toBe('[仅 ann 可见] == Q ==\nA. SYN\nhint');
    expect(renderForConsole({ ...message, visibility: 'public' }, 'en', 'ann')).toBe('== Q ==\nA. SYN\nhint');
    // The member's language, when the core names it, wins over the console's.
    expect(renderForConsole({ ...message, locale: 'en' }, 'zh', 'ann')).toBe('[to ann] == Q ==\nA. SYN\nhint');
  });

  it('shows actions as the commands that do the same, since a terminal has no buttons', () => {
    const button = (label: string, disabled = false) => ({
      type: 'button' as const,
      id: `x:${label}`,
      label,
      twin: `/rate ${label}`,
      disabled,
    });
    const message = { visibility: 'private' as const, text: 'Rate it', actions: [button('good'), button('easy'), button('hard', true)] };
    expect(renderForConsole(message, 'en')).toBe('Rate it\nType: /rate good · /rate easy');
    expect(renderForConsole(message, 'zh')).toBe('Rate it\n输入： /rate good · /rate easy');
  });
});

describe('console adapter: running a script', () => {
  it('handles lines one after another, switches users, prints every reply, and ends at end of input', async () => {
    const input = new PassThrough();
    let out = '';
    const output = new Writable({
      write(chunk, _e, done) {
        out += chunk.toString();
        done();
      },
    });
    const seen: InboundEvent[] = [];
    const sink: EventSink = {
      ackPlan: () => ({ kind: 'reply', visibility: 'private' }),
      suggest: () => [],
      home: async () => ({ visibility: 'private', text: '' }),
      async handle(event, responder) {
        seen.push(event);
        await new Promise((r) => setTimeout(r, 5)); // a slow core must not reorder replies
        await responder.reply({ visibility: 'private', text: `got ${event.kind === 'text' ? event.text : ''}` });
        expect(responder.capabilities.buttons).toBe(false);
      },
    };
    const consolePlatform = new ConsolePlatform({ input, output, interactive: false, userName: 'bob', locale: 'en' });
    input.end('/quiz\n/as carol\n/answer B\n');
    await consolePlatform.start(sink);
    await consolePlatform.finished;
    expect(seen.map((e) => [e.user.userId, e.kind === 'text' ? e.text : ''])).toEqual([
      ['bob', '/quiz'],
      ['carol', '/answer B'],
    ]);
    expect(out).toBe('[to bob]\ngot /quiz\n\n(now acting as carol)\n\n[to carol]\ngot /answer B\n\n');
  });
});
