import type { ChannelRef, InboundEvent, UserRef } from '../../core/types.js';

export const CONSOLE_CHANNEL: ChannelRef = { platform: 'console', workspaceId: 'local', channelId: 'console' };

export function consoleUser(name: string): UserRef {
  // The person at the keyboard owns the machine, so every simulated console user is an admin. The
  // console reports no locale: users get DEFAULT_LOCALE until they choose one with /lang.
  return { platform: 'console', userId: name.toLowerCase(), displayName: name, isAdmin: true };
}

export type ConsoleLine =
  | { kind: 'skip' }
  | { kind: 'quit' }
  | { kind: 'not-a-command' }
  | { kind: 'switch-user'; name: string }
  | { kind: 'event'; event: InboundEvent };

/**
 * One typed line to what the console does with it. `/as <name>` is the console's own command and
 * `exit`/`quit` end the session; other slash lines go to the core's grammar. A line without a slash
 * is never an answer: "hmm, let me think" must not use up a question.
 */
export function toInboundEvent(line: string, user: UserRef): ConsoleLine {
  const text = line.trim();
  if (!text || text.startsWith('#')) return { kind: 'skip' };
  if (/^(exit|quit)$/i.test(text)) return { kind: 'quit' };
  if (!text.startsWith('/')) return { kind: 'not-a-command' };
  const as = /^\/as(?:\s+(.*))?$/i.exec(text);
  if (as) {
    const name = as[1]?.trim();
    if (name) return { kind: 'switch-user', name };
  }
  return { kind: 'event', event: { kind: 'text', text, channel: CONSOLE_CHANNEL, user } };
}
