import { clip } from '../actions/clip.js';
import { localDate } from '../calendar.js';
import type { QuestionFlag } from '../flags/flag-ports.js';
import type { Locale } from '../i18n/catalog.js';
import type { OutboundMessage } from '../types.js';
import { HARDEST_MIN_ANSWERS, type ItemFigures, optionShares, type ReportFigures, topDistractor } from './report-figures.js';
import { rt } from './report-messages.js';

/**
 * Text of one report message. Under Slack's 3,000 characters a section and far under Discord's 4,096
 * an embed and 6,000 a message, title and footer included, so each page is one section or one embed.
 */
export const PAGE_CHARS = 2800;
/** Follow-ups past this are more than anyone reads; the last page says how to narrow the report. */
export const MAX_PAGES = 8;
/** Reasons shown per flagged question, newest first, and how much of each. */
export const REASONS_SHOWN = 2;
export const REASON_CHARS = 120;

const BAR_WIDTH = 10;
const pct = (x: number) => Math.round(x * 100);

export interface FlaggedItem {
  questionId: string;
  count: number;
  flags: readonly QuestionFlag[];
}

export interface ReportInput {
  scope: string;
  figures: ReportFigures;
  /** Every question with answers is listed in the accuracy part up to this many. */
  limit: number;
  flagged: readonly FlaggedItem[];
  names: ReadonlyMap<string, string>;
  /** Questions open in a channel, left out until their reveal. */
  held: number;
  timezone: string;
  locale: Locale;
}

/**
 * The report as blocks (a part's heading travels with its first row, so no page ends on a heading),
 * packed into as few pages as fit, each a private message.
 */
export function renderReport(input: ReportInput): OutboundMessage[] {
  const { locale, figures: f } = input;
  // A part starts after a blank line; its rows follow one another.
  const blocks: Block[] = [];
  const part = (heading: string, rows: string[], empty: string) => {
    const [first, ...rest] = rows.length > 0 ? rows : [empty];
    blocks.push({ text: `${heading}\n${first}`, gap: true }, ...rest.map((text) => ({ text, gap: false })));
  };

  blocks.push({
    gap: true,
    text:
      f.answers > 0
        ? rt(locale, 'report-summary', { answers: f.answers, questions: f.byAnswers.length, accuracy: pct(f.correct / f.answers) })
        : rt(locale, 'report-none'),
  });
  const accuracyRows = f.byAnswers
    .slice(0, input.limit)
    .map((i) => rt(locale, 'report-accuracy-row', { id: i.question.id, answers: i.answered, accuracy: pct(i.accuracy) }));
  if (f.byAnswers.length > input.limit) accuracyRows.push(rt(locale, 'report-more', { count: f.byAnswers.length - input.limit }));
  if (f.answers > 0) part(rt(locale, 'report-accuracy'), accuracyRows, '');

  part(
    rt(locale, 'report-hardest', { min: HARDEST_MIN_ANSWERS }),
    f.hardest.map((item, n) => hardestRow(item, n + 1, locale)),
    rt(locale, 'report-hardest-none', { min: HARDEST_MIN_ANSWERS }),
  );
  part(
    rt(locale, 'report-flagged'),
    input.flagged.map((item) => flaggedRow(item, input)),
    rt(locale, 'report-flagged-none'),
  );
  part(
    rt(locale, 'report-spread'),
    f.distributions.map((item) => spreadRow(item, locale)),
    rt(locale, 'report-spread-none'),
  );

  const footer = [rt(locale, 'report-footer'), input.held > 0 ? rt(locale, 'report-held', { count: input.held }) : '']
    .filter(Boolean)
    .join('\n');
  return paginate(rt(locale, 'report-title', { scope: input.scope }), blocks, footer, locale);
}

function hardestRow(item: ItemFigures, rank: number, locale: Locale): string {
  const row = rt(locale, 'report-hardest-row', {
    rank,
    id: item.question.id,
    accuracy: pct(item.accuracy),
    answers: item.answered,
    score: pct(item.meanScore),
  });
  const trap = topDistractor(item);
  return trap ? `${row}\n${rt(locale, 'report-hardest-distractor', { key: trap.key, count: trap.count, share: pct(trap.share) })}` : row;
}

function flaggedRow(item: FlaggedItem, input: ReportInput): string {
  const { locale } = input;
  const lines = [rt(locale, 'report-flagged-row', { id: item.questionId, count: item.count })];
  const reasoned = item.flags.filter((fl) => fl.reason);
  for (const fl of reasoned.slice(0, REASONS_SHOWN)) {
    lines.push(
      rt(locale, 'report-flag-reason', {
        reason: clip(fl.reason.replace(/\s+/g, ' '), REASON_CHARS),
        name: input.names.get(fl.userId) ?? fl.userId,
        date: localDate(new Date(fl.at), input.timezone),
      }),
    );
  }
  const silent = item.count - Math.min(reasoned.length, REASONS_SHOWN);
  if (silent > 0) lines.push(rt(locale, 'report-flag-silent', { count: silent }));
  return lines.join('\n');
}

/** A code block keeps the bars aligned on Discord and Slack; the console prints it as it is. */
function spreadRow(item: ItemFigures, locale: Locale): string {
  const shares = optionShares(item);
  const width = Math.max(...shares.map((o) => String(o.count).length));
  const bars = shares.map((o) => {
    const filled = Math.round(o.share * BAR_WIDTH);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
    return `${o.key} ${o.correct ? '✓' : ' '} ${bar} ${String(o.count).padStart(width)} ${`${pct(o.share)}%`.padStart(4)}`;
  });
  const head = rt(locale, 'report-spread-row', { id: item.question.id, answers: item.answered, accuracy: pct(item.accuracy) });
  return [head, '```', ...bars, '```'].join('\n');
}

/** Blocks packed in order into pages of at most PAGE_CHARS; a block is never split (only clipped if too long alone). */
export interface Block {
  text: string;
  /** A blank line before it (a new part), unless it starts a page. */
  gap: boolean;
}

export function paginate(title: string, blocks: readonly Block[], footer: string, locale: Locale): OutboundMessage[] {
  const note = rt(locale, 'report-clipped');
  // Room is kept for the note on every page, so adding it never cuts a block (or a code fence) short.
  const room = PAGE_CHARS - note.length - 2;
  const pages: string[] = [];
  let page = '';
  for (const block of blocks) {
    const piece = block.text.length > room ? clip(block.text, room) : block.text;
    const joined = page ? `${page}${block.gap ? '\n\n' : '\n'}${piece}` : piece;
    if (joined.length <= room) {
      page = joined;
      continue;
    }
    pages.push(page);
    page = piece;
  }
  if (page) pages.push(page);
  if (pages.length > MAX_PAGES) {
    pages.splice(MAX_PAGES);
    pages[MAX_PAGES - 1] = `${pages[MAX_PAGES - 1] ?? ''}\n\n${note}`;
  }
  return pages.map((text, i) => ({
    visibility: 'private',
    tone: 'info',
    title: pages.length > 1 ? rt(locale, 'report-page', { title, page: i + 1, pages: pages.length }) : title,
    text,
    footer: i === pages.length - 1 ? footer : undefined,
  }));
}
