import { normalizeText } from './normalize-text.js';

/**
 * One word of a sentence in the normalised text. A Latin word is a compound: letters and digits joined by
 * `-`, `+`, `/`, `_`, `.`, `:` or an apostrophe ("SYN-ACK", "x+1", "don't") is one word, so "SYN" is not found
 * inside "SYN-ACK" nor "blocking" inside "non-blocking". Chinese runs are split into words by the ICU
 * word segmenter (Intl.Segmenter), which is what negation scope and word counts need.
 */
export interface SentenceWord {
  start: number;
  end: number;
  /** Comma-level clause index within the sentence: negation does not reach across a clause. */
  clause: number;
  latin: boolean;
  /** Written as a technical term: a Latin word with capitals and no small letters ("ACK", "TIME_WAIT"), or with digits. */
  term: boolean;
}

/** A sentence of the answer: the raw text (for quotes) and its normalised form with word positions. */
export interface AnswerSentence {
  raw: string;
  /** Each clause as written with its closing mark, for quoting the part of a sentence that stated a point. */
  clauses: string[];
  /** Per clause, whether a Chinese full-width comma (，) ends it: Chinese separates statements with it, and lists with 、. */
  statementComma: boolean[];
  /** Whether a colon separates clauses: "四个必要条件：互斥、请求与保持……" is a statement with its enumeration. */
  hasColon: boolean;
  text: string;
  words: SentenceWord[];
  /** Positions where a word starts / ends (a Latin compound is one word), and where a compound's parts meet ("syn|ack"). */
  wordStarts: ReadonlySet<number>;
  wordEnds: ReadonlySet<number>;
  partBoundaries: ReadonlySet<number>;
}

/** Sentence ends: . ! ? followed by a space, ; and their full-width forms, and line breaks. */
const SENTENCE_SPLIT = /(?<=[.!?])\s+|[;；。！？!?\n\r]+/u;
/** Clause marks inside a sentence (brackets and quotes are not: `start()` or an aside stays in its clause). */
const CLAUSE_MARK = /[,，、:：]/u;
const LATIN = /[a-z0-9]/;
const DIGIT = /[0-9]/;
const CONNECTOR = /[-+/_.:'’]/;
const OTHER_LETTER = /[\p{L}\p{N}]/u;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

interface Builder {
  text: string;
  words: SentenceWord[];
  wordStarts: Set<number>;
  wordEnds: Set<number>;
  partBoundaries: Set<number>;
}

function addWord(b: Builder, word: SentenceWord): void {
  b.wordStarts.add(word.start);
  b.wordEnds.add(word.end);
  b.words.push(word);
}

function addLatinWord(b: Builder, parts: string[], members: boolean[], clause: number, term: boolean): void {
  const start = b.text.length;
  parts.forEach((part, i) => {
    if (i > 0 && members[i - 1]) {
      b.wordEnds.add(b.text.length);
      b.wordStarts.add(b.text.length);
    } else if (i > 0) b.partBoundaries.add(b.text.length);
    b.text += part;
  });
  addWord(b, { start, end: b.text.length, clause, latin: true, term: term || /[0-9]/.test(b.text.slice(start)) });
}

function addOtherRun(b: Builder, run: string, clause: number): void {
  const normalised = normalizeText(run);
  if (normalised === '') return;
  const base = b.text.length;
  b.text += normalised;
  for (const { segment, index, isWordLike } of segmenter.segment(normalised)) {
    if (isWordLike === false && !OTHER_LETTER.test(segment)) continue;
    addWord(b, { start: base + index, end: base + index + segment.length, clause, latin: false, term: false });
  }
}

/** Splits one sentence into words; the normalised text is the words concatenated (like normalizeText). */
function analyseSentence(raw: string): AnswerSentence {
  const original = raw.normalize('NFKC');
  const lower = original.toLowerCase();
  const b: Builder = { text: '', words: [], wordStarts: new Set(), wordEnds: new Set(), partBoundaries: new Set() };
  const clauseStarts = [0];
  const statementComma: boolean[] = [];
  let hasColon = false;
  let clause = 0;
  let i = 0;
  while (i < lower.length) {
    const c = lower[i] as string;
    if (LATIN.test(c)) {
      const from = i;
      const parts: string[] = [];
      // Whether each join is a dot: in `p.join` or `asyncio.sleep` the names after a dot are words too.
      const members: boolean[] = [];
      let current = '';
      while (i < lower.length) {
        const ch = lower[i] as string;
        if (LATIN.test(ch)) {
          current += ch;
          i++;
        } else if (ch === '.' && DIGIT.test(current.at(-1) ?? '') && DIGIT.test(lower[i + 1] ?? '')) {
          // A decimal point or an address stays, as normalizeText keeps it: 1.5, 127.0.0.1.
          current += ch;
          i++;
        } else if (CONNECTOR.test(ch) && LATIN.test(lower[i + 1] ?? '') && current !== '') {
          // An apostrophe joins without a part boundary: "don't" is the word "dont".
          if (ch !== "'" && ch !== '’') {
            parts.push(current);
            members.push(ch === '.');
            current = '';
          }
          i++;
        } else break;
      }
      parts.push(current);
      const written = original.slice(from, i);
      addLatinWord(b, parts, members, clause, /\p{Lu}/u.test(written) && !/\p{Ll}/u.test(written));
    } else if (OTHER_LETTER.test(c)) {
      let run = '';
      while (i < lower.length && OTHER_LETTER.test(lower[i] as string) && !LATIN.test(lower[i] as string)) run += lower[i++];
      addOtherRun(b, run, clause);
    } else {
      if (CLAUSE_MARK.test(c)) {
        statementComma[clause] = raw[i] === '，';
        if (c === ':' || c === '：') hasColon = true;
        clause++;
        clauseStarts.push(i + 1);
      }
      i++;
    }
  }
  // Quote what the user typed (full-width marks and all) when NFKC kept every position.
  const quoted = raw.length === original.length ? raw : original;
  const clauses = clauseStarts.map((start, k) => quoted.slice(start, clauseStarts[k + 1] ?? quoted.length));
  return { raw: raw.trim(), clauses, statementComma, hasColon, ...b };
}

/** The answer's sentences, empty ones dropped. */
export function answerSentences(answer: string): AnswerSentence[] {
  return answer
    .split(SENTENCE_SPLIT)
    .map(analyseSentence)
    .filter((s) => s.text !== '');
}

/** The index of the word holding position `at` (the last word starting at or before it). */
export function wordIndexAt(sentence: AnswerSentence, at: number): number {
  let lo = 0;
  let hi = sentence.words.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sentence.words[mid] as SentenceWord).start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
