import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cronPattern,
  describeDays,
  formatDuration,
  parseDays,
  parseDuration,
  parseTime,
  parseTimezone,
  scheduleFromArgs,
} from '../../src/core/daily/daily-schedule.js';
import { UserFacingError } from '../../src/core/errors.js';
import { QuestionBank } from '../../src/core/questions/question-bank.js';
import { loadQuestionFiles } from '../../src/infra/questions/load-question-files.js';

const bank = new QuestionBank(loadQuestionFiles(join(import.meta.dirname, '..', '..', 'questions')).questions);

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserFacingError) return e.code;
    throw e;
  }
  return 'ok';
};

describe('daily schedule arguments', () => {
  it.each([
    ['9:05', '09:05'],
    ['09:30', '09:30'],
    ['23:59', '23:59'],
    ['18：00', '18:00'],
  ])('time %s -> %s', (input, expected) => expect(parseTime(input)).toBe(expected));

  it.each(['24:00', '9', '09:60', 'nine', '', '-1:00'])('rejects time %j', (input) =>
    expect(codeOf(() => parseTime(input))).toBe('daily-bad-time'),
  );

  it('canonicalises zones and rejects unknown ones', () => {
    expect(parseTimezone('asia/shanghai')).toBe('Asia/Shanghai');
    expect(codeOf(() => parseTimezone('Mars/Olympus'))).toBe('daily-bad-timezone');
  });

  it.each([
    ['every-day', [1, 2, 3, 4, 5, 6, 7]],
    ['weekdays', [1, 2, 3, 4, 5]],
    ['mon,wed,fri', [1, 3, 5]],
    ['Sunday,monday', [1, 7]],
    // Ranges and lists, in English and Chinese; a range may wrap over the week's end.
    ['sat-sun', [6, 7]],
    ['mon-fri', [1, 2, 3, 4, 5]],
    ['fri-mon', [1, 5, 6, 7]],
    ['mon-wed,fri', [1, 2, 3, 5]],
    ['周六-周日', [6, 7]],
    ['周一,周三', [1, 3]],
    ['周一、周三、周五', [1, 3, 5]],
    ['星期一到星期五', [1, 2, 3, 4, 5]],
    ['周日', [7]],
    ['周天', [7]],
    ['工作日', [1, 2, 3, 4, 5]],
    ['周末', [6, 7]],
    ['每天', [1, 2, 3, 4, 5, 6, 7]],
    ['weekends', [6, 7]],
    ['tues,thurs', [2, 4]],
  ])('days %s', (input, expected) => expect(parseDays(input)).toEqual(expected));

  it.each(['someday', 'mo', 'mon,,fri', 'satx', 'sat-', 'mon-tue-wed', '周八', 'saturnday', 'sat_sun'])('rejects days %j', (input) =>
    expect(codeOf(() => parseDays(input))).toBe('daily-bad-days'),
  );

  it.each([
    ['30m', 1_800_000],
    ['2h', 7_200_000],
    ['1h30m', 5_400_000],
    ['90s', 90_000],
  ])('reveal %s', (input, ms) => expect(parseDuration(input)).toBe(ms));

  it.each(['10s', '24h', '', 'soon', '5'])('rejects reveal %j', (input) =>
    expect(codeOf(() => parseDuration(input))).toBe('daily-bad-reveal'),
  );

  it('builds the cron pattern with cron’s Sunday = 0', () => {
    const s = scheduleFromArgs({ time: '07:45', days: 'sun,mon' }, { timezone: 'UTC', locale: 'zh', bank });
    expect(cronPattern(s)).toBe('45 7 * * 0,1');
    expect(cronPattern({ ...s, days: [1, 2, 3, 4, 5, 6, 7] })).toBe('45 7 * * *');
    expect(describeDays([1, 2, 3, 4, 5])).toBe('weekdays');
    expect(formatDuration(5_400_000)).toBe('1h30m');
  });

  it.each([
    ['tcp', 'tcp-udp'],
    ['TCP-UDP', 'tcp-udp'],
    ['dns', 'dns-arp-routing'],
    ['套接字', 'sockets'],
    ['协程', 'coroutines-async'],
    ['nginx', 'infrastructure'],
    ['epoll', 'epoll'],
  ])('reads topic=%s like /quiz does: %s', (word, stored) => {
    expect(scheduleFromArgs({ time: '09:30', topic: word }, { timezone: 'UTC', locale: 'en', bank }).topic).toBe(stored);
    expect(bank.matchTopicOrTag(word).length).toBeGreaterThan(0);
  });

  it('refuses a topic word no question answers to', () => {
    expect(codeOf(() => scheduleFromArgs({ time: '09:30', topic: 'astrology' }, { timezone: 'UTC', locale: 'en', bank }))).toBe(
      'daily-bad-topic',
    );
  });
});
