import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import type { ChatPlatform } from '../../src/core/ports.js';
import type { ChannelRef } from '../../src/core/types.js';
import { createLogger } from '../../src/infra/logger.js';
import { countPosts } from '../../src/infra/metrics/instrument.js';
import { createPromMetrics } from '../../src/infra/metrics/prom-metrics.js';
import { checkHealth } from '../../src/infra/ops/health.js';
import { serveOps } from '../../src/infra/ops/ops.js';
import { opsRoutes } from '../../src/infra/ops/ops-routes.js';

describe('METRICS', () => {
  it('is on with a chat platform and off for the console unless asked; 1/0 and true/false decide', () => {
    expect(loadConfig({}).metrics).toBe(false);
    expect(loadConfig({ METRICS: '1' }).metrics).toBe(true);
    expect(loadConfig({ DISCORD_TOKEN: 't', DISCORD_APP_ID: '1' }).metrics).toBe(true);
    expect(loadConfig({ SLACK_BOT_TOKEN: 't', SLACK_SIGNING_SECRET: 's', METRICS: 'false' }).metrics).toBe(false);
    expect(() => loadConfig({ METRICS: 'yes' })).toThrow(ConfigError);
  });
});

describe('checkHealth', () => {
  it('names each check that failed or did not answer within the timeout, and is healthy only when all did', async () => {
    const started = Date.now();
    const report = await checkHealth(
      { redis: () => Promise.resolve('PONG'), queue: () => new Promise(() => undefined), other: () => Promise.reject(new Error('x')) },
      100,
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(report).toEqual({ ok: false, checks: { redis: 'ok', queue: 'down', other: 'down' } });
    expect((await checkHealth({ redis: async () => 'PONG' }, 100)).ok).toBe(true);
  });
});

describe('the ops server', () => {
  it('answers its routes, 404 for anything else; a port already taken is one warning and no server', async () => {
    const lines: string[] = [];
    const logger = createLogger(
      'info',
      new Writable({
        write(chunk: Buffer, _e, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    const metrics = createPromMetrics(async () => undefined);
    const ops = {
      metrics,
      routes: opsRoutes({
        registry: metrics.registry,
        health: async () => ({ ok: false, checks: { redis: 'down' } }),
        onError: () => undefined,
      }),
    };
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, r));
    const port = (taken.address() as AddressInfo).port;
    try {
      expect(await serveOps(ops, port, logger)).toBeUndefined();
      expect(lines.join('')).toMatch(/"level":40.*"code":"EADDRINUSE".*port is taken/);
    } finally {
      taken.close();
    }
    const server = await serveOps(ops, 0, logger);
    if (!server) throw new Error('no server on a free port');
    try {
      const health = await fetch(`http://127.0.0.1:${server.port}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ redis: 'down' });
      expect((await fetch(`http://127.0.0.1:${server.port}/metrics`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${server.port}/slack/events`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

describe('countPosts', () => {
  it('counts what the platform accepted, not a post that failed, and passes everything through', async () => {
    const counted: string[] = [];
    const channel: ChannelRef = { platform: 'console', workspaceId: 'w', channelId: 'c' };
    let fail = false;
    const platform: ChatPlatform = {
      capabilities: { buttons: true } as ChatPlatform['capabilities'],
      post: async () => {
        if (fail) throw new Error('gone');
        return { channel, messageId: 'm1', visibility: 'public' };
      },
      edit: async () => undefined,
      postPrivate: async () => undefined,
    };
    const wrapped = countPosts(platform, 'console', {
      answerGraded: () => undefined,
      postSent: (p, v) => counted.push(`${p}:${v}`),
      jobFailed: () => undefined,
      handled: () => undefined,
    });
    expect(wrapped.capabilities).toBe(platform.capabilities);
    expect(await wrapped.post(channel, { visibility: 'public', text: 'q' }, { idempotencyKey: 'k' })).toMatchObject({ messageId: 'm1' });
    fail = true;
    await expect(wrapped.post(channel, { visibility: 'public', text: 'q' }, { idempotencyKey: 'k' })).rejects.toThrow('gone');
    await wrapped.postPrivate(channel, 'u', { visibility: 'private', text: 'p' });
    expect(counted).toEqual(['console:public', 'console:private']);
  });
});
