import { describe, expect, it } from 'vitest';
import { ConfigError, configSecrets, loadConfig } from '../../src/config.js';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
};

describe('config', () => {
  it('runs the console with embedded Redis when nothing is set', () => {
    const c = loadConfig({});
    expect(c.console).toBe(true);
    expect(c.redis.url).toBeUndefined();
    expect(c.defaultLocale).toBe('zh');
    expect(c.port).toBe(3000);
  });

  it('names a malformed value, with the value, in one message listing every problem', () => {
    const problems = problemsOf({ DEFAULT_LOCALE: 'fr', PORT: 'abc', REDIS_URL: 'localhost:6379', DEFAULT_TIMEZONE: 'Mars/Base' });
    expect(problems).toHaveLength(4);
    expect(problems.find((p) => p.startsWith('DEFAULT_LOCALE="fr"'))).toMatch(/zh or en/);
    expect(problems.find((p) => p.startsWith('PORT'))).toBeDefined();
    expect(problems.find((p) => p.startsWith('REDIS_URL'))).toMatch(/redis:\/\//);
    expect(problems.find((p) => p.startsWith('DEFAULT_TIMEZONE'))).toMatch(/IANA/);
  });

  it('never prints a password: a REDIS_URL of the wrong scheme is shown with its password redacted, secrets not at all', () => {
    const env = {
      REDIS_URL: 'http://:hunter2@127.0.0.1:1',
      DISCORD_TOKEN: 'dsc-Secret-7f3a9',
      SLACK_BOT_TOKEN: 'slk-Bot-Secret-41c2',
      SLACK_SIGNING_SECRET: 'signing-Secret-0d9e',
      SLACK_APP_TOKEN: 'slk-App-Secret-88b1',
      SLACK_API_URL: 'not a url with signing-Secret-0d9e',
    };
    let message = '';
    try {
      loadConfig(env);
    } catch (e) {
      message = e instanceof Error ? e.message : String(e);
    }
    expect(message).toContain('REDIS_URL="http://:[redacted]@127.0.0.1:1" must start with redis://');
    for (const secret of ['hunter2', 'dsc-Secret-7f3a9', 'slk-Bot-Secret-41c2', 'signing-Secret-0d9e', 'slk-App-Secret-88b1']) {
      expect(message).not.toContain(secret);
    }
    // A password holding a raw @ hides whole, and user info without a colon is hidden as a whole.
    expect(problemsOf({ REDIS_URL: 'http://admin:p@ss@host:1' })[0]).toMatch(/^REDIS_URL="http:\/\/admin:\[redacted\]@host:1"/);
    expect(problemsOf({ REDIS_URL: 'http://s3cret@host:1' })[0]).toMatch(/^REDIS_URL="http:\/\/\[redacted\]@host:1"/);
  });

  it('requires platform secrets only for an enabled platform, and never echoes a token', () => {
    expect(problemsOf({ SLACK_SIGNING_SECRET: 'x' })).toEqual([]);
    const problems = problemsOf({ DISCORD_TOKEN: 'super-secret-token' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^DISCORD_APP_ID is required when DISCORD_TOKEN is set/);
    expect(problems.join('\n')).not.toContain('super-secret-token');
    const slack = problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(slack[0]).toMatch(/^SLACK_SIGNING_SECRET is required/);
  });

  it('enables a platform when its secrets are present and treats empty values as unset', () => {
    const c = loadConfig({ DISCORD_TOKEN: 't', DISCORD_APP_ID: '1', REDIS_URL: '', DISCORD_API_URL: 'http://127.0.0.1:9999/api' });
    expect(c.console).toBe(false);
    expect(c.discord).toEqual({ token: 't', appId: '1', apiUrl: 'http://127.0.0.1:9999/api', guildId: undefined, shards: 'auto' });
    expect(c.redis.url).toBeUndefined();
  });
});

describe('the optional model grader (GRADER_*)', () => {
  const URL = 'http://127.0.0.1:11434/v1/chat/completions';

  it('is off unless both GRADER_URL and GRADER_MODEL are set', () => {
    expect(loadConfig({}).grader).toBeUndefined();
    expect(loadConfig({ GRADER_URL: '', GRADER_MODEL: '', GRADER_API_KEY: '' }).grader).toBeUndefined();
    expect(loadConfig({ GRADER_URL: URL, GRADER_MODEL: 'qwen2.5:7b' }).grader).toEqual({
      url: URL,
      model: 'qwen2.5:7b',
      apiKey: undefined,
      timeoutMs: 8000,
    });
    const c = loadConfig({ GRADER_URL: URL, GRADER_MODEL: 'm', GRADER_API_KEY: 'sk-grader-Secret-5e1f', GRADER_TIMEOUT_MS: '2500' });
    expect(c.grader).toEqual({ url: URL, model: 'm', apiKey: 'sk-grader-Secret-5e1f', timeoutMs: 2500 });
    expect(configSecrets(c)).toContain('sk-grader-Secret-5e1f');
  });

  it('refuses one of URL and model without the other, a URL that is not http(s), and a bad timeout, never echoing the key', () => {
    expect(problemsOf({ GRADER_URL: URL })).toEqual(['GRADER_MODEL is required when GRADER_URL is set']);
    expect(problemsOf({ GRADER_MODEL: 'm' })).toEqual(['GRADER_URL is required when GRADER_MODEL is set']);
    const problems = problemsOf({
      GRADER_URL: 'ftp://host/x',
      GRADER_MODEL: 'm',
      GRADER_TIMEOUT_MS: 'soon',
      GRADER_API_KEY: 'sk-grader-Secret-5e1f',
    });
    expect(problems).toHaveLength(2);
    expect(problems.find((p) => p.startsWith('GRADER_URL="ftp://host/x"'))).toMatch(/http\(s\) chat-completions URL/);
    expect(problems.find((p) => p.startsWith('GRADER_TIMEOUT_MS'))).toMatch(/milliseconds/);
    expect(problemsOf({ GRADER_URL: URL, GRADER_MODEL: 'm', GRADER_TIMEOUT_MS: '50' })[0]).toMatch(/^GRADER_TIMEOUT_MS/);
    expect(problemsOf({ GRADER_URL: 'not a url sk-grader-Secret-5e1f', GRADER_API_KEY: 'sk-grader-Secret-5e1f' }).join('\n')).not.toContain(
      'sk-grader-Secret-5e1f',
    );
  });
});

describe('REDIS_CLUSTER_NODES', () => {
  it('takes host:port seeds or redis:// URLs, with one set of credentials and TLS for every node', () => {
    const plain = loadConfig({ REDIS_CLUSTER_NODES: ' 10.0.0.1:7000, 10.0.0.2:7001 ,[::1]:7002' });
    expect(plain.redis.url).toBeUndefined();
    expect(plain.redis.cluster).toEqual({
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: '10.0.0.2', port: 7001 },
        { host: '::1', port: 7002 },
      ],
      username: undefined,
      password: undefined,
      tls: false,
    });
    const secure = loadConfig({ REDIS_CLUSTER_NODES: 'rediss://bot:p%40ss@a.example:6379,rediss://b.example:6379' });
    expect(secure.redis.cluster).toMatchObject({ username: 'bot', password: 'p@ss', tls: true });
    expect(configSecrets(secure)).toContain('p@ss');
    expect(loadConfig({}).redis.cluster).toBeUndefined();
  });

  it('refuses a malformed list, or one given with REDIS_URL, with a clear message and no password', () => {
    const cases: Array<[string, RegExp]> = [
      ['10.0.0.1', /needs host:port for every node/],
      ['10.0.0.1:0', /needs host:port/],
      ['http://10.0.0.1:7000', /only redis:\/\/ and rediss:\/\//],
      ['redis://a:1,rediss://b:2', /mixes redis:\/\/ and rediss:\/\//],
      ['redis://:one-Secret-1@a:1,redis://:two-Secret-2@b:2', /different credentials/],
      ['redis://:pw-Secret-3@a:1/2', /database/],
      [' , ', /at least one host:port/],
    ];
    for (const [value, message] of cases) {
      const problems = problemsOf({ REDIS_CLUSTER_NODES: value });
      expect(problems, value).toHaveLength(1);
      expect(problems[0], value).toMatch(/^REDIS_CLUSTER_NODES/);
      expect(problems[0], value).toMatch(message);
      expect(problems[0]).not.toMatch(/Secret-\d/);
    }
    const both = problemsOf({ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_CLUSTER_NODES: '127.0.0.1:7000' });
    expect(both).toHaveLength(1);
    expect(both[0]).toMatch(/^REDIS_CLUSTER_NODES="127.0.0.1:7000" cannot be used together with REDIS_URL/);
  });
});

describe('.env.example', () => {
  it('lists every variable of the schema, in the same order, each with a comment', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { envSchema } = await import('../../src/config.js');
    const text = readFileSync(join(import.meta.dirname, '..', '..', '.env.example'), 'utf8');
    const lines = text.split('\n');
    const names = lines.filter((l) => /^[A-Z_]+=/.test(l)).map((l) => l.split('=')[0]);
    const schemaKeys = Object.keys(envSchema.shape);
    expect(schemaKeys.length).toBeGreaterThan(10);
    expect(names).toEqual(schemaKeys);
    for (const name of names) {
      const i = lines.findIndex((l) => l.startsWith(`${name}=`));
      expect(lines[i - 1], name).toMatch(/^# /);
    }
  });
});
