import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS } from '../../src/adapters/discord/discord-limits.js';
import { renderMessage as renderDiscord } from '../../src/adapters/discord/render.js';
import { renderMessage as renderSlack } from '../../src/adapters/slack/render.js';
import { SLACK_LIMITS } from '../../src/adapters/slack/slack-limits.js';
import type { QuestionFlag } from '../../src/core/flags/flag-ports.js';
import type { Question } from '../../src/core/questions/schema.js';
import type { QuestionStats } from '../../src/core/report/question-stats.js';
import { MAX_PAGES, PAGE_CHARS, REASON_CHARS, renderReport } from '../../src/core/report/render-report.js';
import { HARDEST_MIN_ANSWERS, reportFigures, topDistractor } from '../../src/core/report/report-figures.js';

const L = (s: string) => ({ zh: s, en: s });

/** A choice question with eight long options, the widest a distribution gets. */
function choice(n: number): Question {
  return {
    id: `q-${'long-name-'.repeat(3)}${n}`,
    topic: 'tcp-udp',
    kind: 'multi',
    difficulty: 2,
    tags: ['tcp'],
    sources: [{ file: '000_550b11292ffd921e.txt', ref: '#1' }],
    prompt: L(`Prompt ${n}`),
    options: (['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const).map((key) => ({ key, text: L(key), why: L(key) })),
    answer: ['A', 'B'],
    explanation: L('because'),
  };
}

const pool = Array.from({ length: 40 }, (_, i) => choice(i));
const stats = new Map<string, QuestionStats>(
  pool.map((q, i) => [q.id, { answered: 1000 + i, correct: 10 * i, score: 10 * i, picked: { A: 900, B: 500, C: 400 + i, H: 999 } }]),
);
const flag = (i: number): QuestionFlag => ({
  userId: `U${i}`,
  reason: `<&> ${'a long reason with many words '.repeat(20)}`,
  at: Date.UTC(2026, 4, 4),
  instanceId: `i${i}`,
  mode: 'quiz',
});

function report(limit: number, locale: 'zh' | 'en') {
  return renderReport({
    scope: 'tcp-udp',
    figures: reportFigures(pool, stats, limit),
    limit,
    flagged: pool.slice(0, limit).map((q, i) => ({ questionId: q.id, count: 30 + i, flags: [flag(1), flag(2), flag(3)] })),
    names: new Map([['U1', 'a member with a long display name'.repeat(3)]]),
    held: 2,
    timezone: 'UTC',
    locale,
  });
}

describe('the question report fits every platform', () => {
  it('ranks the hardest by accuracy with a minimum sample, and names the distractor that catches most', () => {
    const few = new Map<string, QuestionStats>([
      [pool[0]?.id ?? '', { answered: HARDEST_MIN_ANSWERS - 1, correct: 0, score: 0, picked: { C: 4 } }],
      [pool[1]?.id ?? '', { answered: HARDEST_MIN_ANSWERS, correct: 1, score: 1, picked: { A: 5, C: 1, D: 3 } }],
      [pool[2]?.id ?? '', { answered: 10, correct: 5, score: 5, picked: { A: 10 } }],
    ]);
    const f = reportFigures(pool, few, 10);
    expect(f.hardest.map((i) => i.question.id)).toEqual([pool[1]?.id, pool[2]?.id]); // the 4-answer item is too small to rank
    expect(f.byAnswers.map((i) => i.question.id)).toEqual([pool[2]?.id, pool[1]?.id, pool[0]?.id]);
    expect(f.distributions.map((i) => i.question.id)).toEqual([pool[1]?.id, pool[2]?.id, pool[0]?.id]);
    expect(f.hardest[0] && topDistractor(f.hardest[0])).toMatchObject({ key: 'D', count: 3, share: 0.6 });
  });

  for (const locale of ['en', 'zh'] as const) {
    it(`pages the largest report (${locale}) within Slack's and Discord's limits, never splitting a code block`, () => {
      const pages = report(25, locale);
      expect(pages.length).toBeGreaterThan(1);
      expect(pages.length).toBeLessThanOrEqual(MAX_PAGES);
      pages.forEach((page, i) => {
        expect(page.visibility).toBe('private');
        expect(page.text.length).toBeLessThanOrEqual(PAGE_CHARS);
        expect(page.title).toContain(`${i + 1}/${pages.length}`);
        expect((page.text.match(/```/g) ?? []).length % 2, page.text).toBe(0);
        const slack = renderSlack(page);
        expect(slack.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
        for (const block of slack.blocks) {
          if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
        }
        const discord = renderDiscord(page);
        const total = discord.embeds.reduce(
          (n, e) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0),
          0,
        );
        expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
        // One embed a page: nothing of the page is clipped by Discord's splitting.
        expect(discord.embeds).toHaveLength(1);
        expect(discord.embeds[0]?.description).toBe(page.text);
      });
      expect(pages.at(-1)?.footer).toContain(locale === 'en' ? '2 question(s) open' : '2 道');
      const all = pages.map((p) => p.text).join('\n');
      // Reasons are clipped, and only the latest two of each question are shown.
      const longest = Math.max(...all.split('\n').map((line) => line.length));
      expect(longest).toBeLessThan(REASON_CHARS + 200);
    });
  }

  it('a report with more than MAX_PAGES pages says how to narrow it; the default limit fits without', () => {
    const pages = report(10, 'en');
    expect(pages.length).toBeLessThanOrEqual(4);
    const everything = renderReport({
      scope: 'all',
      figures: reportFigures(pool, stats, 40),
      limit: 40,
      flagged: pool.map((q, i) => ({ questionId: q.id, count: 3, flags: [flag(i), flag(i + 1)] })),
      names: new Map(),
      held: 0,
      timezone: 'UTC',
      locale: 'en',
    });
    expect(everything).toHaveLength(MAX_PAGES);
    expect(everything.at(-1)?.text).toMatch(/more than fits: name a topic or a smaller limit\.$/);
    expect(everything.at(-1)?.text.length).toBeLessThanOrEqual(PAGE_CHARS);
    expect(pages.at(-1)?.text).not.toContain('more than fits');
  });
});
