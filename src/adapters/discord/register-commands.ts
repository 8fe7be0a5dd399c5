import { REST, Routes } from 'discord.js';
import { discordCommandDefinitions } from './command-definitions.js';

export interface RegisterOptions {
  token: string;
  applicationId: string;
  /** One server only (instant, for development); otherwise global. */
  guildId?: string | undefined;
  apiUrl?: string | undefined;
}

/**
 * Replaces the application's commands with the core's command table in one bulk overwrite (run by
 * `npm run discord:register` when the commands change, never on boot: Discord rate-limits it).
 */
export async function registerCommands(options: RegisterOptions): Promise<{ count: number; scope: string }> {
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {}).setToken(options.token);
  const body = discordCommandDefinitions();
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const result = (await rest.put(route, { body })) as unknown[];
  return { count: result.length, scope: options.guildId ? `server ${options.guildId}` : 'global' };
}
