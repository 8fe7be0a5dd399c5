import { PassThrough, Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsolePlatform } from '../../src/adapters/console/console-platform.js';
import type { Locale } from '../../src/core/i18n/catalog.js';
import { createTestApp } from '../support/test-app.js';

let app: ReturnType<typeof createTestApp>;
afterEach(async () => {
  await app.close();
  expect(app.errors).toEqual([]);
});

/** The console adapter on the real core: a piped script in, everything printed out. */
async function runConsole(script: string, locale: Locale): Promise<string> {
  let out = '';
  const output = new Writable({
    write(chunk, _e, done) {
      out += chunk.toString();
      done();
    },
  });
  const input = new PassThrough();
  const console = new ConsolePlatform({ input, output, interactive: false, userName: 'root', locale });
  input.end(script);
  await console.start(app.bot);
  await console.finished;
  return out;
}

describe('the console on the real core', () => {
  it('never grades a line without a slash: it says how to answer, and the question stays open', async () => {
    app = createTestApp();
    const out = await runConsole('/quiz t-handshake-count\nhmm, let me think\nC\n/answer B\n', 'en');
    expect(out.match(/Not sent: commands start with a slash/g)).toHaveLength(2);
    expect(out).not.toContain('Not quite');
    expect(out).toMatch(/Correct/);
  });

  it('exit ends the session without touching the question', async () => {
    app = createTestApp();
    const out = await runConsole('/quiz t-handshake-count\nexit\n/answer B\n', 'en');
    expect(out).not.toMatch(/Correct|Not quite|Not sent/);
  });

  it('after /lang en, private replies are tagged in English even when the console speaks Chinese', async () => {
    app = createTestApp();
    const out = await runConsole('/lang zh\n/quiz t-handshake-count\n/lang en\n/quiz t-handshake-count\nhmm\n', 'zh');
    const switched = out.indexOf('Language set to English');
    const [before, after] = [out.slice(0, switched), out.slice(switched)];
    expect(before).toContain('[仅 root 可见]');
    expect(after).toContain('[to root]');
    expect(after).not.toContain('仅 root 可见');
    expect(after).toContain('Not sent: commands start with a slash');
  });
});
