import { describe, expect, it } from 'vitest';
import { describeDuplicateFact, findDuplicateFacts, type KnownDuplicateFact } from '../../src/core/questions/duplicate-facts.js';
import type { Question } from '../../src/core/questions/schema.js';

const text = (en: string, zh = en) => ({ en, zh });
const short = (id: string, prompt: string) => ({ id, kind: 'short', prompt: text(prompt), accept: ['x'] }) as unknown as Question;
const single = (id: string, prompt: string, options: string[]) =>
  ({
    id,
    kind: 'single',
    prompt: text(prompt),
    options: options.map((o, i) => ({ key: 'ABCD'[i], text: text(o), why: text('because type 11') })),
    answer: 'A',
    explanation: text('Time Exceeded is type 11.'),
  }) as unknown as Question;

const known: KnownDuplicateFact[] = [
  { item: 'traceroute', other: 'icmp-type', shows: /\b11\b/, fact: 'Time Exceeded is type 11' },
  { item: 'asyncio-epoll', other: 'selectors-epoll', fact: 'DefaultSelector is epoll on Linux' },
];

describe('known duplicate facts', () => {
  it("flags an option text that states another item's answer, at its path", () => {
    const bank = [single('traceroute', 'Which ICMP messages?', ['Time Exceeded (type 11)', 'Echo Reply']), short('icmp-type', 'Type?')];
    const found = findDuplicateFacts(bank, known);
    expect(found.map((d) => [d.path?.join('.'), d.word])).toEqual([
      ['options.0.text.zh', '11'],
      ['options.0.text.en', '11'],
    ]);
    expect(describeDuplicateFact(found[1] as (typeof found)[number])).toBe(
      '"traceroute" gives away the answer to "icmp-type": options.0.text.en shows "11" (Time Exceeded is type 11)',
    );
  });

  it('reads only what is shown before answering, and only while the other item exists', () => {
    // The reasons and the explanation may teach the number once the item is answered.
    const rephrased = single('traceroute', 'Which ICMP messages?', ['Time Exceeded', 'Echo Reply']);
    expect(findDuplicateFacts([rephrased, short('icmp-type', 'Type?')], known)).toEqual([]);
    const giveaway = single('traceroute', 'Which ICMP messages?', ['Time Exceeded (type 11)', 'Echo Reply']);
    expect(findDuplicateFacts([giveaway], known)).toEqual([]);
  });

  it('flags two items that ask the same thing when both are in the bank', () => {
    const a = short('asyncio-epoll', 'asyncio on Linux waits with?');
    const found = findDuplicateFacts([a, short('selectors-epoll', 'DefaultSelector on Linux?')], known);
    expect(found.map((d) => [d.question.id, d.path])).toEqual([['asyncio-epoll', undefined]]);
    expect(describeDuplicateFact(found[0] as (typeof found)[number])).toContain('"asyncio-epoll" asks the same as "selectors-epoll"');
    expect(findDuplicateFacts([a], known)).toEqual([]);
  });
});
