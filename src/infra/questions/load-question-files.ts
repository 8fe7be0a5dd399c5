import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { type Document, isMap, isPair, isScalar, LineCounter, type Node, parseDocument, visit } from 'yaml';
import type { z } from 'zod';
import { describeDuplicateFact, findDuplicateFacts } from '../../core/questions/duplicate-facts.js';
import { findLengthGiveaways, GIVEAWAY_RATIO } from '../../core/questions/length-giveaways.js';
import { findNearDuplicates } from '../../core/questions/near-duplicates.js';
import { type Question, questionFileSchema } from '../../core/questions/schema.js';
import { findSourceMentions } from '../../core/questions/source-mentions.js';

/** One problem in the bank, pointing at the file and line a person should fix. */
export interface BankProblem {
  file: string;
  /** Absent when the problem is the file as a whole (empty, a directory, a broken link). */
  line?: number;
  message: string;
  /** Warnings (likely duplicates, answers given away by length) fail the checker but do not stop the bot. */
  severity: 'error' | 'warning';
}

export interface LoadedBank {
  questions: Question[];
  problems: BankProblem[];
}

export function formatProblem(p: BankProblem): string {
  return `${p.file}${p.line === undefined ? '' : `:${p.line}`}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

type PathKey = string | number;

/** Finds the YAML node a zod issue path points to, walking up until something exists. */
function nodeAt(doc: Document, path: readonly PathKey[], unknownKey?: string): Node | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as Node | null | undefined;
    if (node === null || typeof node !== 'object' || !('range' in node)) continue;
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

/** True when the last key of `path` is not in its parent object at all (as opposed to present but wrong). */
function isAbsent(data: unknown, path: readonly PathKey[]): boolean {
  const last = path.at(-1);
  if (last === undefined) return false;
  const parent = valueAt(data, path.slice(0, -1));
  return parent !== null && typeof parent === 'object' && !Array.isArray(parent) && !(last in parent);
}

function describe(issue: z.core.$ZodIssue, data: unknown): { message: string; unknownKey?: string } {
  const path = issue.path as PathKey[];
  const where = path.length > 0 ? `${path.join('.')}: ` : '';
  if (issue.code === 'unrecognized_keys') {
    return { message: `${where}unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`, unknownKey: issue.keys[0] };
  }
  // zod words an absent enum or discriminator as "Invalid option"; an author needs to hear the field is missing.
  if ((issue.code === 'invalid_type' && valueAt(data, path) === undefined) || isAbsent(data, path)) {
    const choices = issue.code === 'invalid_value' ? ` (one of ${issue.values.map(String).join(', ')})` : '';
    return { message: `${where}missing required field${choices}` };
  }
  if (issue.code === 'invalid_value' && valueAt(data, path) === '') {
    return { message: `${where}has no value (one of ${issue.values.map(String).join(', ')})` };
  }
  return { message: `${where}${issue.message}` };
}

/** Aliases expanded per document at most; the bank uses a few, a "billion laughs" file needs thousands. */
const MAX_ALIAS_COUNT = 100;

/** C0 controls but tab and newline, DEL and C1 controls: invisible in chat and in review, never meant. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_CHAR = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** Every string in the parsed file that holds a control character, with its path. */
function findControlChars(data: unknown, path: PathKey[] = [], found: { path: PathKey[]; char: string }[] = []) {
  if (typeof data === 'string') {
    const char = CONTROL_CHAR.exec(data)?.[0];
    if (char !== undefined) found.push({ path, char });
  } else if (Array.isArray(data)) {
    for (const [i, v] of data.entries()) findControlChars(v, [...path, i], found);
  } else if (data !== null && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) findControlChars(v, [...path, k], found);
  }
  return found;
}

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
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
  if (doc.contents === null) {
    return {
      questions: [],
      problems: [{ file: displayName, message: 'the file is empty (expected topic: and items:)', severity: 'error' }],
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // yaml throws (ReferenceError) when expanding aliases would blow up; point at the first alias.
    let first: Node | undefined;
    visit(doc, {
      Alias(_, node) {
        first = node;
        return visit.BREAK;
      },
    });
    const reason = err instanceof Error ? err.message : String(err);
    const line = first?.range ? lineOf(first.range[0]) : 1;
    return {
      questions: [],
      problems: [{ file: displayName, line, message: `YAML: aliases expand too far (${reason})`, severity: 'error' }],
    };
  }
  for (const { path, char } of findControlChars(data)) {
    const node = nodeAt(doc, path);
    // A raw character points at its own line, even deep in a block scalar; an escape ("\x01") at the scalar.
    const raw = node?.range ? source.slice(node.range[0], node.range[1]).indexOf(char) : -1;
    const offset = node?.range ? node.range[0] + Math.max(raw, 0) : 0;
    const message = `${path.join('.')}: control character ${codePoint(char)} is not allowed in text (only tab and newline are)`;
    problems.push({ file: displayName, line: lineOf(offset), message, severity: 'error' });
  }
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
  if (problems.length > 0) return { questions: [], problems };
  const questions = parsed.data.items.map((item) => ({ ...item, topic: parsed.data.topic }) as Question);
  return { questions, problems };
}

/**
 * Line of the `id:` of item `index` (or of `field` inside it, e.g. ['explanation', 'en']); only runs
 * when there is a problem to report, parsing each file once.
 */
function itemLine(
  source: string,
  index: number,
  cache: Map<string, { doc: Document; lineCounter: LineCounter }>,
  field: readonly PathKey[] = ['id'],
): number {
  let parsed = cache.get(source);
  if (!parsed) {
    const lineCounter = new LineCounter();
    parsed = { doc: parseDocument(source, { lineCounter }), lineCounter };
    cache.set(source, parsed);
  }
  const node = parsed.doc.getIn(['items', index, ...field], true) as Node | undefined;
  return node?.range ? parsed.lineCounter.linePos(node.range[0]).line : 1;
}

/** The file's text, or the reason it has none: a directory or a dangling link is a problem, not a crash. */
function readQuestionFile(path: string, display: string): string | BankProblem {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const problem = (message: string): BankProblem => ({ file: display, message, severity: 'error' });
    if (code === 'EISDIR') return problem('is a directory, not a question file');
    if (code === 'ENOENT' && isSymlink(path)) return problem(`is a symbolic link to ${readlinkSync(path)}, which does not exist`);
    if (code === 'ELOOP') return problem('is a symbolic link that loops');
    return problem(`cannot read the file: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
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
    const source = readQuestionFile(path, display);
    if (typeof source !== 'string') {
      problems.push(source);
      continue;
    }
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
  for (const { question, path, word, kind } of findSourceMentions(questions)) {
    const at = located.get(question);
    if (!at) continue;
    problems.push({
      file: at.file,
      line: itemLine(at.source, at.index, lines, path),
      message: `learner-facing text ${kind === 'origin' ? 'mentions its source' : 'cites literature in general'} ("${word}"): ${path.join('.')} of "${question.id}"`,
      severity: 'error',
    });
  }
  for (const found of findDuplicateFacts(questions)) {
    const at = located.get(found.question);
    if (!at) continue;
    problems.push({
      file: at.file,
      line: itemLine(at.source, at.index, lines, found.path),
      message: describeDuplicateFact(found),
      severity: 'error',
    });
  }
  return { questions, problems };
}
