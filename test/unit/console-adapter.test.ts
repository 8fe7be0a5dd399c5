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
    ['A C', { kind: 'event', event: { kind: 'text', text: '/answer A C', channel: CONSOLE_CHANNEL, user: me } }],
    ['/as', { kind: 'event', event: { kind: 'text', text: '/as', channel: CONSOLE_CHANNEL, user: me } }],
  ])('%j', (line, expected) => {
    expect(toInboundEvent(line, me)).toEqual(expected);
  });

  it('renders plain text with the audience of private replies, in the console language', () => {
    const message = { visibility: 'private' as const, title: '**Q**', text: '**A.** SYN', footer: 'hint' };
    expect(renderForConsole(message, 'en', 'ann')).toBe('[to ann] == Q ==\nA. SYN\nhint');
    expect(renderForConsole(message, 'zh', 'ann')).toBe('[仅 ann 可见] == Q ==\nA. SYN\nhint');
    expect(renderForConsole({ ...message, visibility: 'public' }, 'en', 'ann')).toBe('== Q ==\nA. SYN\nhint');
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
      async handle(event, reply) {
        seen.push(event);
        await new Promise((r) => setTimeout(r, 5)); // a slow core must not reorder replies
        await reply({ visibility: 'private', text: `got ${event.kind === 'text' ? event.text : ''}` });
      },
    };
    const consolePlatform = new ConsolePlatform({ input, output, interactive: false, userName: 'bob', locale: 'en' });
    input.end('/quiz\n/as carol\nB\n');
    await consolePlatform.run(sink);
    expect(seen.map((e) => [e.user.userId, e.kind === 'text' ? e.text : ''])).toEqual([
      ['bob', '/quiz'],
      ['carol', '/answer B'],
    ]);
    expect(out).toBe('[to bob]\ngot /quiz\n\n(now acting as carol)\n\n[to carol]\ngot /answer B\n\n');
  });
});
