import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { interactiveLogStream } from '../../src/infra/interactive-log-stream.js';
import { createLogger } from '../../src/infra/logger.js';

describe('logs at an interactive console', () => {
  it('go whole to a file, and only warnings and errors reach the terminal, as one readable line', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'prepbot-log-')), 'logs', 'prepbot.log');
    let terminal = '';
    const sink = new Writable({
      write(chunk, _e, done) {
        terminal += chunk.toString();
        done();
      },
    });
    const logger = createLogger('info', interactiveLogStream(file, sink));
    logger.info({ port: 1 }, 'PrepBot ready');
    logger.warn('redis connection problem');
    await new Promise((r) => setImmediate(r));
    expect(terminal).toBe(`[warn] redis connection problem (details in ${file})\n`);
    expect(terminal).not.toContain('{');
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['PrepBot ready', 'redis connection problem']);
  });
});
