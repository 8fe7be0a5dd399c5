/**
 * English number words to digits inside an answer, as `chineseNumeralsToDigits` does for Chinese:
 * "twenty bytes" -> "20 bytes", "sixty-four KB" -> "64 KB", "one hundred and five" -> "105",
 * "a minute" -> "1 minute", "half an hour" -> "0.5 hour", "an hour and a half" -> "1.5 hour",
 * "one and a half minutes" -> "1.5 minutes". "a", "an" and "half a" count only before a unit
 * (`isUnit`), so "a lot" stays words. Expects lower-case text; other words are left alone.
 */

const SMALL: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1000, million: 1_000_000 };

const NUMBER_WORD = `(?:${[...Object.keys(SMALL), ...Object.keys(SCALES)].join('|')})`;
/** A run of number words, with hyphens, spaces and "and" between them ("one hundred and five"). */
const RUN = new RegExp(`\\b${NUMBER_WORD}(?:(?:[\\s-]+|\\s+and\\s+)${NUMBER_WORD})*\\b`, 'g');

function runValue(run: string): number {
  let total = 0;
  let current = 0;
  for (const word of run.split(/[\s-]+/)) {
    if (word === 'and') continue;
    const scale = SCALES[word];
    if (scale === undefined) current += SMALL[word] ?? 0;
    else if (scale === 100) current = (current || 1) * 100;
    else {
      total += (current || 1) * scale;
      current = 0;
    }
  }
  return total + current;
}

export function englishNumbersToDigits(text: string, isUnit: (word: string) => boolean): string {
  const ofUnit = (value: string) => (match: string, unit: string) => (isUnit(unit) ? `${value} ${unit}` : match);
  return text
    .replace(/\ban? ([a-z]+) and a half\b/g, ofUnit('1.5')) // an hour and a half
    .replace(RUN, (run) => String(runValue(run)))
    .replace(/(\d+) and a half\b/g, '$1.5') // 1 and a half minutes
    .replace(/\bhalf an? ([a-z]+)/g, ofUnit('0.5')) // half a minute
    .replace(/\ban? ([a-z]+)/g, ofUnit('1')); // a minute, an hour
}
