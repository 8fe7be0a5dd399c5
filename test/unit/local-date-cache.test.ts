import { describe, expect, it } from 'vitest';
import { localDate } from '../../src/core/calendar.js';

const formats = new Map<string, Intl.DateTimeFormat>();
const direct = (t: number, timeZone: string) => {
  const f = formats.get(timeZone) ?? new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  formats.set(timeZone, f);
  return f.format(t);
};

describe('localDate keeps the date of a quarter hour', () => {
  it('gives the date Intl gives, every three minutes across midnights, DST changes and odd offsets, asked in any order', () => {
    const zones = ['UTC', 'Asia/Kathmandu', 'Australia/Eucla', 'America/St_Johns', 'Europe/Berlin', 'America/New_York', 'Asia/Shanghai'];
    // Around the 2026 DST changes (Europe: 29 March and 25 October; US: 8 March and 1 November), and a date
    // in 1890, when zones still had offsets in seconds (midnight inside a quarter hour).
    const starts = ['2026-03-08T00:00:00Z', '2026-03-28T20:00:00Z', '2026-10-25T00:00:00Z', '2026-11-01T02:00:00Z', '1890-06-01T00:00:00Z'];
    const times = starts.flatMap((s) => Array.from({ length: 24 * 20 }, (_, m) => Date.parse(s) + m * 180_000 + 29_999));
    // Forwards, then shuffled: the kept quarter hour must never leak into another.
    const shuffled = times
      .map((t, i) => ({ t, key: (i * 7919) % 1009 }))
      .sort((a, b) => a.key - b.key)
      .map((x) => x.t);
    for (const timeZone of zones) {
      for (const t of [...times, ...shuffled]) {
        const got = localDate(new Date(t), timeZone);
        if (got !== direct(t, timeZone)) expect({ timeZone, at: new Date(t).toISOString(), got }).toEqual({ want: direct(t, timeZone) });
      }
    }
  });
});
