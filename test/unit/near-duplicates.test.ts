import { describe, expect, it } from 'vitest';
import { findNearDuplicates } from '../../src/core/questions/near-duplicates.js';
import type { Question } from '../../src/core/questions/schema.js';

const q = (id: string, zh: string, en: string) => ({ id, prompt: { zh, en } }) as unknown as Question;

describe('near-duplicate prompts', () => {
  it('flags prompts that differ only in spacing, case, width or punctuation, in either language', () => {
    const items = [
      q('a', 'TCP 三次握手交换几个报文段？', 'How many segments does the handshake exchange?'),
      q('b', 'tcp三次握手交换几个报文段?', 'Something else entirely, in English.'),
      q('c', '完全不同的问题', 'HOW MANY SEGMENTS does the handshake exchange'),
      q('d', '另一个问题', 'What is the GIL?'),
    ];
    expect(findNearDuplicates(items).map(([x, y]) => `${x.id}-${y.id}`)).toEqual(['a-b', 'a-c']);
  });

  it('does not flag prompts that merely share a topic', () => {
    const items = [q('a', '什么是 TCP 的 2MSL？', 'What is TCP 2MSL?'), q('b', '什么是 UDP？', 'What is UDP?')];
    expect(findNearDuplicates(items)).toEqual([]);
  });
});
