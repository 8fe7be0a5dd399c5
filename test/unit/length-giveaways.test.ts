import { describe, expect, it } from 'vitest';
import { findLengthGiveaways } from '../../src/core/questions/length-giveaways.js';
import type { Question } from '../../src/core/questions/schema.js';

const opt = (key: string, en: string, zh = en) => ({ key, text: { en, zh }, why: { en: 'x', zh: 'x' } });
const single = (answer: string, options: ReturnType<typeof opt>[]) => ({ id: 's', kind: 'single', answer, options }) as unknown as Question;
const multi = (answer: string[], options: ReturnType<typeof opt>[]) => ({ id: 'm', kind: 'multi', answer, options }) as unknown as Question;

describe('answers given away by length', () => {
  it('flags a correct option much longer than every wrong one, in either language', () => {
    const q = single('B', [opt('A', 'Two'), opt('B', 'Three: SYN, SYN+ACK, ACK'), opt('C', 'Four')]);
    expect(findLengthGiveaways([q])).toEqual([q]);
    const zhOnly = single('B', [opt('A', 'Two', '两个'), opt('B', 'Three', '三个：SYN、SYN+ACK 和 ACK'), opt('C', 'Four', '四个')]);
    expect(findLengthGiveaways([zhOnly])).toEqual([zhOnly]);
  });

  it('accepts options of comparable length, and a multi item whose wrong options are as long', () => {
    expect(findLengthGiveaways([single('B', [opt('A', 'Two segments'), opt('B', 'Three segments'), opt('C', 'Four segments')])])).toEqual(
      [],
    );
    const m = multi(['A', 'B'], [opt('A', 'SYN flag'), opt('B', 'ACK flag'), opt('C', 'NAK flag'), opt('D', 'SACK option')]);
    expect(findLengthGiveaways([m])).toEqual([]);
    const giveaway = multi(
      ['A', 'B'],
      [opt('A', 'SYN: opens a connection'), opt('B', 'ACK: acknowledges data'), opt('C', 'NAK'), opt('D', 'XYZ')],
    );
    expect(findLengthGiveaways([giveaway])).toEqual([giveaway]);
  });
});
