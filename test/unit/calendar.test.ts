import { describe, expect, it } from 'vitest';
import { addDays, isoWeek, localDate, periodBuckets } from '../../src/core/calendar.js';

describe('calendar', () => {
  it.each([
    ['2026-11-23', '2026-W48'],
    ['2026-01-01', '2026-W01'],
    ['2027-01-01', '2026-W53'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
  ])('ISO week of %s is %s', (date, week) => {
    expect(isoWeek(date)).toBe(week);
  });

  it('uses the wall-clock date of the zone', () => {
    const at = new Date('2026-11-22T20:00:00Z'); // Monday 04:00 in Shanghai, Sunday in New York
    expect(localDate(at, 'Asia/Shanghai')).toBe('2026-11-23');
    expect(localDate(at, 'America/New_York')).toBe('2026-11-22');
    expect(periodBuckets(at, 'Asia/Shanghai').week.id).toBe('2026-W48');
    expect(periodBuckets(at, 'America/New_York').week.id).toBe('2026-W47');
  });

  it('rolls months over and expires buckets after their period plus a margin', () => {
    const end = periodBuckets(new Date('2026-11-30T23:59:00Z'), 'UTC');
    const next = periodBuckets(new Date('2026-12-01T00:00:00Z'), 'UTC');
    expect([end.month.id, next.month.id]).toEqual(['2026-11', '2026-12']);
    expect(end.month.expireAt).toBeGreaterThan(Date.parse('2026-12-01T00:00:00Z'));
    expect(end.week.expireAt).toBeGreaterThan(Date.parse('2026-12-07T00:00:00Z'));
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
