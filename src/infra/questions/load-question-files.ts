import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { type Document, isMap, isPair, isScalar, LineCounter, type Node, parseDocument } from 'yaml';
import type { z } from 'zod';
import { findLengthGiveaways, GIVEAWAY_RATIO } from '../../core/questions/length-giveaways.js';
import { findNearDuplicates } from '../../core/questions/near-duplicates.js';
import { type Question, questionFileSchema } from '../../core/questions/schema.js';

/** One problem in the bank, pointing at the file and line a person should fix. */
export interface BankProblem {
  file: string;
  line: number;
  message: string;
  /** Warnings (likely duplicates, answers given away by length) fail the checker but do not stop the bot. */
  severity: 'error' | 'warning';
}

export interface LoadedBank {
  questions: Question[];
  problems: BankProblem[];
}

export function formatProblem(p: BankProblem): string {
  return `${p.file}:${p.line}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

type PathKey = string | number;

/** Finds the YAML node a zod issue path points to, walking up until something exists. */
function nodeAt(doc: Document, path: readonly PathKey[], unknownKey?: string): Node | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
    if (node === undefined || !('range' in node)) continue;
    if (unknownKey !== undefined && n === path.length && isMap(node)) {
      const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && it.key.value === unknownKey);
      if (pair && isScalar(pair.key)) return pair.key;
    }
    return node;
  }
  return doc.contents ?? undefined;
}

/** The raw value at a zod issue path (zod does not always report the input it rejected). */
function valueAt(data: unknown, path: readonly PathKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PathKey, unknown>)[key];
  }
  return current;
}

function describe(issue: z.core.$ZodIssue, data: unknown): { message: string; unknownKey?: string } {
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  if (issue.code === 'unrecognized_keys') {
    return { message: `${where}unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`, unknownKey: issue.keys[0] };
  }
  if (issue.code === 'invalid_type' && valueAt(data, issue.path as PathKey[]) === undefined) {
    return { message: `${where}missing required field` };
  }
  return { message: `${where}${issue.message}` };
}

/** Parses and validates one file's text. Pure apart from its inputs, so tests can feed fixtures. */
export function parseQuestionFile(displayName: string, source: string): LoadedBank {
  const lineCounter = new LineCounter();
  // failsafe: every scalar stays a string (see schema.ts); it also skips the type guessing per scalar.
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'failsafe' });
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  const problems: BankProblem[] = [];
  for (const err of doc.errors) {
    problems.push({ file: displayName, line: lineOf(err.pos[0]), message: `YAML: ${err.message.split('\n')[0]}`, severity: 'error' });
  }
  if (problems.length > 0) return { questions: [], problems };
  const data: unknown = doc.toJS();
  const parsed = questionFileSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const { message, unknownKey } = describe(issue, data);
      const node = nodeAt(doc, issue.path as PathKey[], unknownKey);
      const line = node?.range ? lineOf(node.range[0]) : 1;
      problems.push({ file: displayName, line, message, severity: 'error' });
    }
    return { questions: [], problems };
  }
  const questions = parsed.data.items.map((item) => ({ ...item, topic: parsed.data.topic }) as Question);
  return { questions, problems };
}

/** Line of the `id:` of item `index` in a file, for problems found across files. */
/** Line of the `id:` of item `index`; only runs when there is a problem to report, parsing each file once. */
function itemLine(source: string, index: number, cache: Map<string, { doc: Document; lineCounter: LineCounter }>): number {
  let parsed = cache.get(source);
  if (!parsed) {
    const lineCounter = new LineCounter();
    parsed = { doc: parseDocument(source, { lineCounter }), lineCounter };
    cache.set(source, parsed);
  }
  const node = parsed.doc.getIn(['items', index, 'id'], true) as Node | undefined;
  return node?.range ? parsed.lineCounter.linePos(node.range[0]).line : 1;
}

/**
 * Loads every questions/*.yaml file. Problems from all files are collected, never thrown, so the
 * checker and the bot's start-up can list every one of them at once.
 */
export function loadQuestionFiles(dir: string, cwd = process.cwd()): LoadedBank {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.yaml') || n.endsWith('.yml'))
      .sort();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { questions: [], problems: [{ file: dir, line: 1, message: `cannot read the question folder: ${reason}`, severity: 'error' }] };
  }
  if (names.length === 0) {
    return { questions: [], problems: [{ file: dir, line: 1, message: 'no .yaml question files found', severity: 'error' }] };
  }
  const questions: Question[] = [];
  const problems: BankProblem[] = [];
  const lines = new Map<string, { doc: Document; lineCounter: LineCounter }>();
  const origin = new Map<string, { file: string; source: string; index: number }>();
  const located = new Map<Question, { file: string; source: string; index: number }>();
  for (const name of names) {
    const path = join(dir, name);
    const display = relative(cwd, path) || basename(path);
    const source = readFileSync(path, 'utf8');
    const result = parseQuestionFile(display, source);
    problems.push(...result.problems);
    result.questions.forEach((q, index) => {
      const first = origin.get(q.id);
      if (first) {
        problems.push({
          file: display,
          line: itemLine(source, index, lines),
          message: `duplicate id "${q.id}" (first defined at ${first.file}:${itemLine(first.source, first.index, lines)})`,
          severity: 'error',
        });
        return;
      }
      origin.set(q.id, { file: display, source, index });
      located.set(q, { file: display, source, index });
      questions.push(q);
    });
  }
  for (const [a, b] of findNearDuplicates(questions)) {
    const at = located.get(b);
    const first = located.get(a);
    if (!at || !first) continue;
    problems.push({
      file: at.file,
      line: itemLine(at.source, at.index, lines),
      message: `"${b.id}" looks like a duplicate of "${a.id}" (${first.file}:${itemLine(first.source, first.index, lines)}): their prompts are nearly the same`,
      severity: 'warning',
    });
  }
  for (const q of findLengthGiveaways(questions)) {
    const at = located.get(q);
    if (!at) continue;
    problems.push({
      file: at.file,
      line: itemLine(at.source, at.index, lines),
      message: `"${q.id}": the correct option${q.kind === 'multi' ? 's are' : ' is'} more than ${GIVEAWAY_RATIO}x longer than every wrong one, so length gives the answer away`,
      severity: 'warning',
    });
  }
  return { questions, problems };
}
