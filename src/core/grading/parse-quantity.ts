import type { Unit } from '../questions/schema.js';
import { chineseNumeralsToDigits } from './chinese-numerals-to-digits.js';
import { convertUnit } from './convert-unit.js';
import { englishNumbersToDigits } from './english-numbers-to-digits.js';

/**
 * A number read from a typed answer. `unit` is null for a bare number (read in the item's own unit)
 * and 'word' when a word the grader does not know as a unit follows the number ("3 segments", "3 次握手"):
 * that only makes sense as a count.
 */
export interface Quantity {
  value: number;
  unit: Unit | null | 'word';
}

const UNIT_WORDS: ReadonlyMap<string, Unit> = new Map(
  (
    [
      ['ms', ['ms', 'msec', 'msecs', 'millisecond', 'milliseconds', '毫秒']],
      ['s', ['s', 'sec', 'secs', 'second', 'seconds', '秒', '秒钟']],
      ['min', ['m', 'min', 'mins', 'minute', 'minutes', '分', '分钟']],
      ['h', ['h', 'hr', 'hrs', 'hour', 'hours', '时', '小时', '钟头']],
      ['byte', ['b', 'byte', 'bytes', '字节']],
      ['KB', ['kb', 'kib', 'kbyte', 'kbytes', 'kilobyte', 'kilobytes', '千字节']],
      ['MB', ['mb', 'mib', 'mbyte', 'mbytes', 'megabyte', 'megabytes', '兆', '兆字节']],
      ['count', ['x', 'time', 'times', '个', '次', '条', '种', '步', '层', '位', '项', '遍', '轮']],
    ] as const
  ).flatMap(([unit, words]) => words.map((w) => [w, unit] as const)),
);

const HALF_AFTER_NUMBER = /(\d+)个?半/gu; // 1个半小时 -> 1.5小时
const HALF_AFTER_UNIT = /^(\d+)([^\d\s.半]+)半$/u; // 1分半 -> 1.5分
const HALF_ALONE = /(?<![\d.])半/gu; // 半分钟 -> 0.5分钟
const CHINESE_DECIMAL = /([零〇一二两三四五六七八九十百千万]+)点([零〇一二两三四五六七八九]+)/gu; // 零点五 -> 0.5
const THOUSANDS = /(\d),(?=\d{3}(?!\d))/gu;
/** Approximations ("about a minute", "60 秒左右") read as the number itself; the item's tolerance decides. */
const FILLER = /^(?:about|approximately|approx\.?|around|roughly|nearly|almost|circa|~|≈|约|大约|大概|差不多|将近)\s*/u;
const TRAILING = /(?:\s*(?:or so|ish|左右|上下|前后))?[\s。.!！?？~～]*$/u;
const CLASSIFIER = /个(?=小时|字节|钟头)/gu;
/** One `number unit?` pair; the unit is letters or CJK, never a digit. */
const PAIR = /\s*([+-]?(?:\d+(?:\.\d+)?|\.\d+))\s*([a-z\u3400-\u9fff]+)?\s*(?:,|和|and)?/uy;

/**
 * Reads "60s", "60 秒", "1 minute", "1分钟", "500ms", "0.5 秒", "六十秒", "1分30秒", "1h 30min", "半分钟",
 * "64 KB", "3", "twenty bytes", "about a minute", "60 秒左右". Several pairs must all carry units of one kind and are added up. Returns undefined
 * when the text is not a quantity.
 */
export function parseQuantity(text: string): Quantity | undefined {
  let s = text.normalize('NFKC').toLowerCase().trim().replace(FILLER, '').replace(TRAILING, '');
  if (s === '' || s.length > 64) return undefined;
  s = englishNumbersToDigits(s, (word) => UNIT_WORDS.has(word));
  s = s.replace(CHINESE_DECIMAL, (_, int: string, frac: string) => `${chineseNumeralsToDigits(int)}.${chineseNumeralsToDigits(frac)}`);
  s = chineseNumeralsToDigits(s).replace(THOUSANDS, '$1').replace(CLASSIFIER, '');
  s = s.replace(HALF_AFTER_UNIT, '$1.5$2').replace(HALF_AFTER_NUMBER, '$1.5').replace(HALF_ALONE, '0.5');

  const pairs: Array<{ value: number; word: string | undefined }> = [];
  PAIR.lastIndex = 0;
  while (PAIR.lastIndex < s.length) {
    const start = PAIR.lastIndex;
    const m = PAIR.exec(s);
    if (!m || PAIR.lastIndex === start) return undefined;
    pairs.push({ value: Number(m[1]), word: m[2] });
  }
  const first = pairs[0];
  if (!first || !Number.isFinite(first.value)) return undefined;
  if (pairs.length === 1) {
    if (first.word === undefined) return { value: first.value, unit: null };
    return { value: first.value, unit: UNIT_WORDS.get(first.word) ?? 'word' };
  }
  // Compound: 1分30秒, 1h 30min. Every part needs a known unit of the same kind; the sum is in the first unit.
  const firstUnit = first.word === undefined ? undefined : UNIT_WORDS.get(first.word);
  if (firstUnit === undefined || firstUnit === 'count') return undefined;
  let total = 0;
  for (const p of pairs) {
    const unit = p.word === undefined ? undefined : UNIT_WORDS.get(p.word);
    const converted = unit === undefined ? undefined : convertUnit(p.value, unit, firstUnit);
    if (converted === undefined || !Number.isFinite(converted)) return undefined;
    total += converted;
  }
  return { value: total, unit: firstUnit };
}
