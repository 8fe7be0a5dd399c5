import type { Localized, Question } from './schema.js';

/**
 * Pairs of items known to test the same fact, or one item whose shown text (prompt and option texts,
 * what a learner reads before answering) states another item's answer. Found by review; kept here so
 * a later edit cannot bring them back. `shows` absent: the two items must not both be in the bank.
 */
export interface KnownDuplicateFact {
  item: string;
  other: string;
  /** What `item`'s shown text must not contain while `other` is in the bank. */
  shows?: RegExp;
  /** The fact at stake, for the author reading the problem. */
  fact: string;
}

export const KNOWN_DUPLICATE_FACTS: readonly KnownDuplicateFact[] = [
  {
    item: 'mp-queue-argument-to-pool',
    other: 'pool-with-plain-mp-queue',
    fact: 'a multiprocessing.Queue passed as a Pool task argument raises RuntimeError',
  },
  {
    item: 'asyncio-linux-readiness-mechanism',
    other: 'selectors-default-linux',
    fact: 'on Linux, DefaultSelector and so asyncio wait with epoll',
  },
  {
    item: 'select-fd-setsize-value-limit',
    other: 'fd-setsize-default',
    shows: /\b1024\b|一千零二十四/,
    fact: "glibc's default FD_SETSIZE is 1024",
  },
  {
    item: 'traceroute-icmp-messages',
    other: 'icmp-time-exceeded-type',
    shows: /\b11\b|十一/,
    fact: 'ICMP Time Exceeded is type 11',
  },
  {
    item: 'ts-connection-refused-cause',
    other: 'ts-refused-reply-flag',
    shows: /\bRST\b|\breset\b|复位|重置/i,
    fact: 'a closed port answers a SYN with RST',
  },
  {
    item: 'ts-refused-reply-flag',
    other: 'ts-connection-refused-cause',
    shows:
      /\bnothing\b[^.?]{0,20}\blisten|\bno (?:process|program|service|server|socket)\b[^.?]{0,30}\blisten|无人监听|(?:没有|无)[^，。？]{0,6}监听/i,
    fact: '"Connection refused" at once means nothing listens on the port',
  },
];

export interface DuplicateFact {
  entry: KnownDuplicateFact;
  question: Question;
  /** Where the giveaway is, e.g. ['options', 0, 'text', 'en']; absent for a pair that must not coexist. */
  path?: (string | number)[];
  /** The text that gave the fact away. */
  word?: string;
}

/** What a learner reads before answering: the prompt and, for choice items, the option texts. */
function shownTexts(q: Question): { path: (string | number)[]; text: Localized }[] {
  const texts: { path: (string | number)[]; text: Localized }[] = [{ path: ['prompt'], text: q.prompt }];
  if (q.kind === 'single' || q.kind === 'multi') {
    for (const [i, o] of q.options.entries()) texts.push({ path: ['options', i, 'text'], text: o.text });
  }
  return texts;
}

/** Every known duplicate fact present in the bank: both items of a pair, or a giveaway in an item's shown text. */
export function findDuplicateFacts(
  questions: readonly Question[],
  known: readonly KnownDuplicateFact[] = KNOWN_DUPLICATE_FACTS,
): DuplicateFact[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const found: DuplicateFact[] = [];
  for (const entry of known) {
    const question = byId.get(entry.item);
    if (!question || !byId.has(entry.other)) continue;
    if (!entry.shows) {
      found.push({ entry, question });
      continue;
    }
    for (const { path, text } of shownTexts(question)) {
      for (const lang of ['zh', 'en'] as const) {
        const m = entry.shows.exec(text[lang]);
        if (m) found.push({ entry, question, path: [...path, lang], word: m[0] });
      }
    }
  }
  return found;
}

/** The checker's message for one finding. */
export function describeDuplicateFact(d: DuplicateFact): string {
  const { item, other, fact } = d.entry;
  if (d.path === undefined) return `"${item}" asks the same as "${other}" (${fact}): merge them or make one ask something else`;
  return `"${item}" gives away the answer to "${other}": ${d.path.join('.')} shows "${d.word}" (${fact})`;
}
