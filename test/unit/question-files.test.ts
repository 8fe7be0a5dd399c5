import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadQuestionFiles } from '../../src/infra/questions/load-question-files.js';

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
