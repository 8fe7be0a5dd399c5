import { describe, expect, it } from 'vitest';
import { chineseNumeralsToDigits } from '../../../src/core/grading/chinese-numerals-to-digits.js';
import { levenshtein } from '../../../src/core/grading/levenshtein.js';
import { normalizeText } from '../../../src/core/grading/normalize-text.js';

describe('normalizeText', () => {
  it.each([
    ['SYN+ACK', 'synack'],
    ['SYN / ACK', 'synack'],
    ['ＳＹＮ－ＡＣＫ', 'synack'],
    ['TIME_WAIT 状态。', 'timewait状态'],
    ['  a\tb\nc  ', 'abc'],
    ['建立连接！', '建立连接'],
    ['《三次握手》', '3次握手'],
    ['1.5', '1.5'],
    ['１．５', '1.5'],
    ['1. 5', '15'],
    ['end.', 'end'],
    ['127.0.0.1', '127.0.0.1'],
    ['1,000', '1000'],
    ['zero\u200bwidth', 'zerowidth'],
    ['Ⅲ', 'iii'],
    ['e!\u0301', 'é'],
  ])('%j -> %j', (input, output) => {
    expect(normalizeText(input)).toBe(output);
  });
});

describe('chineseNumeralsToDigits', () => {
  it.each([
    ['64千字节', '64000字节'],
    ['1万', '10000'],
    ['1.5万', '15000'],
    ['3千5百', '3500'],
    ['2百万', '2000000'],
    ['三', '3'],
    ['六十', '60'],
    ['两', '2'],
    ['十二', '12'],
    ['十', '10'],
    ['二十一', '21'],
    ['一百零五', '105'],
    ['两百五', '250'],
    ['三千零二十', '3020'],
    ['一万五', '15000'],
    ['十万', '100000'],
    ['一亿五千万', '150000000'],
    ['二零二四', '2024'],
    ['〇', '0'],
    ['三次握手', '3次握手'],
    ['六十秒', '60秒'],
    ['第一个和第二个', '第1个和第2个'],
    ['no numerals', 'no numerals'],
  ])('%j -> %j', (input, output) => {
    expect(chineseNumeralsToDigits(input)).toBe(output);
  });
  it('leaves a run whose value is too large to be exact as it is', () => {
    expect(chineseNumeralsToDigits('九亿亿亿')).toBe('九亿亿亿');
  });
});

describe('levenshtein', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['timewait', 'timewat', 1],
    ['timewait', 'tiemwait', 2],
    ['kitten', 'sitting', 3],
    ['守护线程', '守户线程', 1],
    ['🙂a', 'a', 1],
  ])('%j vs %j = %i', (a, b, d) => {
    expect(levenshtein(a, b)).toBe(d);
    expect(levenshtein(b, a)).toBe(d);
  });
  it('stops early above max and reports max + 1', () => {
    expect(levenshtein('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(levenshtein('a', 'abcdef', 1)).toBe(2);
    expect(levenshtein('abc', 'abd', 1)).toBe(1);
  });
});
