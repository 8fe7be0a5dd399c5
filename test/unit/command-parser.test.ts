import { describe, expect, it } from 'vitest';
import { parseCommandText } from '../../src/core/command-parser.js';
import { UserFacingError } from '../../src/core/errors.js';

const codeOf = (text: string) => {
  try {
    parseCommandText(text);
  } catch (e) {
    if (e instanceof UserFacingError) return e.code;
    throw e;
  }
  return 'parsed';
};

describe('the one command grammar', () => {
  it('/answer takes an optional leading id=<question>; any other text is the answer', () => {
    expect(parseCommandText('/answer id=t-flags A B').args).toEqual({ id: 't-flags', text: 'A B' });
    expect(parseCommandText('/answer ID=t-flags').args).toEqual({ id: 't-flags' });
    expect(parseCommandText('/answer x=1 means one').args).toEqual({ text: 'x=1 means one' });
    expect(parseCommandText('/answer B id=t-flags').args).toEqual({ text: 'B id=t-flags' });
  });

  it('gives a positional day range or list, in either language, to /daily set days', () => {
    expect(parseCommandText('/daily set 09:30 sat-sun').args.days).toBe('sat-sun');
    expect(parseCommandText('/daily set 09:30 周六-周日 tcp-udp').args).toMatchObject({ days: '周六-周日', topic: 'tcp-udp' });
    expect(parseCommandText('/daily set 09:30 周一,周三').args.days).toBe('周一,周三');
  });

  it('takes a choice by the label members see in either language (/rate 良好 = /rate good)', () => {
    expect(parseCommandText('/rate 良好')).toEqual({ name: 'rate', sub: undefined, args: { rating: 'good' } });
    expect(parseCommandText('/rate 重来').args.rating).toBe('again');
    expect(parseCommandText('/rate rating=轻松').args.rating).toBe('easy');
    expect(parseCommandText('/rate HARD').args.rating).toBe('hard');
    expect(codeOf('/rate 很好')).toBe('usage-choices');
  });

  it.each([
    ['/quiz', { name: 'quiz', sub: undefined, args: {} }],
    ['/quiz tcp', { name: 'quiz', sub: undefined, args: { target: 'tcp' } }],
    ['/QUIZ target=gil', { name: 'quiz', sub: undefined, args: { target: 'gil' } }],
    ['/answer  A, C ', { name: 'answer', sub: undefined, args: { text: 'A, C' } }],
    ['/answer SYN ACK  key=value', { name: 'answer', sub: undefined, args: { text: 'SYN ACK  key=value' } }],
    // No text: the use case opens the answer form where the platform has forms, else explains the usage.
    ['/answer    ', { name: 'answer', sub: undefined, args: {} }],
    ['/leaderboard', { name: 'leaderboard', sub: 'show', args: {} }],
    ['/leaderboard week', { name: 'leaderboard', sub: 'show', args: { period: 'week' } }],
    ['/leaderboard channel', { name: 'leaderboard', sub: 'show', args: { scope: 'channel' } }],
    ['/leaderboard month channel', { name: 'leaderboard', sub: 'show', args: { period: 'month', scope: 'channel' } }],
    ['/leaderboard hide-me', { name: 'leaderboard', sub: 'hide-me', args: {} }],
    [
      '/daily set 09:30 tz=Asia/Shanghai days=weekdays reveal=2h',
      { name: 'daily', sub: 'set', args: { time: '09:30', tz: 'Asia/Shanghai', days: 'weekdays', reveal: '2h' } },
    ],
    ['/daily set 09:30 Asia/Shanghai', { name: 'daily', sub: 'set', args: { time: '09:30', tz: 'Asia/Shanghai' } }],
    ['/daily set 09:30 tcp-udp 2h', { name: 'daily', sub: 'set', args: { time: '09:30', topic: 'tcp-udp', reveal: '2h' } }],
    [
      '/daily set 18:00 weekdays America/New_York 90m gil',
      { name: 'daily', sub: 'set', args: { time: '18:00', days: 'weekdays', tz: 'America/New_York', reveal: '90m', topic: 'gil' } },
    ],
    ['/daily set 9am', { name: 'daily', sub: 'set', args: { time: '9am' } }],
    ['/daily set 9:00 UTC mon,wed,fri', { name: 'daily', sub: 'set', args: { time: '9:00', tz: 'UTC', days: 'mon,wed,fri' } }],
    ['/lang EN', { name: 'lang', sub: undefined, args: { locale: 'en' } }],
    ['/help "daily"', { name: 'help', sub: undefined, args: { command: 'daily' } }],
  ])('%s', (text, expected) => {
    expect(parseCommandText(text)).toEqual(expected);
  });

  it.each([
    ['/frobnicate', 'unknown-command'],
    ['/', 'unknown-command'],
    ['/daily', 'usage-missing-sub'],
    ['/daily explode', 'usage-unknown-sub'],
    ['/daily set', 'usage-missing'],
    ['/quiz tcp extra', 'usage-unexpected'],
    ['/quiz colour=red', 'usage-unknown-option'],
    ['/lang fr', 'usage-choices'],
    ['/leaderboard period=year', 'usage-choices'],
  ])('%s is a usage message, never a guess', (text, code) => {
    expect(codeOf(text)).toBe(code);
  });
});
