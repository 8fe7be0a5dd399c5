import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/core/commands.js';
import { fill } from '../../src/core/i18n/catalog.js';
import { messages } from '../../src/core/i18n/messages.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('every user-facing string exists in Chinese and English', () => {
  it('has the same keys and the same placeholders in both languages', () => {
    expect(Object.keys(messages.zh).sort()).toEqual(Object.keys(messages.en).sort());
    for (const key of Object.keys(messages.en) as Array<keyof typeof messages.en>) {
      expect(messages.zh[key].trim(), key).not.toBe('');
      expect(placeholders(messages.zh[key]), key).toEqual(placeholders(messages.en[key]));
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
