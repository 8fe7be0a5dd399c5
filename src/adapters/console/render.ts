import type { Locale } from '../../core/i18n/catalog.js';
import type { MessageAction, OutboundMessage } from '../../core/types.js';
import { ct } from './console-messages.js';

/** Plain text for a terminal or a pipe: no colour codes, markdown emphasis removed. */
export function renderForConsole(message: OutboundMessage, consoleLocale: Locale, audience?: string): string {
  // The member's language (after /lang) where the core says it; the console's own otherwise.
  const locale = message.locale ?? consoleLocale;
  const strip = (s: string) => s.replace(/\*\*(.+?)\*\*/g, '$1');
  const lines: string[] = [];
  const who = message.visibility === 'private' && audience ? `${ct(locale, 'to-user', { name: audience })} ` : '';
  if (message.title) lines.push(`${who}== ${strip(message.title)} ==`);
  else if (who) lines.push(who.trim());
  if (message.text) lines.push(strip(message.text));
  for (const f of message.fields ?? []) lines.push(`${strip(f.label)}: ${strip(f.value)}`);
  if (message.footer) lines.push(strip(message.footer));
  const twins = typedTwins(message.actions ?? []);
  if (twins.length > 0) lines.push(`${ct(locale, 'type-to-act')} ${twins.join(' · ')}`);
  return lines.join('\n');
}

/** The console has no buttons: each action is shown as the command that does the same. */
function typedTwins(actions: readonly MessageAction[]): string[] {
  const enabled = actions.filter((a) => !(a.type === 'button' && a.disabled));
  return [...new Set(enabled.map((a) => a.twin))];
}
