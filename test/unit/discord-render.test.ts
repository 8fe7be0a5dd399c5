import { join } from 'node:path';
import { embedLength } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { discordCommandDefinitions } from '../../src/adapters/discord/command-definitions.js';
import { DISCORD_CAPABILITIES } from '../../src/adapters/discord/discord-capabilities.js';
import { DISCORD_LIMITS } from '../../src/adapters/discord/discord-limits.js';
import { renderMessage, renderModal, splitText } from '../../src/adapters/discord/render.js';
import { answerForm } from '../../src/core/answer/answer-form.js';
import { COMMANDS } from '../../src/core/commands.js';
import { renderReveal } from '../../src/core/daily/render-reveal.js';
import { gradeAnswer, renderGradeFeedback, renderSolution } from '../../src/core/grading/index.js';
import { ratingActions } from '../../src/core/instances/rating-actions.js';
import { questionCard } from '../../src/core/questions/question-card.js';
import type { OutboundMessage } from '../../src/core/types.js';
import { loadQuestionFiles } from '../../src/infra/questions/load-question-files.js';

const bank = loadQuestionFiles(join(import.meta.dirname, '..', '..', 'questions')).questions;
const LONG_ID = `daily-${'9'.repeat(20)}-now-${'x'.repeat(11)}`;

function expectWithinLimits(message: OutboundMessage): void {
  const payload = renderMessage(message); // the builders throw on anything Discord would refuse
  expect(payload.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
  expect(payload.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
  expect(payload.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.rows);
  for (const row of payload.components) {
    expect(row.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.buttonsPerRow);
    for (const c of row.components) {
      if ('custom_id' in c) expect(c.custom_id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
      if ('options' in c) expect(c.options.length).toBeLessThanOrEqual(DISCORD_LIMITS.selectOptions);
    }
  }
}

describe('Discord rendering of every core message', () => {
  it('renders every question card, feedback, solution and reveal of the bank within Discord’s limits', () => {
    let rendered = 0;
    for (const q of bank) {
      for (const locale of ['zh', 'en'] as const) {
        for (const visibility of ['public', 'private'] as const) {
          expectWithinLimits(questionCard(q, LONG_ID, locale, visibility, DISCORD_CAPABILITIES));
        }
        const graded = gradeAnswer(q, { type: 'text', text: 'A' });
        if (graded.status === 'graded') {
          expectWithinLimits({
            visibility: 'private',
            text: renderGradeFeedback(graded.result, q, locale),
            actions: ratingActions(LONG_ID, locale),
          });
        }
        expectWithinLimits({ visibility: 'private', title: 'Solution', text: renderSolution(q, locale) });
        const names = new Map([['u1', 'x'.repeat(80)]]);
        expectWithinLimits(
          renderReveal(q, { answered: 50, correct: 20, distribution: { A: 10, B: 40 }, firstCorrect: ['u1', 'u1', 'u1'] }, names, locale),
        );
        rendered += 5;
      }
    }
    expect(rendered).toBeGreaterThan(bank.length * 9);
  });

  it('lays out single choice as a row of buttons, multiple choice as one select menu', () => {
    const single = bank.find((q) => q.kind === 'single' && q.options.length === 4);
    const multi = bank.find((q) => q.kind === 'multi');
    if (!single || !multi) throw new Error('bank lacks a single or multi item');
    const buttons = renderMessage(questionCard(single, 'i1', 'en', 'public', DISCORD_CAPABILITIES)).components;
    expect(buttons).toHaveLength(1);
    expect(buttons[0]?.components.map((c) => c.type)).toEqual([2, 2, 2, 2]);
    const select = renderMessage(questionCard(multi, 'i1', 'en', 'public', DISCORD_CAPABILITIES)).components;
    expect(select[0]?.components[0]).toMatchObject({ type: 3, min_values: 1, max_values: multi.options.length });
  });

  it('splits a long text over embeds within the totals, and clips what cannot fit', () => {
    const paragraph = `${'word '.repeat(300).trim()}\n\n`;
    const long = paragraph.repeat(40); // about 60,000 characters
    expectWithinLimits({ visibility: 'public', title: 't', text: long, footer: 'f' });
    const parts = splitText(long, 4096, 6000, 10);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join('').length).toBeLessThanOrEqual(6000);
    expect(parts.at(-1)?.endsWith('…')).toBe(true);
    expect(splitText('short', 4096, 6000, 10)).toEqual(['short']);
  });

  it('turns the answer form into a modal Discord accepts', () => {
    for (const locale of ['zh', 'en'] as const) {
      const modal = renderModal(answerForm(LONG_ID, 'a-rather-long-question-id-from-the-bank', locale)).toJSON();
      expect(modal.custom_id.length).toBeLessThanOrEqual(100);
      expect(modal.components).toHaveLength(1);
    }
  });
});

describe('Discord command registration from the one command table', () => {
  const defs = discordCommandDefinitions();

  it('registers every command a Discord member can use, with zh descriptions and admin defaults', () => {
    expect(defs.map((d) => d.name)).toEqual(COMMANDS.filter((c) => c.name !== 'as').map((c) => c.name));
    for (const d of defs) {
      expect(d.description.length).toBeLessThanOrEqual(100);
      expect(d.description_localizations?.['zh-CN']).toBeTruthy();
    }
    const daily = defs.find((d) => d.name === 'daily');
    expect(daily?.default_member_permissions).toBe(String(1 << 5)); // Manage Server
    expect(daily?.options?.map((o) => [o.name, o.type])).toEqual([
      ['set', 1],
      ['off', 1],
      ['now', 1],
      ['reveal', 1],
      ['status', 1],
    ]);
    expect(defs.find((d) => d.name === 'quiz')?.default_member_permissions).toBeUndefined();
  });

  it('types options: choices, autocomplete, and /answer text optional (empty opens the form)', () => {
    const quiz = defs.find((d) => d.name === 'quiz')?.options?.[0];
    expect(quiz).toMatchObject({ name: 'target', type: 3, autocomplete: true, required: false });
    const answer = defs.find((d) => d.name === 'answer')?.options?.[0];
    expect(answer).toMatchObject({ name: 'text', type: 3, required: false });
    const lang = defs.find((d) => d.name === 'lang')?.options?.[0];
    expect(lang).toMatchObject({
      required: true,
      choices: [
        { name: 'zh', value: 'zh' },
        { name: 'en', value: 'en' },
      ],
    });
  });
});
