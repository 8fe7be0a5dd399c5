import { describe, expect, it } from 'vitest';
import { parseChoiceAnswer, parseChoiceKeys } from '../../../src/core/grading/parse-choice-answer.js';
import type { ChoiceQuestion, OptionKey } from '../../../src/core/questions/schema.js';
import { daemonThreads, dnsRecord, handshakeCountChoice, iptablesPorts, tcpFlags, udpProtocols } from './fixtures.js';

function keysOf(question: ChoiceQuestion, text: string): OptionKey[] | string {
  const parsed = parseChoiceAnswer(question, text);
  return parsed.ok ? parsed.keys : `invalid:${parsed.invalid.reason}`;
}

describe('parseChoiceAnswer: multi (TCP flags, A SYN B RST C ACK D URG)', () => {
  it.each<[string, OptionKey[]]>([
    // letters, any case, with or without separators
    ['abd', ['A', 'B', 'D']],
    ['ABD', ['A', 'B', 'D']],
    ['A B D', ['A', 'B', 'D']],
    ['a,b', ['A', 'B']],
    ['a, b ,d', ['A', 'B', 'D']],
    ['a;b', ['A', 'B']],
    ['a/b', ['A', 'B']],
    // Chinese punctuation and full-width letters
    ['A、B、D', ['A', 'B', 'D']],
    ['a，b；c', ['A', 'B', 'C']],
    ['Ａ，Ｂ', ['A', 'B']],
    ['ａｂｄ', ['A', 'B', 'D']],
    // order and repetition do not matter
    ['dba', ['A', 'B', 'D']],
    ['d b a a b', ['A', 'B', 'D']],
    // option numbers
    ['1 3', ['A', 'C']],
    ['1,2,4', ['A', 'B', 'D']],
    ['124', ['A', 'B', 'D']],
    ['１、３', ['A', 'C']],
    // option text in either language, any case, any separator
    ['SYN, ACK', ['A', 'C']],
    ['syn ack', ['A', 'C']],
    ['SYN+ACK', ['A', 'C']],
    ['ＳＹＮ，ＡＣＫ', ['A', 'C']],
    ['urg、rst', ['B', 'D']],
    ['SYN、ACK、RST、URG', ['A', 'B', 'C', 'D']],
    // text wins over letters: ACK is option C, not A, C and K
    ['ACK', ['C']],
    ['ack', ['C']],
    ['Ack.', ['C']],
    // mixes
    ['a, ACK', ['A', 'C']],
    ['1 syn d', ['A', 'D']],
    // all
    ['all', ['A', 'B', 'C', 'D']],
    ['ALL', ['A', 'B', 'C', 'D']],
    ['全选', ['A', 'B', 'C', 'D']],
    ['全部', ['A', 'B', 'C', 'D']],
    ['all of the above', ['A', 'B', 'C', 'D']],
    ['abcd', ['A', 'B', 'C', 'D']],
    // lead-ins and connectors
    ['选AB', ['A', 'B']],
    ['答案是 A 和 C', ['A', 'C']],
    ['A和C', ['A', 'C']],
    ['1或3', ['A', 'C']],
    ['answer: a and c', ['A', 'C']],
    ['option A, option D', ['A', 'D']],
  ])('%j -> %j', (text, keys) => {
    expect(parseChoiceAnswer(tcpFlags, text)).toEqual({ ok: true, keys });
  });

  it.each<[string, string[]]>([
    ['e', ['E']],
    ['abe', ['E']],
    ['5', ['5']],
    ['1 9', ['9']],
    ['0', ['0']],
    ['face', ['F', 'E']],
    ['ack k', ['K']],
    ['fin', ['fin']],
    ['SYN, FIN', ['fin']],
    ['x', ['X']],
  ])('%j names an option that does not exist: %j', (text, offending) => {
    const parsed = parseChoiceAnswer(tcpFlags, text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.invalid).toMatchObject({ status: 'invalid', reason: 'unknown-option', offending, validOptions: ['A', 'B', 'C', 'D'] });
  });

  it.each(['', '   ', ' ，、；', '...', '\n\t', 'answer:', '选项'])('%j is empty', (text) => {
    expect(keysOf(tcpFlags, text)).toBe('invalid:empty');
  });

  it('takes the Chinese option text too', () => {
    expect(parseChoiceAnswer(udpProtocols, 'DNS 查询，QUIC')).toEqual({ ok: true, keys: ['A', 'C'] });
    expect(parseChoiceAnswer(udpProtocols, 'dns queries, quic')).toEqual({ ok: true, keys: ['A', 'C'] });
  });
});

describe('parseChoiceAnswer: single (daemon threads, answer A)', () => {
  const en = daemonThreads.options[0]?.text.en ?? '';
  const zh = daemonThreads.options[0]?.text.zh ?? '';
  it.each<[string, OptionKey]>([
    ['a', 'A'],
    ['A', 'A'],
    ['Ａ', 'A'],
    [' a ', 'A'],
    ['A.', 'A'],
    ['1', 'A'],
    ['１', 'A'],
    ['选A', 'A'],
    ['答案是 A', 'A'],
    ['b', 'B'],
    ['4', 'D'],
    ['a a', 'A'],
    [en, 'A'],
    [en.toUpperCase(), 'A'],
    [`${en.replace(',', '')}.`, 'A'],
    [zh, 'A'],
    [zh.replace(/，/g, ''), 'A'],
    [daemonThreads.options[3]?.text.en ?? '', 'D'],
    [daemonThreads.options[1]?.text.zh ?? '', 'B'],
  ])('%j -> %s', (text, key) => {
    expect(parseChoiceAnswer(daemonThreads, text)).toEqual({ ok: true, keys: [key] });
  });

  it.each<[string, OptionKey[]]>([
    ['ab', ['A', 'B']],
    ['A, B', ['A', 'B']],
    ['1 3', ['A', 'C']],
    ['all', ['A', 'B', 'C', 'D']],
    ['全选', ['A', 'B', 'C', 'D']],
  ])('%j names several options for a single-choice item', (text, candidates) => {
    const parsed = parseChoiceAnswer(daemonThreads, text);
    expect(parsed).toMatchObject({ ok: false, invalid: { reason: 'several-for-single', candidates } });
  });

  it.each(['e', '5', 'x', 'daemon', ''])('%j is not graded', (text) => {
    const parsed = parseChoiceAnswer(daemonThreads, text);
    expect(parsed.ok).toBe(false);
  });
});

describe('parseChoiceAnswer: option texts that look like letters or numbers', () => {
  it('a multi-letter input equal to an option text is that option', () => {
    expect(keysOf(dnsRecord, 'AAAA')).toEqual(['A']);
    expect(keysOf(dnsRecord, 'cname')).toEqual(['C']);
    expect(keysOf(dnsRecord, 'ns')).toEqual(['E']);
  });
  it('a single letter that is another option text is ambiguous, not guessed', () => {
    const parsed = parseChoiceAnswer(dnsRecord, 'a');
    expect(parsed).toMatchObject({ ok: false, invalid: { reason: 'ambiguous', offending: ['A'], candidates: ['A', 'B'] } });
  });
  it('also among several picks', () => {
    expect(parseChoiceAnswer(dnsRecord, 'a a')).toMatchObject({ ok: false, invalid: { reason: 'ambiguous', candidates: ['A', 'B'] } });
    expect(parseChoiceAnswer(dnsRecord, 'c, a')).toMatchObject({ ok: false, invalid: { reason: 'ambiguous', offending: ['A'] } });
  });
  it('a digit that is another option text is ambiguous', () => {
    expect(parseChoiceAnswer(handshakeCountChoice, '3')).toMatchObject({
      ok: false,
      invalid: { reason: 'ambiguous', candidates: ['B', 'C'] },
    });
  });
  it('texts that differ only in punctuation are told apart when typed as written, ambiguous otherwise', () => {
    expect(keysOf(iptablesPorts, '--dport 8888:9999')).toEqual(['A']);
    expect(keysOf(iptablesPorts, '--DPORT  8888,9999')).toEqual(['B']);
    expect(keysOf(iptablesPorts, '－－ｄｐｏｒｔ　８８８８，９９９９')).toEqual(['B']);
    expect(keysOf(iptablesPorts, '-m multiport --dports 8888 9999')).toEqual(['C']);
    expect(parseChoiceAnswer(iptablesPorts, 'dport 8888 9999')).toMatchObject({
      ok: false,
      invalid: { reason: 'ambiguous', offending: ['dport 8888 9999'], candidates: ['A', 'B'] },
    });
  });
  it('other letters and numbers read normally', () => {
    expect(keysOf(dnsRecord, 'b')).toEqual(['B']);
    expect(keysOf(dnsRecord, '2')).toEqual(['B']);
    expect(keysOf(handshakeCountChoice, '4')).toEqual(['C']);
    expect(keysOf(handshakeCountChoice, 'b')).toEqual(['B']);
    expect(keysOf(dnsRecord, 'f')).toBe('invalid:unknown-option');
  });
});

describe('parseChoiceKeys (buttons and select menus)', () => {
  it.each<[ChoiceQuestion, string, OptionKey[]]>([
    [tcpFlags, 'a c', ['C', 'A']],
    [tcpFlags, 'abcd', ['D', 'C', 'B', 'A']],
    [tcpFlags, 'syn ack', ['A', 'C', 'A']],
    [daemonThreads, 'a', ['A']],
    [daemonThreads, '2', ['B']],
  ])('gives the same value as typing (%#: %j)', (question, text, keys) => {
    expect(parseChoiceKeys(question, keys)).toEqual(parseChoiceAnswer(question, text));
  });
  it('rejects keys the item does not have, nothing, and several for single', () => {
    expect(parseChoiceKeys(tcpFlags, ['A', 'E'])).toMatchObject({ ok: false, invalid: { reason: 'unknown-option', offending: ['E'] } });
    expect(parseChoiceKeys(tcpFlags, [])).toMatchObject({ ok: false, invalid: { reason: 'empty' } });
    expect(parseChoiceKeys(daemonThreads, ['A', 'B'])).toMatchObject({ ok: false, invalid: { reason: 'several-for-single' } });
  });
});
