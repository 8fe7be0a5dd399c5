import type { Config } from '../config.js';
import type { Logger } from '../infra/logger.js';
import type { OpsRoute } from '../infra/ops/ops-routes.js';
import { ConsolePlatform } from './console/console-platform.js';
import { DiscordPlatform } from './discord/discord-platform.js';
import type { PlatformAdapter } from './platform-adapter.js';
import { SlackPlatform } from './slack/slack-platform.js';

/**
 * The adapters this configuration asks for: Discord and/or Slack when their variables are set,
 * otherwise the console. Several may run in one process. `httpRoutes` ride on Slack's HTTP receiver
 * when there is one (see `slackServesHttp`).
 */
export function createAdapters(config: Config, logger: Logger, httpRoutes: OpsRoute[] = []): PlatformAdapter[] {
  const adapters: PlatformAdapter[] = [];
  if (config.console) adapters.push(new ConsolePlatform({ locale: config.defaultLocale }));
  if (config.discord) {
    adapters.push(
      new DiscordPlatform({
        token: config.discord.token,
        applicationId: config.discord.appId,
        apiUrl: config.discord.apiUrl,
        defaultLocale: config.defaultLocale,
        logger: logger.child({ platform: 'discord' }),
      }),
    );
  }
  if (config.slack) {
    adapters.push(
      new SlackPlatform({
        botToken: config.slack.botToken,
        signingSecret: config.slack.signingSecret,
        appToken: config.slack.appToken,
        apiUrl: config.slack.apiUrl,
        admins: config.slack.admins,
        port: config.port,
        customRoutes: httpRoutes,
        defaultLocale: config.defaultLocale,
        logger: logger.child({ platform: 'slack' }),
      }),
    );
  }
  return adapters;
}

/** True when Slack runs in HTTP mode: its receiver holds PORT, so other HTTP routes go on it. */
export function slackServesHttp(config: Config): boolean {
  return config.slack !== undefined && !config.slack.appToken;
}
