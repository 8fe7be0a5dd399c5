/**
 * Keeps secrets out of anything printed: logs and configuration errors. Three nets, because a secret
 * reaches a log in more than one shape: under a key that names it (`token`, `authorization`, at any
 * depth), inside a string (a password in a URL, a Slack token in an error message), or as the very
 * value the configuration holds (a signing secret has no recognisable shape).
 */

export const REDACTED = '[redacted]';

/** Key names whose values are secrets, whatever the casing or separator (`SLACK_BOT_TOKEN`, `x-api-key`). */
const SECRET_KEY = /token|secret|passw|pwd|authori[sz]ation|cookie|api[-_]?key|private[-_]?key|credential|signature/i;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/**
 * `scheme://user:password@host`: everything up to the last `@` of the run is user info (a password may
 * hold a raw `@`), so a stray `@` later in the run hides too much, never too little.
 */
const URL_USER_INFO = /([a-z][a-z\d+.-]*:\/\/)(\S*)@/gi;
/** Token shapes that appear in error messages and headers: Slack (xoxb-, xapp-), Discord bot tokens, auth schemes. */
const TOKEN_SHAPES: readonly [RegExp, string][] = [
  [/\bxox[a-z]-[\w-]+/g, REDACTED],
  [/\bxapp-[\w-]+/g, REDACTED],
  [/\b[\w-]{23,28}\.[\w-]{6,7}\.[\w-]{27,}/g, REDACTED],
  [/\b(Bearer|Bot|Basic)\s+[\w.~+/=-]{16,}/g, `$1 ${REDACTED}`],
];

/** Secrets shorter than this are not searched for as values: they would blank out ordinary words. */
const MIN_KNOWN_SECRET = 6;

/** The text with URL passwords, token-shaped words and the given secret values replaced. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(URL_USER_INFO, (_all, scheme: string, info: string) => {
    const colon = info.indexOf(':');
    return colon < 0 ? `${scheme}${REDACTED}@` : `${scheme}${info.slice(0, colon)}:${REDACTED}@`;
  });
  for (const [shape, replacement] of TOKEN_SHAPES) out = out.replace(shape, replacement);
  return redactKnownSecrets(out, secrets);
}

/** The text with each given secret value replaced (those too short to search for are skipped). */
export function redactKnownSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_KNOWN_SECRET) out = out.replaceAll(secret, REDACTED);
  }
  return out;
}

/**
 * pino prints any depth (its depthLimit only applies when JSON.stringify fails), so the walk is the bound:
 * past this depth a value is replaced, never printed unread. No log of ours nests this deep.
 */
const MAX_DEPTH = 8;
/** Entries kept per object or array: a log line is for people, and a huge payload must not stall the loop. */
const MAX_ENTRIES = 200;

/**
 * A copy of `value` with secrets redacted at any depth: by key name, and in every string. Errors stay
 * errors (so the logger still prints their type and stack) with message, stack, cause and fields redacted.
 * Cycles become `[Circular]`; anything past MAX_DEPTH becomes `[too deep]` rather than passing unread.
 */
export function redactValue(value: unknown, secrets: readonly string[] = []): unknown {
  const ancestors = new Set<object>();
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return redactText(v, secrets);
    if (v === null || typeof v !== 'object') return v;
    if (ancestors.has(v)) return '[Circular]';
    if (depth >= MAX_DEPTH) return '[too deep]';
    ancestors.add(v);
    try {
      if (v instanceof Error) return copyError(v, (x) => walk(x, depth + 1));
      if (Array.isArray(v)) return v.slice(0, MAX_ENTRIES).map((x) => walk(x, depth + 1));
      if (v instanceof Date || v instanceof Map || v instanceof Set) return v;
      const json = (v as { toJSON?: unknown }).toJSON;
      if (typeof json === 'function') return walk(json.call(v), depth);
      const out: Record<string, unknown> = {};
      let n = 0;
      for (const key in v) {
        if (!Object.hasOwn(v, key)) continue;
        if (n++ >= MAX_ENTRIES) break;
        const field = (v as Record<string, unknown>)[key];
        out[key] = isSecretKey(key) && field !== undefined && field !== null ? REDACTED : walk(field, depth + 1);
      }
      return out;
    } finally {
      ancestors.delete(v);
    }
  };
  return walk(value, 0);
}

function copyError(err: Error, walk: (v: unknown) => unknown): Error {
  const copy = Object.create(Object.getPrototypeOf(err)) as Error & Record<string, unknown>;
  for (const key of Object.keys(err)) {
    const field = (err as unknown as Record<string, unknown>)[key];
    copy[key] = isSecretKey(key) && field !== undefined && field !== null ? REDACTED : walk(field);
  }
  // Not enumerable on a real Error, so not covered above.
  Object.defineProperty(copy, 'message', { value: walk(err.message), enumerable: false, writable: true, configurable: true });
  if (err.stack !== undefined)
    Object.defineProperty(copy, 'stack', { value: walk(err.stack), enumerable: false, writable: true, configurable: true });
  if (Object.hasOwn(err, 'name'))
    Object.defineProperty(copy, 'name', { value: err.name, enumerable: false, writable: true, configurable: true });
  if (err.cause !== undefined)
    Object.defineProperty(copy, 'cause', { value: walk(err.cause), enumerable: false, writable: true, configurable: true });
  if (err instanceof AggregateError) {
    Object.defineProperty(copy, 'errors', { value: walk(err.errors), enumerable: false, writable: true, configurable: true });
  }
  return copy;
}
