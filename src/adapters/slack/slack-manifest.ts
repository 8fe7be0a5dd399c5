import { COMMANDS, type CommandSpec, usageOf } from '../../core/commands.js';
import { SLACK_COMMAND } from './render.js';
import { SLACK_CAPABILITIES } from './slack-capabilities.js';

/**
 * The Slack app manifest (https://docs.slack.dev/reference/app-manifest), built from the core's one
 * command table: pasting it into "Create New App -> From a manifest" gives the scopes, the /prep
 * command, interactivity, the App Home tab and the event subscription PrepBot needs.
 */

/** The committed manifests (npm run slack:manifest), at the repository root. */
export const MANIFEST_FILES = { http: 'slack-app-manifest.json', socketMode: 'slack-app-manifest.socket-mode.json' } as const;

/** As the files hold it: two-space JSON, lists of words on one line as the repository's formatter (Biome) writes them. */
export function manifestJson(manifest: SlackAppManifest): string {
  const LINE_WIDTH = 140;
  const format = (value: unknown, indent: string, prefix: number): string => {
    if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) {
      const inline = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
      if (prefix + inline.length <= LINE_WIDTH) return inline;
    }
    if (typeof value !== 'object' || value === null) return JSON.stringify(value);
    const inner = `${indent}  `;
    const entries = Array.isArray(value)
      ? value.map((v) => `${inner}${format(v, inner, inner.length)}`)
      : Object.entries(value).map(([k, v]) => {
          const key = `${inner}${JSON.stringify(k)}: `;
          return `${key}${format(v, inner, key.length + 1)}`;
        });
    const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
    return entries.length === 0 ? `${open}${close}` : `${open}\n${entries.join(',\n')}\n${indent}${close}`;
  };
  return `${format(manifest, '', 0)}\n`;
}

/** Where Slack sends requests in HTTP mode until you put your own host in (see docs/slack.md). */
export const PLACEHOLDER_REQUEST_URL = 'https://prepbot.example.com/slack/events';

/**
 * The bot token's scopes, each for something the adapter calls.
 * - commands: the /prep slash command
 * - chat:write: replies, daily posts, reveals, ephemeral messages, edits (chat.update)
 * - users:read: users.info for a member's locale, time zone and admin or owner role
 * - channels:history, groups:history: a retried daily post finds its first attempt (message metadata) instead of posting twice
 * - channels:join: joins a public channel the bot was not invited to when it first posts there
 * Posting to a member's id reaches the app's DM (the Messages tab) with chat:write alone.
 */
export const BOT_SCOPES = ['commands', 'chat:write', 'users:read', 'channels:history', 'groups:history', 'channels:join'] as const;

/** The events PrepBot subscribes to: the App Home tab being opened. */
export const BOT_EVENTS = ['app_home_opened'] as const;

export interface ManifestOptions {
  /** Socket Mode: Slack connects over a WebSocket (SLACK_APP_TOKEN); no request URLs. */
  socketMode: boolean;
  /** HTTP mode: your public https URL ending in /slack/events. */
  requestUrl?: string | undefined;
}

export interface SlackAppManifest {
  _metadata: { major_version: 1; minor_version: 1 };
  display_information: { name: string; description: string; long_description: string; background_color: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean };
    bot_user: { display_name: string; always_online: boolean };
    slash_commands: Array<{ command: string; url?: string; description: string; usage_hint: string; should_escape: boolean }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url?: string; bot_events: string[] };
    interactivity: { is_enabled: true; request_url?: string };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
    token_rotation_enabled: boolean;
  };
}

/** The commands a Slack member can use (not the console's `/as`). */
function slackCommands(): CommandSpec[] {
  return COMMANDS.filter((c) => !c.requires || SLACK_CAPABILITIES[c.requires]);
}

/** `/quiz [target]` -> `quiz [target]`: the words after /prep. */
const afterPrep = (usage: string) => usage.replace(/^\//, '');

/** The one-line hint Slack shows while typing /prep: every command's name. */
export function usageHint(): string {
  return slackCommands()
    .map((c) => c.name)
    .join(' | ');
}

/** The app directory text: every command with its usage and what it does, from the command table. */
export function longDescription(): string {
  const lines = slackCommands().map(
    (c) => `• ${SLACK_COMMAND} ${afterPrep(usageOf(c))}: ${c.description.en}${c.adminOnly ? ' (admins)' : ''}`,
  );
  return [
    'PrepBot is an interview-practice bot for backend engineers: networking and concurrency questions in Chinese and English, a daily team question with a reveal, leaderboards and streaks.',
    '',
    ...lines,
    '',
    `Everything is one command: ${SLACK_COMMAND} <command> [options]. ${SLACK_COMMAND} alone shows the help.`,
  ].join('\n');
}

export function slackManifest(options: ManifestOptions): SlackAppManifest {
  const url = options.socketMode ? undefined : (options.requestUrl ?? PLACEHOLDER_REQUEST_URL);
  const at = <T extends object>(fields: T) => (url ? { ...fields, request_url: url } : fields);
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: 'PrepBot',
      description: 'Interview practice: networking and concurrency questions, a daily team question, leaderboards.',
      long_description: longDescription(),
      background_color: '#1d3557',
    },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: true },
      bot_user: { display_name: 'PrepBot', always_online: true },
      slash_commands: [
        {
          command: SLACK_COMMAND,
          ...(url ? { url } : {}),
          description: 'Interview practice: quiz, answer, daily question, leaderboard, help',
          usage_hint: usageHint(),
          // Mentions arrive as <@U123> ids, which the core reads as members.
          should_escape: true,
        },
      ],
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: at({ bot_events: [...BOT_EVENTS] }),
      interactivity: at({ is_enabled: true as const }),
      org_deploy_enabled: false,
      socket_mode_enabled: options.socketMode,
      token_rotation_enabled: false,
    },
  };
}
