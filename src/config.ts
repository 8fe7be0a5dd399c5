import { z } from 'zod';
import { isSecretKey, redactText } from './infra/redact.js';
import { type ClusterNodes, ClusterNodesError, clusterNodePasswords, parseClusterNodes } from './infra/redis/cluster-nodes.js';

/**
 * The environment, validated once at start-up. This is the only module that reads process.env.
 * Platform secrets are required only when that platform is enabled (its token is set).
 */

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const optionalUrl = (example: string) => z.preprocess(emptyToUndefined, z.url({ message: `must be a URL such as ${example}` }).optional());

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const envSchema = z
  .object({
    REDIS_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://, e.g. redis://127.0.0.1:6379')
        .optional(),
    ),
    REDIS_CLUSTER_NODES: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .transform((text, ctx) => {
          try {
            return parseClusterNodes(text);
          } catch (error) {
            if (!(error instanceof ClusterNodesError)) throw error;
            ctx.addIssue({ code: 'custom', message: error.message });
            return z.NEVER;
          }
        })
        .optional(),
    ),
    REDIS_PREFIX: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[\w:.-]+$/, 'letters, digits, _ : . - only')
        .default('prepbot'),
    ),
    DISCORD_TOKEN: optionalString,
    DISCORD_APP_ID: optionalString,
    DISCORD_API_URL: optionalUrl('https://discord.com/api'),
    DISCORD_GUILD_ID: optionalString,
    DISCORD_SHARDS: z.preprocess(
      emptyToUndefined,
      z
        .union([z.literal('auto'), z.coerce.number().int().min(1).max(10_000)], { message: 'must be auto or a number of shards' })
        .default('auto'),
    ),
    SLACK_BOT_TOKEN: optionalString,
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_APP_TOKEN: optionalString,
    SLACK_API_URL: optionalUrl('https://slack.com/api/'),
    SLACK_ADMINS: z.preprocess(emptyToUndefined, z.string().optional()),
    PORT: z.preprocess(emptyToUndefined, z.coerce.number({ message: 'must be a port number' }).int().min(1).max(65535).default(3000)),
    METRICS: z.preprocess(
      emptyToUndefined,
      z.enum(['1', '0', 'true', 'false'], { message: 'must be 1 (serve /healthz and /metrics on PORT) or 0' }).optional(),
    ),
    LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info')),
    QUESTIONS_DIR: z.preprocess(emptyToUndefined, z.string().default('questions')),
    DEFAULT_LOCALE: z.preprocess(emptyToUndefined, z.enum(['zh', 'en'], { message: 'must be zh or en' }).default('zh')),
    DEFAULT_TIMEZONE: z.preprocess(
      emptyToUndefined,
      z.string().refine(isTimeZone, 'must be an IANA time zone such as Asia/Shanghai or UTC').default('UTC'),
    ),
    REDIS_DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('.data/redis')),
    QUEUE_LOCK_MS: z.preprocess(
      emptyToUndefined,
      z.coerce.number({ message: 'must be a number of milliseconds' }).int().min(1000).max(600_000).default(30_000),
    ),
    GRADER_URL: z.preprocess(
      emptyToUndefined,
      z
        .url({
          protocol: /^https?$/,
          message: 'must be an http(s) chat-completions URL such as http://127.0.0.1:11434/v1/chat/completions',
        })
        .optional(),
    ),
    GRADER_MODEL: optionalString,
    GRADER_API_KEY: optionalString,
    GRADER_TIMEOUT_MS: z.preprocess(
      emptyToUndefined,
      z.coerce.number({ message: 'must be a number of milliseconds' }).int().min(100).max(120_000).default(8000),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.REDIS_URL && env.REDIS_CLUSTER_NODES) {
      ctx.addIssue({
        code: 'custom',
        path: ['REDIS_CLUSTER_NODES'],
        message: 'cannot be used together with REDIS_URL: set REDIS_URL for one Redis, REDIS_CLUSTER_NODES for a Redis Cluster',
      });
    }
    // The model grader is on only with both; one without the other is a mistake, not a way to turn it off.
    if (env.GRADER_URL && !env.GRADER_MODEL) {
      ctx.addIssue({ code: 'custom', path: ['GRADER_MODEL'], message: 'is required when GRADER_URL is set' });
    }
    if (env.GRADER_MODEL && !env.GRADER_URL) {
      ctx.addIssue({ code: 'custom', path: ['GRADER_URL'], message: 'is required when GRADER_MODEL is set' });
    }
    if (env.DISCORD_TOKEN && !env.DISCORD_APP_ID) {
      ctx.addIssue({ code: 'custom', path: ['DISCORD_APP_ID'], message: 'is required when DISCORD_TOKEN is set' });
    }
    if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'is required when SLACK_BOT_TOKEN is set (or set SLACK_APP_TOKEN for Socket Mode)',
      });
    }
  });

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export type Env = z.infer<typeof envSchema>;

export interface Config {
  /** `url` or `cluster` (never both); neither: the private redis-server. */
  redis: { url: string | undefined; cluster: ClusterNodes | undefined; prefix: string; dataDir: string };
  discord: { token: string; appId: string; apiUrl: string | undefined; guildId: string | undefined; shards: 'auto' | number } | undefined;
  slack:
    | { botToken: string; signingSecret: string | undefined; appToken: string | undefined; apiUrl: string | undefined; admins: string[] }
    | undefined;
  port: number;
  /** Serve /healthz and /metrics on `port`: METRICS=1/0, by default only with a chat platform. */
  metrics: boolean;
  logLevel: Env['LOG_LEVEL'];
  questionsDir: string;
  defaultLocale: 'zh' | 'en';
  defaultTimezone: string;
  /** How long a job stays with a worker that stopped answering before another worker takes it over. */
  queueLockMs: number;
  /** The optional model grader of open answers (GRADER_URL and GRADER_MODEL); off when undefined. */
  grader: { url: string; model: string; apiKey: string | undefined; timeoutMs: number } | undefined;
  /** True when no platform is configured: the console adapter runs. */
  console: boolean;
  /** The system PATH, where the private redis-server is looked for (not a PrepBot setting). */
  systemPath: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable.`);
    this.name = 'ConfigError';
  }
}

/**
 * Every variable whose whole value is a secret (each also matches `isSecretKey`, so the logger and
 * configuration errors hide it). `test/e2e/secrets.test.ts` sets each one, and a password in REDIS_URL,
 * to a marker and reads everything the bot prints; it fails when a secret-named variable is missing here.
 */
export const SECRET_VARIABLES = ['DISCORD_TOKEN', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'GRADER_API_KEY'] as const;

/** The secret values in `env`: platform tokens and a password in REDIS_URL or REDIS_CLUSTER_NODES (raw and decoded). */
function secretValues(env: Record<string, string | undefined>): string[] {
  const values = Object.entries(env)
    .filter(([name, v]) => v !== undefined && isSecretKey(name))
    .map(([, v]) => v as string);
  const url = env.REDIS_URL?.trim();
  if (url) values.push(...urlPassword(url));
  if (env.REDIS_CLUSTER_NODES) values.push(...clusterNodePasswords(env.REDIS_CLUSTER_NODES));
  return values.filter((v) => v.trim() !== '');
}

function urlPassword(url: string): string[] {
  try {
    const password = new URL(url).password;
    return password ? [password, decodeURIComponent(password)] : [];
  } catch {
    return [];
  }
}

/** Every secret the configuration holds, for the logger to blank out wherever it appears. */
export function configSecrets(config: Config): string[] {
  const values = [
    config.discord?.token,
    config.slack?.botToken,
    config.slack?.signingSecret,
    config.slack?.appToken,
    config.grader?.apiKey,
    config.redis.cluster?.password,
  ];
  for (const url of [config.redis.url, config.discord?.apiUrl, config.slack?.apiUrl, config.grader?.url])
    if (url) values.push(...urlPassword(url));
  return values.filter((v): v is string => v !== undefined && v !== '');
}

/** Validates `env` (process.env by default) and throws one ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const name = i.path.join('.') || '(environment)';
      // A secret variable's value is never shown; any other value loses the password a URL may carry.
      const raw = typeof i.path[0] === 'string' && !isSecretKey(i.path[0]) ? env[i.path[0]] : undefined;
      const value = raw === undefined ? undefined : redactText(raw, secretValues(env));
      return `${name}${value !== undefined ? `=${JSON.stringify(value)}` : ''} ${i.message}`;
    });
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const discord =
    e.DISCORD_TOKEN && e.DISCORD_APP_ID
      ? {
          token: e.DISCORD_TOKEN,
          appId: e.DISCORD_APP_ID,
          apiUrl: e.DISCORD_API_URL,
          guildId: e.DISCORD_GUILD_ID,
          shards: e.DISCORD_SHARDS,
        }
      : undefined;
  const slack = e.SLACK_BOT_TOKEN
    ? {
        botToken: e.SLACK_BOT_TOKEN,
        signingSecret: e.SLACK_SIGNING_SECRET,
        appToken: e.SLACK_APP_TOKEN,
        apiUrl: e.SLACK_API_URL,
        admins: (e.SLACK_ADMINS ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      }
    : undefined;
  return {
    redis: { url: e.REDIS_URL, cluster: e.REDIS_CLUSTER_NODES, prefix: e.REDIS_PREFIX, dataDir: e.REDIS_DATA_DIR },
    discord,
    slack,
    port: e.PORT,
    metrics: e.METRICS === undefined ? Boolean(discord || slack) : e.METRICS === '1' || e.METRICS === 'true',
    logLevel: e.LOG_LEVEL,
    questionsDir: e.QUESTIONS_DIR,
    defaultLocale: e.DEFAULT_LOCALE,
    defaultTimezone: e.DEFAULT_TIMEZONE,
    queueLockMs: e.QUEUE_LOCK_MS,
    grader:
      e.GRADER_URL && e.GRADER_MODEL
        ? { url: e.GRADER_URL, model: e.GRADER_MODEL, apiKey: e.GRADER_API_KEY, timeoutMs: e.GRADER_TIMEOUT_MS }
        : undefined,
    console: !discord && !slack,
    systemPath: env.PATH ?? '',
  };
}

/** For entry points: the configuration, or undefined after printing every problem to stderr. */
export function loadConfigOrReport(): Config | undefined {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return undefined;
    }
    throw error;
  }
}
