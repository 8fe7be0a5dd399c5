import { describe, expect, it } from 'vitest';
import { createAdapters } from '../../src/adapters/create-adapters.js';
import { SlackPlatform } from '../../src/adapters/slack/slack-platform.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/infra/logger.js';
import { startFakeSlack } from '../support/fake-slack/index.js';

const quiet = createLogger('silent');

describe('npm start with the Slack variables', () => {
  it('runs the Slack adapter instead of the console, without calling Slack before start()', async () => {
    const fake = await startFakeSlack();
    try {
      const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: fake.apiUrl, PORT: '3999' });
      const adapters = createAdapters(config, quiet);
      expect(adapters.map((a) => a.platform)).toEqual(['slack']);
      expect(adapters[0]).toBeInstanceOf(SlackPlatform);
      expect(adapters[0]?.capabilities).toMatchObject({
        buttons: true,
        selects: true,
        forms: true,
        edits: true,
        privatePosts: true,
        actAs: false,
      });
      await new Promise((r) => setTimeout(r, 100));
      expect(fake.calls).toEqual([]); // auth.test waits for start()
    } finally {
      await fake.close();
    }
  });

  it('takes Socket Mode with an app token and no signing secret, and refuses HTTP mode without the secret', () => {
    const socket = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(createAdapters(socket, quiet).map((a) => a.platform)).toEqual(['slack']);
    const base = { botToken: 'xoxb-1', admins: [], port: 0, defaultLocale: 'en' as const, logger: quiet };
    expect(() => new SlackPlatform(base)).toThrow(/SLACK_SIGNING_SECRET/);
  });
});
