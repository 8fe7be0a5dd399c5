import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  renderActions,
  renderHome,
  renderMessage,
  renderModal,
  type SlackMessagePayload,
  slackCommandMentions,
  splitMrkdwn,
  toMrkdwn,
} from '../../src/adapters/slack/render.js';
import { SLACK_CAPABILITIES } from '../../src/adapters/slack/slack-capabilities.js';
import { SLACK_LIMITS as L } from '../../src/adapters/slack/slack-limits.js';
import { answerForm } from '../../src/core/answer/answer-form.js';
import { renderReveal } from '../../src/core/daily/render-reveal.js';
import { gradeAnswer, renderGradeFeedback, renderInvalidAnswer, renderSolution } from '../../src/core/grading/index.js';
import { ratingActions } from '../../src/core/instances/rating-actions.js';
import { answeredCard, questionCard } from '../../src/core/questions/question-card.js';
import type { MessageAction, OutboundMessage } from '../../src/core/types.js';
import { loadQuestionFiles } from '../../src/infra/questions/load-question-files.js';

const bank = loadQuestionFiles(join(import.meta.dirname, '..', '..', 'questions')).questions;
const LONG_ID = `daily-${'9'.repeat(20)}-now-${'x'.repeat(11)}`;
const LOCALES = ['zh', 'en'] as const;

interface AnyBlock {
  type: string;
  block_id?: string;
  text?: { type: string; text: string };
  fields?: Array<{ text: string }>;
  elements?: Array<{
    type: string;
    action_id?: string;
    text?: string | { text: string };
    options?: Array<{ text: { text: string }; value: string }>;
    placeholder?: { text: string };
  }>;
}

/** Every count and length Block Kit checks, for one message's blocks. */
function expectBlocksWithinLimits(blocks: readonly unknown[], maxBlocks: number): void {
  expect(blocks.length).toBeGreaterThan(0);
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  const blockIds = new Set<string>();
  for (const raw of blocks) {
    const b = raw as AnyBlock;
    if (b.block_id !== undefined) {
      expect(b.block_id.length).toBeLessThanOrEqual(L.blockId);
      expect(blockIds.has(b.block_id), `duplicate block_id ${b.block_id}`).toBe(false);
      blockIds.add(b.block_id);
    }
    switch (b.type) {
      case 'header':
        expect(b.text?.type).toBe('plain_text');
        expect(b.text?.text.length).toBeLessThanOrEqual(L.headerText);
        break;
      case 'section':
        if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(L.sectionText);
        expect(b.fields?.length ?? 0).toBeLessThanOrEqual(L.sectionFields);
        for (const f of b.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(L.fieldText);
        expect(b.text?.text.trim() || b.fields?.length).toBeTruthy();
        break;
      case 'context':
        expect(b.elements?.length).toBeLessThanOrEqual(L.contextElements);
        for (const e of b.elements ?? []) expect(typeof e.text === 'string' ? e.text.length : 0).toBeLessThanOrEqual(L.contextText);
        break;
      case 'actions': {
        expect(b.elements?.length).toBeLessThanOrEqual(L.actionsElements);
        const ids = (b.elements ?? []).map((e) => e.action_id ?? '');
        expect(new Set(ids).size, 'action ids are unique within a block').toBe(ids.length);
        for (const e of b.elements ?? []) {
          expect(e.action_id?.length).toBeLessThanOrEqual(L.actionId);
          if (e.type === 'button') expect(typeof e.text === 'object' ? e.text.text.length : 0).toBeLessThanOrEqual(L.buttonText);
          if (e.type === 'checkboxes') expect(e.options?.length).toBeLessThanOrEqual(L.checkboxOptions);
          if (e.type === 'multi_static_select') expect(e.options?.length).toBeLessThanOrEqual(L.multiSelectOptions);
          for (const o of e.options ?? []) {
            expect(o.text.text.length).toBeLessThanOrEqual(L.optionText);
            expect(o.value.length).toBeLessThanOrEqual(L.optionValue);
          }
          if (e.placeholder) expect(e.placeholder.text.length).toBeLessThanOrEqual(L.placeholder);
        }
        break;
      }
      default:
        throw new Error(`unexpected block type ${b.type}`);
    }
  }
}

function expectWithinLimits(message: OutboundMessage): SlackMessagePayload {
  const payload = renderMessage(message);
  expectBlocksWithinLimits(payload.blocks, L.blocksPerMessage);
  expect(payload.text.length).toBeGreaterThan(0);
  expect(payload.text.length).toBeLessThanOrEqual(L.fallbackText);
  return payload;
}

const sectionTexts = (payload: SlackMessagePayload) =>
  payload.blocks.flatMap((b) => ((b as AnyBlock).type === 'section' && (b as AnyBlock).text ? [(b as AnyBlock).text?.text ?? ''] : []));

describe('Slack rendering of every core message', () => {
  it('renders every question card, answered card, feedback, solution and reveal of the bank within Block Kit’s limits', () => {
    let rendered = 0;
    const names = new Map([['u1', 'x'.repeat(80)]]);
    const stats = { answered: 50, correct: 20, distribution: { A: 10, B: 40 }, firstCorrect: ['u1', 'u1', 'u1'] };
    for (const q of bank) {
      for (const locale of LOCALES) {
        for (const visibility of ['public', 'private'] as const) {
          const card = questionCard(q, LONG_ID, locale, visibility, SLACK_CAPABILITIES);
          expectWithinLimits(card);
          expectWithinLimits(answeredCard(card, ['A']));
          // At the reveal the question's buttons are disabled, which Slack shows as text.
          const closed = (card.actions ?? []).flatMap((a) => (a.type === 'button' ? [{ ...a, disabled: true }] : []));
          expectWithinLimits({ ...card, actions: closed });
        }
        for (const typed of ['A', 'Z', `${q.kind === 'open' ? 'because '.repeat(250) : 'A B'}`]) {
          const graded = gradeAnswer(q, { type: 'text', text: typed });
          if (graded.status === 'graded') {
            expectWithinLimits({
              visibility: 'private',
              tone: 'partial',
              text: renderGradeFeedback(graded.result, q, locale),
              actions: ratingActions(LONG_ID, locale),
            });
          } else {
            expectWithinLimits({ visibility: 'private', tone: 'error', text: renderInvalidAnswer(graded, q, locale) });
          }
        }
        expectWithinLimits({ visibility: 'private', tone: 'info', title: 'Solution', text: renderSolution(q, locale) });
        expectWithinLimits(renderReveal(q, stats, names, locale));
        rendered += 7;
      }
    }
    expect(rendered).toBeGreaterThanOrEqual(bank.length * 14);
  });

  it('shows single choice as buttons and multiple choice as checkboxes with a Submit button of the same action id', () => {
    const single = bank.find((q) => q.kind === 'single' && q.options.length === 4);
    const multi = bank.find((q) => q.kind === 'multi');
    if (!single || !multi) throw new Error('the bank lacks a single or a multi item');
    const buttons = renderMessage(questionCard(single, 'i1', 'en', 'public', SLACK_CAPABILITIES)).blocks.filter(
      (b) => b.type === 'actions',
    );
    expect(buttons).toHaveLength(1);
    expect((buttons[0] as AnyBlock).elements?.map((e) => [e.type, (e.text as { text: string }).text])).toEqual([
      ['button', 'A'],
      ['button', 'B'],
      ['button', 'C'],
      ['button', 'D'],
    ]);
    const select = renderMessage(questionCard(multi, 'i1', 'en', 'public', SLACK_CAPABILITIES)).blocks.filter((b) => b.type === 'actions');
    const [boxes, submit] = select.map((b) => (b as AnyBlock).elements?.[0]);
    expect(boxes).toMatchObject({ type: 'checkboxes', action_id: expect.stringMatching(/^p1:pick:/) });
    expect(boxes?.options).toHaveLength(multi.options.length);
    expect(submit).toMatchObject({ type: 'button', action_id: boxes?.action_id, style: 'primary', text: { text: 'Submit answer' } });
  });

  it('offers a menu instead of checkboxes past ten options, and never shows a typed twin where there are buttons', () => {
    const options = Array.from({ length: 14 }, (_, i) => ({ value: `v${i}`, label: `option ${i}` }));
    const select: MessageAction = {
      type: 'select',
      id: 'p1:pick:i1:',
      placeholder: 'Choose',
      options,
      minValues: 1,
      maxValues: 14,
      submitLabel: 'Submit',
      twin: '/answer A C',
    };
    const [menu] = renderActions([select]);
    expect((menu as AnyBlock).elements?.[0]).toMatchObject({ type: 'multi_static_select', max_selected_items: 14 });
    expect(JSON.stringify(renderActions([select, ...ratingActions('i1', 'en')]))).not.toContain('/answer');
  });

  it('splits a long text over sections instead of cutting it, keeping code fences whole in each', () => {
    const paragraph = `${'word '.repeat(300).trim()}\n\n`;
    const long = `${paragraph.repeat(10)}\`\`\`python\n${'x = 1\n'.repeat(800)}\`\`\`\n\n${paragraph.repeat(10)}`; // about 36,000 characters
    const payload = expectWithinLimits({ visibility: 'public', title: 't', text: long, footer: 'f' });
    const sections = sectionTexts(payload);
    expect(sections.length).toBeGreaterThan(10);
    for (const s of sections) expect((s.match(/```/g) ?? []).length % 2).toBe(0);
    const words = (s: string) => s.replace(/```/g, '').split(/\s+/).filter(Boolean);
    expect(words(sections.join('\n'))).toEqual(words(toMrkdwn(long)));
    // Chinese has no spaces: a long paragraph is cut after a full stop, never through a character pair.
    const zh = `${'这是一个很长的句子，用来测试切分。'.repeat(400)}😀`;
    const parts = splitMrkdwn(zh, L.sectionText);
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts.slice(0, -1)) expect(p.endsWith('。')).toBe(true);
    expect(parts.join('')).toBe(zh);
  });

  it('clips only what cannot fit even in 50 blocks, and the actions always stay', () => {
    const huge = 'word '.repeat(60_000);
    const payload = expectWithinLimits({ visibility: 'public', text: huge, actions: ratingActions('i1', 'en') });
    expect(payload.blocks.at(-1)?.type).toBe('actions');
    expect(sectionTexts(payload).at(-1)?.endsWith('…')).toBe(true);
  });

  it('converts the core’s light markdown to Slack mrkdwn, escaping what Slack would parse', () => {
    expect(toMrkdwn('**A.** a < b && c > d')).toBe('*A.* a &lt; b &amp;&amp; c &gt; d');
    expect(toMrkdwn('答案是**B**。')).toBe('答案是\u200b*B*。');
    expect(toMrkdwn('```go\nx := 1\n```')).toBe('```\nx := 1\n```');
    expect(toMrkdwn('Type /help or `/answer <text>`; TCP/IP and /proc/net/tcp stay.')).toBe(
      'Type /prep help or `/prep answer &lt;text&gt;`; TCP/IP and /proc/net/tcp stay.',
    );
  });

  it('leaves every text of the bank as written when it rewrites command mentions', () => {
    for (const q of bank) expect(slackCommandMentions(JSON.stringify(q))).toBe(JSON.stringify(q));
  });

  it('turns the answer form into a modal within Slack’s limits, and the home into a home view', () => {
    for (const locale of LOCALES) {
      const modal = renderModal(answerForm(LONG_ID, 'a-rather-long-question-id-from-the-bank', locale), 'x'.repeat(200));
      expect(modal.type).toBe('modal');
      expect(modal.title.text.length).toBeLessThanOrEqual(L.modalTitle);
      expect(modal.submit?.text.length).toBeLessThanOrEqual(L.modalSubmit);
      expect(modal.callback_id?.length).toBeLessThanOrEqual(L.callbackId);
      expect(modal.blocks).toHaveLength(1);
      expect(modal.blocks[0]).toMatchObject({
        type: 'input',
        block_id: 'answer',
        optional: false,
        element: { type: 'plain_text_input', action_id: 'answer', multiline: true },
      });
      const element = (modal.blocks[0] as { element: { max_length: number } }).element;
      expect(element.max_length).toBeLessThanOrEqual(L.plainTextInputMax);
    }
    const tooLong = renderModal(answerForm('i1', undefined, 'en'), 'x'.repeat(L.privateMetadata + 1));
    expect(tooLong.private_metadata).toBe('');
    const home = renderHome({ visibility: 'private', title: 'PrepBot', text: 'x'.repeat(200_000) });
    expect(home.type).toBe('home');
    expectBlocksWithinLimits(home.blocks, L.blocksPerView);
    expect(home.blocks.length).toBeGreaterThan(L.blocksPerMessage);
  });
});
