import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/core/grading/normalize-text.js';
import { containsPhrase, wordStartText } from '../../../src/core/grading/word-start-text.js';

const has = (answer: string, phrase: string) => containsPhrase(wordStartText(answer), normalizeText(phrase));

describe('key-point phrases match at word starts', () => {
  it.each([
    ['The TTL is decremented at every hop', 'TTL', true],
    ['a little later', 'TTL', false],
    ['it is rapid', 'API', false],
    ['the socket API', 'socket API', true],
    ['reference counting is not thread-safe', 'reference count', true],
    ['客户端发送SYN报文', 'SYN', true],
    ['服务端回复 SYN+ACK', 'SYN+ACK', true],
    ['服务端回复SYN-ACK', 'syn ack', true],
    ['TCP/IP 协议栈', 'IP', true],
    ['引用计数不是线程安全的', '引用计数', true],
    ['三次握手', '3次握手', true],
    ['epoll 是边沿触发', '边沿触发', true],
    ['it uses epoll_wait', 'epoll', true],
    ['sleepy', 'epoll', false],
  ])('%j contains %j: %s', (answer, phrase, expected) => {
    expect(has(answer, phrase)).toBe(expected);
  });

  it('keeps the normalised text equal to normalizeText of the whole answer for plain text', () => {
    expect(wordStartText('Reference counting, GIL!').text).toBe(normalizeText('Reference counting, GIL!'));
  });
});
