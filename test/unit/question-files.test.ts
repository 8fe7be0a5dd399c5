import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadQuestionFiles, parseQuestionFile } from '../../src/infra/questions/load-question-files.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'bad-questions');
const messagesFor = (rule: string) =>
  loadQuestionFiles(join(fixtures, rule), join(import.meta.dirname, '..', '..')).problems.map(formatProblem);

describe('question file checker: one broken fixture per rule, reported as file:line: message', () => {
  it.each([
    ['unknown-field', 'test/fixtures/bad-questions/unknown-field/tcp.yaml:20: items.0: unknown field "hint"'],
    ['missing-language', 'test/fixtures/bad-questions/missing-language/tcp.yaml:10: items.0.prompt.en: missing required field'],
    ['answer-not-option', 'test/fixtures/bad-questions/answer-not-option/tcp.yaml:19: items.0.answer: answer E is not among the options'],
    [
      'duplicate-id',
      'test/fixtures/bad-questions/duplicate-id/b.yaml:3: duplicate id "good-one" (first defined at test/fixtures/bad-questions/duplicate-id/a.yaml:3)',
    ],
    [
      'multi-one-correct',
      'test/fixtures/bad-questions/multi-one-correct/tcp.yaml:19: items.0.answer: a multi item needs at least two correct options',
    ],
    ['near-duplicate', 'test/fixtures/bad-questions/near-duplicate/tcp.yaml:21: warning: "q-two" looks like a duplicate of "q-one"'],
    ['unknown-kind', 'test/fixtures/bad-questions/unknown-kind/tcp.yaml:4: items.0.kind:'],
    [
      'length-giveaway',
      'test/fixtures/bad-questions/length-giveaway/tcp.yaml:3: warning: "giveaway": the correct option is more than 1.4x longer',
    ],
    ['yaml-syntax', 'test/fixtures/bad-questions/yaml-syntax/tcp.yaml:11: YAML:'],
  ])('%s', (rule, expected) => {
    const messages = messagesFor(rule);
    expect(messages.some((m) => m.startsWith(expected))).toBe(true);
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
