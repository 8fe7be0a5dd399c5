import type { ChannelRef, InboundEvent, UserRef } from '../../core/types.js';

export const CONSOLE_CHANNEL: ChannelRef = { platform: 'console', workspaceId: 'local', channelId: 'console' };

export function consoleUser(name: string): UserRef {
  // The person at the keyboard owns the machine, so every simulated console user is an admin. The
  // console reports no locale: users get DEFAULT_LOCALE until they choose one with /lang.
  return { platform: 'console', userId: name.toLowerCase(), displayName: name, isAdmin: true };
}

export type ConsoleLine = { kind: 'skip' } | { kind: 'switch-user'; name: string } | { kind: 'event'; event: InboundEvent };

/**
 * One typed line to what the console does with it. `/as <name>` is the console's own command;
 * everything else is sent to the core's grammar, and a line without a slash is an answer.
 */
export function toInboundEvent(line: string, user: UserRef): ConsoleLine {
  const text = line.trim();
  if (!text || text.startsWith('#')) return { kind: 'skip' };
  const as = /^\/as(?:\s+(.*))?$/i.exec(text);
  if (as) {
    const name = as[1]?.trim();
    if (name) return { kind: 'switch-user', name };
  }
  const commandText = text.startsWith('/') ? text : `/answer ${text}`;
  return { kind: 'event', event: { kind: 'text', text: commandText, channel: CONSOLE_CHANNEL, user } };
}
