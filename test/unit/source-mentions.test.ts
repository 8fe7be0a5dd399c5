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

  it('flags literature cited in general, in both languages, and says which kind of mention it is', () => {
    expect(words('有的资料说 GIL 保证线程安全。', 'Some sources say the GIL makes threads safe.')).toEqual([
      ['explanation.zh', '有的资料'],
      ['explanation.en', 'Some sources'],
    ]);
    expect(words('网上流传的答案用了 pandas。', 'Many articles claim 20 cookies; some notes say 1001.')).toEqual([
      ['explanation.zh', '网上流传'],
      ['explanation.en', 'Many articles'],
    ]);
    expect(words('有些资料说它工作在网络层。', 'The source describes apply_async as blocking.')).toEqual([
      ['explanation.zh', '有些资料'],
      ['explanation.en', 'The source describes'],
    ]);
    expect(words('较早的教材这样写。', 'Material claiming url_hash needs a module is out of date.')).toEqual([
      ['explanation.zh', '较早的教材'],
      ['explanation.en', 'Material claiming'],
    ]);
    const kinds = findSourceMentions([open({ zh: '种子答案。', en: 'Some material says so.' })]).map((m) => m.kind);
    expect(kinds).toEqual(['origin', 'literature']);
  });

  it('accepts the teaching phrasing and conventions of teaching: a common misconception, the textbook case, other sources in a rule', () => {
    expect(
      words(
        '常见的误解是 GIL 保证线程安全；TCP/IP 教学上也用五层。',
        'A common misconception is that the GIL makes threads safe; coroutines are the textbook case of concurrency; later rules refuse other sources.',
      ),
    ).toEqual([]);
  });

  it('leaves facts about the world alone: old IE, a random seed, a source port', () => {
    expect(words('2048 这个数字来自旧版 IE；常见的误解是三个。', 'Set a random seed; one source port per connection.')).toEqual([]);
  });
});
