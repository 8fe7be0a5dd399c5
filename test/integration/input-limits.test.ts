import { afterEach, describe, expect, it } from 'vitest';
import { encodeForm } from '../../src/core/actions/action-codec.js';
import { INPUT_LIMITS } from '../../src/core/input-limits.js';
import { instanceIdOf } from '../support/actions.js';
import { createTestApp } from '../support/test-app.js';

let app: ReturnType<typeof createTestApp>;
afterEach(async () => {
  await app.close();
  expect(app.errors).toEqual([]);
});

const tooLong = (length: number, limit: number) =>
  `That is too long: ${length} characters, and PrepBot reads at most ${limit} here (an answer may be up to 2000). Shorten it and send it again.`;

describe('input limits: every text is measured before anything parses or grades it', () => {
  it('refuses a typed answer over 2,000 characters privately, records nothing, and grades one at the limit', async () => {
    app = createTestApp();
    const ann = app.user('ann');
    await app.text(ann, '/quiz g-why-gil');
    const over = await app.text(ann, `/answer ${'x'.repeat(INPUT_LIMITS.answer + 1)}`);
    expect(over.map((m) => [m.visibility, m.tone, m.text])).toEqual([['private', 'error', tooLong(2001, 2000)]]);
    // The longest allowed answer of the worst character (18x under NFKC) is refused once expanded, quickly,
    // and not graded; an answer at the limit of ordinary characters is graded.
    const [expanded] = await app.text(ann, `/answer ${'\uFDFA'.repeat(INPUT_LIMITS.answer)}`);
    expect(expanded?.text).toContain('too long once its characters are spelled out');
    const [graded] = await app.text(ann, `/answer ${'x'.repeat(INPUT_LIMITS.answer)}`);
    expect(graded?.tone).not.toBe('error');
    expect(graded?.text).not.toContain('too long');
  });

  it('counts characters, not UTF-16 units: 2,000 astral characters are an answer, 2,001 are not', async () => {
    app = createTestApp();
    const bo = app.user('bo');
    await app.text(bo, '/quiz g-gil-name');
    const [over] = await app.text(bo, `/answer ${'\u{20000}'.repeat(2001)}`);
    expect(over?.text).toBe(tooLong(2001, 2000));
    const [graded] = await app.text(bo, `/answer ${'\u{20000}'.repeat(2000)}`);
    expect(graded?.tone).toBe('wrong');
  });

  it('refuses a command line over 2,200 characters whatever the command, without parsing it', async () => {
    app = createTestApp();
    const cy = app.user('cy');
    const line = `/quiz ${'t'.repeat(INPUT_LIMITS.commandLine)}`;
    expect(app.bot.ackPlan({ kind: 'text', text: line, channel: app.channel, user: cy }, app.platform.capabilities)).toEqual({
      kind: 'reply',
      visibility: 'private',
    });
    const [refused] = await app.text(cy, line);
    expect(refused?.text).toBe(tooLong(line.length, 2200));
    // A million characters (past any platform's limit, but the console reads any line) are refused too.
    const [huge] = await app.text(cy, `/answer ${'\uFDFA'.repeat(1_000_000)}`);
    expect(huge?.text).toBe(tooLong(1_000_008, 2200));
  });

  it('refuses an option a platform split out (Discord) and a form field over the limit, in the member language', async () => {
    app = createTestApp();
    const di = app.user('di', { locale: 'zh' });
    const command = await app.send({
      kind: 'command',
      command: { name: 'answer', args: { text: 'y'.repeat(2500) } },
      channel: app.channel,
      user: di,
    });
    expect(command.map((m) => m.text)).toEqual([
      '内容太长：共 2500 个字符，这里最多读取 2000 个（一条答案最多 2000 个字符）。请缩短后重新发送。',
    ]);
    const [card] = await app.text(di, '/quiz g-why-gil');
    const form = await app.send({
      kind: 'form',
      formId: encodeForm('answer', instanceIdOf(card)),
      fields: { answer: 'z'.repeat(2001) },
      channel: app.channel,
      user: di,
    });
    expect(form.map((m) => m.text)).toEqual([
      '内容太长：共 2001 个字符，这里最多读取 2000 个（一条答案最多 2000 个字符）。请缩短后重新发送。',
    ]);
  });

  it('refuses forged component payloads: an over-long action id or value, more values than any select offers', async () => {
    app = createTestApp();
    const ed = app.user('ed');
    const [card] = await app.text(ed, '/quiz t-handshake-count');
    const id = card?.actions?.[0]?.id ?? '';
    const long = await app.click(ed, `${id}${'x'.repeat(300)}`);
    expect(long.messages[0]?.text).toMatch(/^That is too long: \d+ characters, and PrepBot reads at most 255 here/);
    const many = await app.click(
      ed,
      id,
      Array.from({ length: 26 }, () => 'A'),
    );
    expect(many.messages[0]?.text).toContain('That button is from a version of PrepBot that is gone');
    const value = await app.click(ed, id, ['A'.repeat(256)]);
    expect(value.messages[0]?.text).toBe(tooLong(256, 255));
  });
});
