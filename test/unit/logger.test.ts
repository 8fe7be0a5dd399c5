import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { configSecrets, loadConfig } from '../../src/config.js';
import { createLogger, type Logger } from '../../src/infra/logger.js';

/**
 * Every secret the configuration knows, set at once. The values have no recognisable shape on purpose:
 * what hides them must be the key they sit under, the URL they are in, or the logger knowing them.
 */
const SECRETS = {
  DISCORD_TOKEN: 'dsc-Secret-7f3a9',
  SLACK_BOT_TOKEN: 'slk-Bot-Secret-41c2',
  SLACK_SIGNING_SECRET: 'signing-Secret-0d9e',
  SLACK_APP_TOKEN: 'slk-App-Secret-88b1',
  redisPassword: 'hunter2-Redis-Pw',
  discordProxyPassword: 'proxy-Pw-Discord',
  slackProxyPassword: 'proxy-Pw-Slack',
};
const env = {
  DISCORD_TOKEN: SECRETS.DISCORD_TOKEN,
  DISCORD_APP_ID: '1',
  DISCORD_API_URL: `https://bot:${SECRETS.discordProxyPassword}@discord-proxy.example/api`,
  SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN,
  SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET,
  SLACK_APP_TOKEN: SECRETS.SLACK_APP_TOKEN,
  SLACK_API_URL: `https://bot:${SECRETS.slackProxyPassword}@slack-proxy.example/api/`,
  REDIS_URL: `redis://default:${SECRETS.redisPassword}@127.0.0.1:6390/0`,
};
const config = loadConfig(env);

/** A logger writing into a string, and a way to read everything it wrote once pino has flushed. */
function capture(withSecrets: boolean): { logger: Logger; output: () => Promise<string> } {
  let out = '';
  const sink = new Writable({
    write(chunk, _enc, done) {
      out += chunk.toString();
      done();
    },
  });
  const logger = createLogger('trace', sink, withSecrets ? { secrets: configSecrets(config) } : {});
  return { logger, output: () => new Promise((r) => setImmediate(() => r(out))) };
}

function expectNoSecret(out: string): void {
  for (const [name, value] of Object.entries(SECRETS)) {
    expect(out.includes(value), `${name} printed`).toBe(false);
    expect(out.includes(encodeURIComponent(value)), `${name} printed URL-encoded`).toBe(false);
  }
}

/** Every line the logger wrote, parsed: redaction must never break the JSON. */
const lines = (out: string) =>
  out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('logs never contain a secret', () => {
  it('redacts by key name at any depth, without being told the values', async () => {
    const { logger, output } = capture(false);
    const s = SECRETS;
    logger.info({ config }, 'starting');
    logger.info({ token: s.DISCORD_TOKEN, botToken: s.SLACK_BOT_TOKEN }, 'top level');
    logger.warn({ err: { config: { headers: { authorization: `Bearer ${s.SLACK_BOT_TOKEN}` } } } }, 'axios-style error');
    logger.warn({ request: { body: { token: s.SLACK_APP_TOKEN, user: 'U1' } } }, 'slack payload');
    logger.info({ env: { ...env } }, 'the environment');
    logger.info({ a: { b: { c: { d: { signingSecret: s.SLACK_SIGNING_SECRET, Password: s.redisPassword } } } } }, 'four deep');
    logger.info(
      { list: [{ headers: { Authorization: s.DISCORD_TOKEN, 'x-api-key': s.SLACK_APP_TOKEN, Cookie: s.SLACK_BOT_TOKEN } }] },
      'in an array',
    );
    const axiosError = Object.assign(new Error('Request failed with status code 401'), {
      config: { url: 'https://slack.com/api/chat.postMessage', headers: { Authorization: `Bearer ${s.SLACK_BOT_TOKEN}` } },
      response: { data: { token: s.SLACK_APP_TOKEN } },
    });
    logger.error({ err: axiosError }, 'an error with fields');
    logger.error(axiosError, 'an error as the first argument');
    logger.child({ request: { token: s.DISCORD_TOKEN } }).info('child bindings');
    const out = await output();
    expectNoSecret(out);
    const parsed = lines(out);
    expect(parsed).toHaveLength(10);
    // Still useful: what is not secret prints, and an error keeps its type, message and stack.
    expect(out).toContain('"user":"U1"');
    expect(out).toContain('https://slack.com/api/chat.postMessage');
    const err = parsed[7]?.err as Record<string, unknown>;
    expect([err.type, err.message, typeof err.stack]).toEqual(['Error', 'Request failed with status code 401', 'string']);
    expect(JSON.stringify(parsed[0])).toContain('"redis":{"url":"redis://default:[redacted]@127.0.0.1:6390/0"');
  });

  it('redacts URL passwords and token-shaped words inside any string: messages, format arguments, errors, causes', async () => {
    const { logger, output } = capture(false);
    const url = `redis://:${SECRETS.redisPassword}@10.0.0.5:6379`;
    logger.warn(`cannot reach ${url}`);
    logger.warn('cannot reach %s (%o)', url, { url });
    logger.warn({ deep: { deeper: { deepest: { note: `retrying ${url} now` } } } }, 'nested string');
    const cause = new Error(`connect failed for ${url}`);
    logger.error({ err: new Error(`Redis ${url} refused`, { cause }) }, 'error message and cause');
    logger.error({ err: new AggregateError([new Error(`first ${url}`)], 'all failed') }, 'aggregate');
    logger.warn({ text: 'slack said: invalid_auth for xoxb-1234567890-abcdefghij and xapp-1-A0-123-abc' }, 'token shapes');
    logger.warn({ text: 'header was Bot MTA4NzY1NDMyMTA5ODc2NTQzMg.GaBcDe.abcdefghijklmnopqrstuvwxyz0123' }, 'discord shape');
    const out = await output();
    expectNoSecret(out);
    for (const leaked of ['xoxb-1234567890', 'xapp-1-A0', 'MTA4NzY1NDMyMTA5ODc2NTQzMg']) expect(out).not.toContain(leaked);
    expect(lines(out)).toHaveLength(7);
    expect(out).toContain('redis://:[redacted]@10.0.0.5:6379');
  });

  it("blanks the configuration's own secret values under any key, in any message, at any depth", async () => {
    const { logger, output } = capture(true);
    const all = Object.values(SECRETS).join(' ');
    logger.info(`values: ${all}`);
    logger.info({ note: all, nested: { a: { b: { c: { d: { e: { f: { g: all } } } } } } } }, 'innocent keys');
    logger.error({ err: new Error(`boom ${all}`) }, 'error message');
    logger.child({ label: all }).info('child');
    logger.info({ quoted: `"${SECRETS.SLACK_SIGNING_SECRET}"` }, 'quoted');
    const out = await output();
    expectNoSecret(out);
    expect(lines(out)).toHaveLength(5);
  });

  it('survives cycles and very deep objects, cutting what is too deep instead of printing it', async () => {
    const { logger, output } = capture(false);
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    let deep: Record<string, unknown> = { token: SECRETS.DISCORD_TOKEN, url: `redis://:${SECRETS.redisPassword}@h` };
    for (let i = 0; i < 200; i++) deep = { next: deep };
    logger.info({ cyclic, deep }, 'odd shapes');
    const out = await output();
    expectNoSecret(out);
    expect(lines(out)).toHaveLength(1);
  });
});
