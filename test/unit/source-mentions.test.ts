import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/core/questions/schema.js';
import { findSourceMentions } from '../../src/core/questions/source-mentions.js';

const open = (explanation: { zh: string; en: string }) =>
  ({
    id: 'o',
    kind: 'open',
    prompt: { zh: '题目', en: 'Prompt' },
    reference: { zh: '参考', en: 'Reference' },
    keyPoints: [],
    explanation,
  }) as unknown as Question;
const words = (zh: string, en: string) => findSourceMentions([open({ zh, en })]).map((m) => [m.path.join('.'), m.word]);

describe('learner-facing text that mentions its source', () => {
  it('flags the seed, one source and the old version of the question, in both languages', () => {
    expect(words('种子答案只说了三个。', "The seed's answer is three.")).toEqual([
      ['explanation.zh', '种子'],
      ['explanation.en', "seed's"],
    ]);
    expect(words('这道题的老版本只接受三个。', 'One source says three.')).toEqual([
      ['explanation.zh', '这道题的老版'],
      ['explanation.en', 'One source'],
    ]);
    expect(words('原题的答案是三个。', 'The old version of this question accepts only three.')).toEqual([
      ['explanation.zh', '原题'],
      ['explanation.en', 'old version of this question'],
    ]);
  });

  it('leaves facts about the world alone: old IE, a random seed, a source port', () => {
    expect(words('2048 这个数字来自旧版 IE；常见的误解是三个。', 'Set a random seed; one source port per connection.')).toEqual([]);
  });
});
