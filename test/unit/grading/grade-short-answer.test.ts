import { describe, expect, it } from 'vitest';
import type { FeedbackItem } from '../../../src/core/grading/grade-result.js';
import { gradeShortAnswer, spellingTolerance } from '../../../src/core/grading/grade-short-answer.js';
import type { ShortQuestion } from '../../../src/core/questions/schema.js';
import { connectTimeout, gilName, handshakeSegments, pipeBuffer, timeWaitDuration, timeWaitState } from './fixtures.js';

function grade(question: ShortQuestion, text: string): { correct: boolean; feedback: FeedbackItem[] } | string {
  const r = gradeShortAnswer(question, text);
  return 'status' in r ? `invalid:${r.reason}` : { correct: r.correct, feedback: r.feedback };
}
const right = { correct: true, feedback: [] };
const wrong = { correct: false, feedback: [] };
// A near miss is not graded: the member may answer again.
const close = 'invalid:spelling-close';
const off = { correct: false, feedback: [{ type: 'numeric-off' }] };

describe('gradeShortAnswer', () => {
  it.each<[ShortQuestion, string, unknown]>([
    // accept list in both languages, normalised: case, width, whitespace, punctuation
    [timeWaitState, 'TIME_WAIT', right],
    [timeWaitState, 'time_wait', right],
    [timeWaitState, 'time wait', right],
    [timeWaitState, 'Time-Wait.', right],
    [timeWaitState, 'ＴＩＭＥ＿ＷＡＩＴ', right],
    [timeWaitState, '  TIME_WAIT  ', right],
    [timeWaitState, 'TIME-WAIT状态', right],
    [timeWaitState, 'time wait 状态。', right],
    [gilName, 'gil', right],
    [gilName, '全局解释器锁', right],
    [gilName, 'Global Interpreter Lock!', right],
    // Chinese numerals
    [handshakeSegments, '三', right],
    [handshakeSegments, '3', right],
    [handshakeSegments, '３', right],
    [handshakeSegments, 'three', right],
    [handshakeSegments, 'THREE', right],
    [handshakeSegments, '三个', right],
    [handshakeSegments, '3 次', right],
    [handshakeSegments, '3 segments', right],
    [handshakeSegments, '两', off],
    [handshakeSegments, '4', off],
    [handshakeSegments, '3 seconds', { correct: false, feedback: [{ type: 'unit-mismatch', given: 'time', expected: 'count' }] }],
    // numbers with units, compared by value
    [timeWaitDuration, '60s', right],
    [timeWaitDuration, '60 秒', right],
    [timeWaitDuration, '60 seconds', right],
    [timeWaitDuration, '60', right],
    [timeWaitDuration, '1 minute', right],
    [timeWaitDuration, '1分钟', right],
    [timeWaitDuration, '一分钟', right],
    [timeWaitDuration, '六十秒', right],
    [timeWaitDuration, '60000ms', right],
    [timeWaitDuration, '60,000 ms', right],
    [timeWaitDuration, '1 min', right],
    [timeWaitDuration, 'about a minute', right],
    [timeWaitDuration, 'sixty seconds', right],
    [timeWaitDuration, '一分钟左右', right],
    [timeWaitDuration, 'half a minute', off],
    [timeWaitDuration, '半分钟', off],
    [timeWaitDuration, '30s', off],
    [timeWaitDuration, '500ms', off],
    [timeWaitDuration, '0.5 秒', off],
    [timeWaitDuration, '1 hour', off],
    [timeWaitDuration, '60 KB', { correct: false, feedback: [{ type: 'unit-mismatch', given: 'size', expected: 'time' }] }],
    [pipeBuffer, '64KB', right],
    [pipeBuffer, '64 kb', right],
    [pipeBuffer, '64 KiB', right],
    [pipeBuffer, '65536 bytes', right],
    [pipeBuffer, '65536 字节', right],
    [pipeBuffer, '0.0625 MB', right],
    [pipeBuffer, '六十四KB', right],
    [pipeBuffer, '64', right],
    [pipeBuffer, '32 KB', off],
    [pipeBuffer, '64 MB', off],
    [pipeBuffer, '64 秒', { correct: false, feedback: [{ type: 'unit-mismatch', given: 'time', expected: 'size' }] }],
    // tolerance (75 s +- 5)
    [connectTimeout, '75s', right],
    [connectTimeout, '80 seconds', right],
    [connectTimeout, '70', right],
    [connectTimeout, '1分15秒', right],
    [connectTimeout, '81s', off],
    [connectTimeout, '69 s', off],
    // near misses: within edit distance, not accepted
    [timeWaitState, 'TIME_WAT', close],
    [timeWaitState, 'tiem wait', close],
    [timeWaitState, 'TIME_WIAT', close],
    [timeWaitState, 'CLOSE_WAIT', wrong],
    [timeWaitState, 'FIN_WAIT', wrong],
    [gilName, 'gli', wrong],
    [gilName, 'gol', close],
    [gilName, 'global interpreter lok', close],
    [gilName, 'global interpretr lok', close],
    [gilName, 'global intrpretr lok', wrong],
    [gilName, 'no idea', wrong],
  ])('%# %j', (question, text, expected) => {
    expect(grade(question, text)).toEqual(expected);
  });

  it('never gives a spelling hint for numbers', () => {
    expect(grade(handshakeSegments, '33')).toEqual(off);
    expect(grade(timeWaitDuration, '6s')).toEqual(off);
    expect(grade(timeWaitState, 'time_wait2')).toEqual(wrong);
  });

  it('an empty or punctuation-only answer is not graded', () => {
    expect(grade(timeWaitState, '')).toBe('invalid:empty');
    expect(grade(timeWaitState, ' ？。')).toBe('invalid:empty');
  });

  it('scores 1 or 0 with 10 * difficulty points', () => {
    expect(gradeShortAnswer(pipeBuffer, '64KB')).toMatchObject({ kind: 'short', score: 1, points: 30, maxPoints: 30, correct: true });
    expect(gradeShortAnswer(pipeBuffer, '63KB')).toMatchObject({ kind: 'short', score: 0, points: 0, maxPoints: 30, correct: false });
  });

  it('spelling tolerance: none below 3 characters, 1 up to 6, 2 from 7', () => {
    expect(['ab', 'abc', 'abcdef', 'abcdefg', '全局解释器锁'].map(spellingTolerance)).toEqual([0, 1, 1, 2, 1]);
  });
});
