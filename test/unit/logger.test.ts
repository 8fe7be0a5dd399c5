import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/infra/logger.js';

describe('logs never contain tokens', () => {
  it('redacts platform secrets wherever a config or request is logged', async () => {
    let out = '';
    const sink = new Writable({
      write(chunk, _enc, done) {
        out += chunk.toString();
        done();
      },
    });
    const logger = createLogger('info', sink);
    const config = loadConfig({
      DISCORD_TOKEN: 'discord-secret',
      DISCORD_APP_ID: '1',
      SLACK_BOT_TOKEN: 'xoxb-secret',
      SLACK_SIGNING_SECRET: 'signing-secret',
    });
    logger.info({ config }, 'starting');
    logger.info({ request: { headers: { authorization: 'Bearer xoxb-secret' } } }, 'request');
    logger.info({ token: 'discord-secret' }, 'token');
    await new Promise((r) => setImmediate(r));
    expect(out).toContain('[redacted]');
    for (const secret of ['discord-secret', 'xoxb-secret', 'signing-secret']) expect(out).not.toContain(secret);
  });
});
