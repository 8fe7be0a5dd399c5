import fc from 'fast-check';

/** Characters the parsers treat specially, so random strings hit the interesting paths often. */
const interesting = fc.constantFrom(
  ...'abcdefghABCDEFGHxyz0123456789 ,;/+.、，；。：:！？（）()ＡＢＣＤＥＦ１２３全选部和与或选项答案是三六十两百千万亿零点半秒分钟小时字节msKBMBsynackrst\t\n\u200b\u0301'.split(
    '',
  ),
  'SYN',
  'ACK',
  'all',
  '全选',
  ' seconds',
  ' minute',
  'TIME_WAIT',
  'ESTABLISHED',
);

/** Arbitrary Unicode text: whole graphemes, raw code points, and a mix biased towards parser syntax. */
export const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: interesting, maxLength: 20 }),
  fc.string({ unit: fc.oneof(interesting, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 30 }),
);
