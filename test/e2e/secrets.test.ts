import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../src/infra/redis/embedded-redis.js';

const root = join(import.meta.dirname, '..', '..');
const tsxCli = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** Runs the bot to its exit and returns everything it printed, stdout and stderr together. */
function run(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [tsxCli, 'src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'trace', DEFAULT_LOCALE: 'en', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stdin.end();
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

const secrets = {
  DISCORD_TOKEN: 'dsc-Secret-7f3a9',
  SLACK_BOT_TOKEN: 'slk-Bot-Secret-41c2',
  SLACK_SIGNING_SECRET: 'signing-Secret-0d9e',
  SLACK_APP_TOKEN: 'slk-App-Secret-88b1',
};

describe('npm start never prints a secret', () => {
  it('a REDIS_URL of the wrong scheme, with every platform secret set, is refused without printing any of them', async () => {
    const { code, output } = await run({ ...secrets, DISCORD_APP_ID: '1', REDIS_URL: 'http://:hunter2@127.0.0.1:1' });
    expect(code).toBe(1);
    expect(output).toContain('REDIS_URL="http://:[redacted]@127.0.0.1:1" must start with redis://');
    for (const secret of ['hunter2', ...Object.values(secrets)]) expect(output).not.toContain(secret);
  });

  it('a Redis that cannot be reached is named without its password, in the message and in every log line', async () => {
    const port = await freePort();
    const { code, output } = await run({ REDIS_URL: `redis://default:hunter2@127.0.0.1:${port}` });
    expect(code).toBe(1);
    expect(output).toContain(`Cannot reach Redis at redis://default:***@127.0.0.1:${port}`);
    expect(output).not.toContain('hunter2');
  }, 30_000);
});
