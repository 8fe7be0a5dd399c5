import { UserFacingError } from '../errors.js';

/**
 * The days of `/daily set days=...`, in English or Chinese: keywords (every-day, weekdays, weekends,
 * 每天, 工作日, 周末), day names (mon, monday, 周一, 星期一, 礼拜一), lists (mon,wed,fri, 周一、周三) and
 * ranges (mon-fri, sat-sun, 周六-周日, 周五到周一, wrapping over the week's end). Anything else is refused,
 * never read as its first three letters.
 */

const ENGLISH_DAY = 'mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?';
const CHINESE_DAY = '(?:周|星期|礼拜)[一二三四五六日天]';
const DAY = `(?:${ENGLISH_DAY}|${CHINESE_DAY})`;
const KEYWORD = '(?:every-?day|daily|每天|weekdays?|工作日|weekends?|周末)';
const LIST_SEPARATOR = /[,，、]/;
const RANGE_SEPARATOR = /[-~–—]|到|至/;
const ITEM = `(?:${KEYWORD}|${DAY}(?:(?:${RANGE_SEPARATOR.source})${DAY})?)`;
const ENGLISH_DAY_NAME = new RegExp(`^(?:${ENGLISH_DAY})$`);
const CHINESE_DAY_NAME = new RegExp(`^${CHINESE_DAY}$`);

/** What a days value looks like, so a positional word in `/daily set` goes to the days option. */
export const DAYS_PATTERN = new RegExp(`^${ITEM}(?:${LIST_SEPARATOR.source}${ITEM})*$`, 'i');

const KEYWORDS: Readonly<Record<string, readonly number[]>> = {
  'every-day': [1, 2, 3, 4, 5, 6, 7],
  everyday: [1, 2, 3, 4, 5, 6, 7],
  daily: [1, 2, 3, 4, 5, 6, 7],
  每天: [1, 2, 3, 4, 5, 6, 7],
  weekdays: [1, 2, 3, 4, 5],
  weekday: [1, 2, 3, 4, 5],
  工作日: [1, 2, 3, 4, 5],
  weekends: [6, 7],
  weekend: [6, 7],
  周末: [6, 7],
};
const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '日'];

/** ISO weekday 1 (Mon) .. 7 (Sun) of one day name, or undefined. */
function dayNumber(name: string): number | undefined {
  if (ENGLISH_DAY_NAME.test(name)) {
    return ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].indexOf(name.slice(0, 3)) + 1;
  }
  if (CHINESE_DAY_NAME.test(name)) {
    const last = name.slice(-1);
    return last === '天' ? 7 : CHINESE_NUMBERS.indexOf(last) + 1;
  }
  return undefined;
}

export function parseDays(text: string): number[] {
  const refuse = () => new UserFacingError('daily-bad-days', { value: text });
  const days = new Set<number>();
  for (const item of text.trim().toLowerCase().split(LIST_SEPARATOR)) {
    const part = item.trim();
    const keyword = KEYWORDS[part];
    if (keyword) {
      for (const d of keyword) days.add(d);
      continue;
    }
    const ends = part.split(RANGE_SEPARATOR).map((e) => dayNumber(e.trim()));
    const [from, to] = ends;
    if (ends.length > 2 || from === undefined || (ends.length === 2 && to === undefined)) throw refuse();
    // A range may wrap over the week's end: fri-mon is Friday to Monday.
    for (let d = from; ; d = (d % 7) + 1) {
      days.add(d);
      if (d === (to ?? from)) break;
    }
  }
  return [...days].sort((a, b) => a - b);
}
