import { describe, expect, it } from 'vitest';
import { consoleMessages } from '../../src/adapters/console/console-messages.js';
import { COMMANDS } from '../../src/core/commands.js';
import { dailyMessages } from '../../src/core/daily/daily-messages.js';
import { drillMessages } from '../../src/core/drill/drill-messages.js';
import { flagMessages } from '../../src/core/flags/flag-messages.js';
import { gradingMessages } from '../../src/core/grading/index.js';
import { modelGradingMessages } from '../../src/core/grading/model-grading-messages.js';
import { homeMessages } from '../../src/core/home/home-messages.js';
import type { Catalog } from '../../src/core/i18n/catalog.js';
import { fill } from '../../src/core/i18n/catalog.js';
import { messages } from '../../src/core/i18n/messages.js';
import { mockMessages } from '../../src/core/mock/mock-messages.js';
import { reportMessages } from '../../src/core/report/report-messages.js';
import { statsMessages } from '../../src/core/stats/stats-messages.js';

const catalogs: Array<[string, Catalog<string>]> = [
  ['core', messages],
  ['daily', dailyMessages],
  ['grading', gradingMessages],
  ['model grading', modelGradingMessages],
  ['console', consoleMessages],
  ['drill', drillMessages],
  ['mock', mockMessages],
  ['stats', statsMessages],
  ['home', homeMessages],
  ['flag', flagMessages],
  ['question report', reportMessages],
];

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('every user-facing string exists in Chinese and English', () => {
  it.each(catalogs)('%s catalog: the same keys and the same placeholders in both languages', (_name, catalog) => {
    expect(Object.keys(catalog.zh).sort()).toEqual(Object.keys(catalog.en).sort());
    for (const key of Object.keys(catalog.en)) {
      expect(catalog.zh[key]?.trim(), key).not.toBe('');
      expect(placeholders(catalog.zh[key] ?? ''), key).toEqual(placeholders(catalog.en[key] ?? ''));
    }
  });

  it('describes every command and option in both languages', () => {
    for (const c of COMMANDS) {
      const texts = [
        c.description,
        ...(c.options ?? []).map((o) => o.description),
        ...(c.subcommands ?? []).flatMap((s) => [s.description, ...(s.options ?? []).map((o) => o.description)]),
      ];
      for (const t of texts) {
        expect(t.zh.trim(), c.name).not.toBe('');
        expect(t.en.trim(), c.name).not.toBe('');
      }
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
