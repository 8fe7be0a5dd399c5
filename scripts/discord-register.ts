import { registerCommands } from '../src/adapters/discord/register-commands.js';
import { loadConfigOrReport } from '../src/config.js';

/** `npm run discord:register`: registers the slash commands (to DISCORD_GUILD_ID's server when set). */
async function main(): Promise<number> {
  const config = loadConfigOrReport();
  if (!config) return 1;
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
