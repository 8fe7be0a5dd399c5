/**
 * Chinese numerals to Arabic digits inside any text: 三 -> 3, 六十 -> 60, 两 -> 2, 十二 -> 12,
 * 一百零五 -> 105, 两百五 -> 250, 二零二四 -> 2024. Everything that is not a numeral is left as it is.
 */

const DIGIT_VALUES: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: Readonly<Record<string, number>> = { 万: 10_000, 亿: 100_000_000 };

/** Cheap pre-check so text without numerals is returned without running the replacement. */
const HAS_NUMERAL = /[零〇一二两三四五六七八九十百千万亿]/u;
const NUMERAL_RUN = /[零〇一二两三四五六七八九十百千万亿]+/gu;
const HAS_UNIT = /[十百千万亿]/u;

/** The value of one run of numerals, as a digit string; the run itself when it has no sensible value. */
export function chineseNumeralValue(run: string): string {
  if (!HAS_UNIT.test(run)) {
    // Plain digit sequence (二零二四): digit by digit, no size limit.
    let out = '';
    for (const ch of run) out += String(DIGIT_VALUES[ch] ?? '');
    return out;
  }
  let total = 0;
  let section = 0;
  let number = 0;
  let hasNumber = false;
  /** The unit just before the pending digit, for the colloquial 两百五 (= 250) form; 0 once 零 intervenes. */
  let unitBefore = 0;
  for (const ch of run) {
    const digit = DIGIT_VALUES[ch];
    if (digit !== undefined) {
      if (digit === 0) unitBefore = 0;
      number = digit;
      hasNumber = digit !== 0 || hasNumber;
      continue;
    }
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      section += (hasNumber ? number : 1) * small;
      number = 0;
      hasNumber = false;
      unitBefore = small;
      continue;
    }
    const large = LARGE_UNITS[ch] ?? 1;
    section += number;
    // 万 scales its own section (一亿五千万 = 1e8 + 5000 * 1e4); 亿 scales everything before it.
    if (large === 10_000) total += (section || 1) * large;
    else total = (total + section || 1) * large;
    section = 0;
    number = 0;
    hasNumber = false;
    unitBefore = large;
  }
  if (hasNumber && unitBefore >= 100) number *= unitBefore / 10;
  const value = total + section + number;
  return Number.isSafeInteger(value) ? String(value) : run;
}

/** Arabic digits followed by unit characters, possibly several: 64千, 1.5万, 2百万, 3千5百. */
const DIGITS_THEN_UNITS = /(?:\d+(?:\.\d+)?[十百千万亿]+)+/gu;
const DIGIT_UNIT_PAIR = /(\d+(?:\.\d+)?)([十百千万亿]+)/gu;

export function chineseNumeralsToDigits(text: string): string {
  if (!HAS_NUMERAL.test(text)) return text;
  return text
    .replace(DIGITS_THEN_UNITS, (whole: string) => {
      let value = 0;
      for (const [, digits, units] of whole.matchAll(DIGIT_UNIT_PAIR)) {
        let part = Number(digits);
        for (const u of units ?? '') part *= SMALL_UNITS[u] ?? LARGE_UNITS[u] ?? 1;
        value += part;
      }
      // 1.5万 is 15000; a value that is not a whole number stays as written.
      return Number.isSafeInteger(value) ? String(value) : whole;
    })
    .replace(NUMERAL_RUN, chineseNumeralValue);
}
