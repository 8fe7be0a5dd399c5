import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, loadQuestionFiles, parseQuestionFile } from '../../src/infra/questions/load-question-files.js';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'bad-questions');
const messagesFor = (rule: string) => loadQuestionFiles(join(fixtures, rule), root).problems.map(formatProblem);

describe('question file checker: one broken fixture per rule, reported as file:line: message', () => {
  const at = (rule: string, file = 'tcp.yaml') => `test/fixtures/bad-questions/${rule}/${file}`;
  it.each([
    ['unknown-field', [`${at('unknown-field')}:20: items.0: unknown field "hint"`]],
    ['missing-language', [`${at('missing-language')}:10: items.0.prompt.en: missing required field`]],
    ['answer-not-option', [`${at('answer-not-option')}:19: items.0.answer: answer E is not among the options`]],
    ['duplicate-id', [`${at('duplicate-id', 'b.yaml')}:3: duplicate id "good-one" (first defined at ${at('duplicate-id', 'a.yaml')}:3)`]],
    ['multi-one-correct', [`${at('multi-one-correct')}:19: items.0.answer: a multi item needs at least two correct options`]],
    [
      'near-duplicate',
      [
        `${at('near-duplicate')}:21: warning: "q-two" looks like a duplicate of "q-one" (${at('near-duplicate')}:3): their prompts are nearly the same`,
      ],
    ],
    [
      'unknown-kind',
      [`${at('unknown-kind')}:4: items.0.kind: Invalid discriminator value. Expected 'single' | 'multi' | 'short' | 'open'`],
    ],
    [
      'length-giveaway',
      [
        `${at('length-giveaway')}:3: warning: "giveaway": the correct option is more than 1.4x longer than every wrong one, so length gives the answer away`,
      ],
    ],
    [
      'source-mention',
      [
        `${at('source-mention')}:13: learner-facing text mentions its source ("种子"): options.2.why.zh of "handshake"`,
        `${at('source-mention')}:17: learner-facing text mentions its source ("seed"): explanation.en of "handshake"`,
      ],
    ],
    [
      'yaml-syntax',
      [
        `${at('yaml-syntax')}:11: YAML: Nested mappings are not allowed in compact mappings`,
        `${at('yaml-syntax')}:11: YAML: Nested mappings are not allowed in compact mappings`,
        `${at('yaml-syntax')}:12: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`,
      ],
    ],
  ])('%s', (rule, expected) => {
    expect(messagesFor(rule)).toEqual(expected);
  });

  it('loads a valid file with the topic stamped on every item', () => {
    const bank = loadQuestionFiles(join(fixtures, 'duplicate-id'));
    expect(bank.questions.map((q) => [q.id, q.topic])).toEqual([['good-one', 'tcp-udp']]);
  });

  it('reports a missing folder instead of throwing', () => {
    const { problems } = loadQuestionFiles(join(fixtures, 'no-such-folder'));
    expect(problems[0]?.message).toMatch(/cannot read the question folder/);
  });
});

/** A valid single-choice file; `edit` breaks it in one place. */
const goodFile = (edit: (yaml: string) => string = (y) => y) =>
  edit(`topic: tcp-udp
items:
  - id: q
    kind: single
    difficulty: 1
    tags: [x]
    sources: [{ file: 000_550b11292ffd921e.txt, ref: "#1" }]
    prompt: { zh: 几个？, en: How many? }
    options:
      - { key: A, text: { zh: 甲, en: a }, why: { zh: 甲, en: a } }
      - { key: B, text: { zh: 乙, en: b }, why: { zh: 乙, en: b } }
    answer: A
    explanation: { zh: 三个, en: three }
`);

const billionLaughs = `topic: tcp-udp
a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
`;

describe('the loader never throws: every malformed file is a file:line (or file) problem', () => {
  const base = mkdtempSync(join(tmpdir(), 'prepbot-bank-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  let n = 0;
  /** A fresh folder holding one good file and whatever `setup` adds; returns its problems as the checker prints them. */
  const check = (setup: (dir: string) => void) => {
    const dir = join(base, `case-${n++}`);
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'a-good.yaml'),
      goodFile((y) => y.replace('id: q', 'id: good')),
    );
    setup(dir);
    return loadQuestionFiles(dir, dir).problems.map(formatProblem);
  };

  it.each([
    ['an empty file', (d: string) => writeFileSync(join(d, 'x.yaml'), ''), 'x.yaml: the file is empty (expected topic: and items:)'],
    [
      'a file of comments only',
      (d: string) => writeFileSync(join(d, 'x.yaml'), '# todo\n\n'),
      'x.yaml: the file is empty (expected topic: and items:)',
    ],
    [
      'a YAML alias bomb',
      (d: string) => writeFileSync(join(d, 'x.yaml'), billionLaughs),
      'x.yaml:3: YAML: aliases expand too far (Excessive alias count indicates a resource exhaustion attack)',
    ],
    ['a directory named x.yaml', (d: string) => mkdirSync(join(d, 'x.yaml')), 'x.yaml: is a directory, not a question file'],
    [
      'a dangling symlink',
      (d: string) => symlinkSync('gone.yaml', join(d, 'x.yaml')),
      'x.yaml: is a symbolic link to gone.yaml, which does not exist',
    ],
    ['a symlink loop', (d: string) => symlinkSync('x.yaml', join(d, 'x.yaml')), 'x.yaml: is a symbolic link that loops'],
    [
      'a missing answer',
      (d: string) =>
        writeFileSync(
          join(d, 'x.yaml'),
          goodFile((y) => y.replace('    answer: A\n', '')),
        ),
      'x.yaml:3: items.0.answer: missing required field (one of A, B, C, D, E, F, G, H)',
    ],
    [
      'an answer with no value',
      (d: string) =>
        writeFileSync(
          join(d, 'x.yaml'),
          goodFile((y) => y.replace('answer: A', 'answer:')),
        ),
      'x.yaml:12: items.0.answer: has no value (one of A, B, C, D, E, F, G, H)',
    ],
    [
      'a missing kind',
      (d: string) =>
        writeFileSync(
          join(d, 'x.yaml'),
          goodFile((y) => y.replace('    kind: single\n', '')),
        ),
      'x.yaml:3: items.0.kind: missing required field',
    ],
    [
      'a raw NUL in a text',
      (d: string) =>
        writeFileSync(
          join(d, 'x.yaml'),
          goodFile((y) => y.replace('How many?', 'How\u0000 many?')),
        ),
      'x.yaml:8: items.0.prompt.en: control character U+0000 is not allowed in text (only tab and newline are)',
    ],
    [
      'an escaped control character in a quoted text',
      (d: string) =>
        writeFileSync(
          join(d, 'x.yaml'),
          goodFile((y) => y.replace('en: three', 'en: "th\\x1bree"')),
        ),
      'x.yaml:13: items.0.explanation.en: control character U+001B is not allowed in text (only tab and newline are)',
    ],
    [
      'a control character deep in a block text, at its own line',
      (d: string) =>
        writeFileSync(
          join(d, 'x.yaml'),
          goodFile((y) =>
            y.replace('prompt: { zh: 几个？, en: How many? }', 'prompt:\n      zh: 几个？\n      en: |\n        How\n        ma\u0007ny?'),
          ),
        ),
      'x.yaml:12: items.0.prompt.en: control character U+0007 is not allowed in text (only tab and newline are)',
    ],
  ])('%s', (_name, setup, expected) => {
    expect(check(setup)).toEqual([expected]);
  });

  it('keeps tabs, newlines and CRLF line ends in texts', () => {
    const crlf = goodFile((y) => y.replace('en: three', 'en: "a\\tb\\nc"')).replace(/\n/g, '\r\n');
    const { questions, problems } = parseQuestionFile('x.yaml', crlf);
    expect(problems).toEqual([]);
    expect(questions[0]?.explanation?.en).toBe('a\tb\nc');
  });

  it('returns problems, never throws, for any text at all', () => {
    const yamlish = fc.string({
      unit: fc.constantFrom(...'ab:-[]{}&*!|>\'"#% \n\t\u0000?,', 'topic: ', 'items:', '- id: ', '&x ', '*x', '---\n'),
    });
    fc.assert(
      fc.property(yamlish, (source) => {
        const { problems } = parseQuestionFile('x.yaml', source);
        expect(problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('npm run questions:check passes on the real bank', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/questions-check.ts'], { cwd: root, encoding: 'utf8' });
    expect(out).toMatch(/^ok: \d+ questions/m);
    // The figures come first: learners must not be able to guess by length, by count, or from another item.
    expect(out).toMatch(/^length cue: \d+ of \d+ single items \(\d+%\) have the correct option strictly longest/m);
    expect(out).toMatch(/^multi-select: correct\/option counts: (?:\d+\/\d+: \d+(?:, )?)+ \(of \d+ multi items\)$/m);
    expect(out).toMatch(/^duplicate facts: 0$/m);
    expect(out).toMatch(/^source mentions: 0$/m);
  });
});

describe('scalars stay text unless a field is numeric', () => {
  const base = (difficulty: string, accept: string) => `topic: gil
items:
  - id: q
    kind: short
    difficulty: ${difficulty}
    tags: [gil]
    sources: [{ file: 000_550b11292ffd921e.txt, ref: "#14" }]
    prompt: { zh: 几个？, en: How many? }
    accept: ${accept}
    numeric: { value: 3, unit: count, tolerance: 0.5 }
    explanation: { zh: 三个, en: three }
`;
  it('reads numbers in numeric fields and keeps an unquoted 3 or yes as accepted text', () => {
    const { questions, problems } = parseQuestionFile('q.yaml', base('2', '[3, yes, 3.0]'));
    expect(problems).toEqual([]);
    const q = questions[0];
    expect(q?.difficulty).toBe(2);
    expect(q?.kind === 'short' && [q.accept, q.numeric]).toEqual([['3', 'yes', '3.0'], { value: 3, unit: 'count', tolerance: 0.5 }]);
  });

  it.each([
    ['4', 'must be 1, 2 or 3'],
    ['two', 'must be a number'],
  ])('rejects difficulty %s with a clear message', (difficulty, message) => {
    const { problems } = parseQuestionFile('q.yaml', base(difficulty, '[x]'));
    expect(problems.map((p) => `${p.line}: ${p.message}`)).toEqual([`5: items.0.difficulty: ${message}`]);
  });
});
