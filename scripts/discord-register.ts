import { registerCommands } from '../src/adapters/discord/register-commands.js';
import { ConfigError, loadConfig } from '../src/config.js';

/** `npm run discord:register`: registers the slash commands (to DISCORD_GUILD_ID's server when set). */
async function main(): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  if (!config.discord) {
    process.stderr.write('Set DISCORD_TOKEN and DISCORD_APP_ID (see docs/discord.md) to register the slash commands.\n');
    return 1;
  }
  const { count, scope } = await registerCommands({
    token: config.discord.token,
    applicationId: config.discord.appId,
    guildId: config.discord.guildId,
    apiUrl: config.discord.apiUrl,
  });
  process.stdout.write(
    `Registered ${count} slash commands (${scope}).${scope === 'global' ? ' Global commands can take up to an hour to appear.' : ''}\n`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Registration failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
