/**
 * Shortens text to at most `max` UTF-16 code units (how Discord and Slack count), marking the cut
 * with an ellipsis and never splitting a surrogate pair.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}
