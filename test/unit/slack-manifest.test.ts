import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BOT_EVENTS,
  BOT_SCOPES,
  MANIFEST_FILES,
  manifestJson,
  PLACEHOLDER_REQUEST_URL,
  slackManifest,
} from '../../src/adapters/slack/slack-manifest.js';
import { COMMANDS } from '../../src/core/commands.js';

const root = join(import.meta.dirname, '..', '..');
const http = slackManifest({ socketMode: false });
const socket = slackManifest({ socketMode: true });

/** Every Web API method the adapter calls, and the bot scope it needs (undefined: none). */
const METHOD_SCOPES: Record<string, string | undefined> = {
  'chat.postMessage': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'chat.update': 'chat:write',
  'users.info': 'users:read',
  'conversations.history': 'channels:history',
  'conversations.join': 'channels:join',
  'views.open': undefined,
  'views.publish': undefined,
};

describe('the Slack app manifest', () => {
  it('is committed as generated from the command table (run npm run slack:manifest after changing commands)', () => {
    expect(readFileSync(join(root, MANIFEST_FILES.http), 'utf8')).toBe(manifestJson(http));
    expect(readFileSync(join(root, MANIFEST_FILES.socketMode), 'utf8')).toBe(manifestJson(socket));
  });

  it('has the one /prep command, offering every command a Slack member can use', () => {
    expect(http.features.slash_commands).toHaveLength(1);
    const prep = http.features.slash_commands[0];
    expect(prep).toMatchObject({ command: '/prep', url: PLACEHOLDER_REQUEST_URL, should_escape: true });
    const offered = (prep?.usage_hint ?? '').split(' | ');
    expect(offered).toEqual(COMMANDS.filter((c) => c.name !== 'as').map((c) => c.name));
    for (const c of COMMANDS.filter((c) => c.name !== 'as')) expect(http.display_information.long_description).toContain(`/prep ${c.name}`);
    expect(http.display_information.long_description).not.toContain('/prep as');
  });

  it('stays within the manifest’s limits', () => {
    const d = http.display_information;
    expect(d.name.length).toBeLessThanOrEqual(35);
    expect(d.description.length).toBeLessThanOrEqual(140);
    expect(d.long_description.length).toBeGreaterThanOrEqual(174);
    expect(d.long_description.length).toBeLessThanOrEqual(4000);
    expect(http.features.bot_user.display_name.length).toBeLessThanOrEqual(80);
    expect(http.features.slash_commands[0]?.usage_hint.length).toBeLessThanOrEqual(1000);
    expect(http.features.slash_commands[0]?.description.length).toBeLessThanOrEqual(100);
  });

  it('HTTP mode: commands, interactivity and events all go to /slack/events; Socket Mode: no URLs at all', () => {
    expect(http.settings).toMatchObject({
      socket_mode_enabled: false,
      interactivity: { is_enabled: true, request_url: PLACEHOLDER_REQUEST_URL },
      event_subscriptions: { request_url: PLACEHOLDER_REQUEST_URL, bot_events: [...BOT_EVENTS] },
    });
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(socket)).not.toContain('url"');
    expect(socket.settings.interactivity.is_enabled).toBe(true);
    expect(
      slackManifest({ socketMode: false, requestUrl: 'https://bot.example.org/slack/events' }).settings.interactivity.request_url,
    ).toBe('https://bot.example.org/slack/events');
  });

  it('enables the App Home tab and app_home_opened, and has a scope for every Web API method the adapter calls', () => {
    expect(http.features.app_home.home_tab_enabled).toBe(true);
    expect(http.settings.event_subscriptions.bot_events).toContain('app_home_opened');
    const dir = join(root, 'src', 'adapters', 'slack');
    const source = readdirSync(dir)
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    const called = [...new Set([...source.matchAll(/client\s*\.(\w+)\s*\.(\w+)\s*\(/g)].map((m) => `${m[1]}.${m[2]}`))].sort();
    expect(called.length).toBeGreaterThan(5);
    for (const method of called) {
      expect(Object.keys(METHOD_SCOPES), `the scope of ${method}`).toContain(method);
      const scope = METHOD_SCOPES[method];
      if (scope) expect(BOT_SCOPES).toContain(scope);
    }
  });
});
