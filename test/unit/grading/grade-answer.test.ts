import { describe, expect, it } from 'vitest';
import { gradeAnswer } from '../../../src/core/grading/grade-answer.js';
import type { AnswerInput } from '../../../src/core/grading/grade-result.js';
import type { Question } from '../../../src/core/questions/schema.js';
import { allQuestions, daemonThreads, pipeBuffer, tcpFlags, threeWayHandshake, timeWaitDuration, udpProtocols } from './fixtures.js';

const text = (t: string): AnswerInput => ({ type: 'text', text: t });

describe('gradeAnswer', () => {
  it.each<[Question, AnswerInput, { score: number; points: number; correct: boolean }]>([
    [tcpFlags, text('abcd'), { score: 1, points: 10, correct: true }],
    [tcpFlags, text('全选'), { score: 1, points: 10, correct: true }],
    [tcpFlags, { type: 'choice', keys: ['A', 'B', 'C', 'D'] }, { score: 1, points: 10, correct: true }],
    [tcpFlags, text('SYN, ACK'), { score: 0.5, points: 5, correct: false }],
    [daemonThreads, text('A'), { score: 1, points: 20, correct: true }],
    [daemonThreads, { type: 'choice', keys: ['A'] }, { score: 1, points: 20, correct: true }],
    [daemonThreads, text('d'), { score: 0, points: 0, correct: false }],
    [udpProtocols, text('1'), { score: 0.5, points: 10, correct: false }],
    [timeWaitDuration, text('1 minute'), { score: 1, points: 20, correct: true }],
    [pipeBuffer, text('65536 bytes'), { score: 1, points: 30, correct: true }],
    [
      threeWayHandshake,
      text('The client sends SYN, the server replies SYN+ACK, then the connection is established'),
      { score: 0.6, points: 12, correct: true },
    ],
  ])('%# grades', (question, input, expected) => {
    const outcome = gradeAnswer(question, input);
    expect(outcome.status).toBe('graded');
    if (outcome.status !== 'graded') return;
    expect(outcome.result).toMatchObject({
      ...expected,
      kind: question.kind,
      questionId: question.id,
      maxPoints: 10 * question.difficulty,
    });
  });

  it('records the picked keys of choice items for answer-distribution stats', () => {
    const outcome = gradeAnswer(tcpFlags, text('d, syn, 2'));
    expect(outcome).toMatchObject({ status: 'graded', result: { picked: ['A', 'B', 'D'] } });
  });

  it('returns invalid values instead of throwing', () => {
    expect(gradeAnswer(daemonThreads, text('ab'))).toMatchObject({
      status: 'invalid',
      reason: 'several-for-single',
      questionId: daemonThreads.id,
      validOptions: ['A', 'B', 'C', 'D'],
    });
    expect(gradeAnswer(tcpFlags, text('z'))).toMatchObject({ status: 'invalid', reason: 'unknown-option', offending: ['Z'] });
    expect(gradeAnswer(tcpFlags, text(''))).toMatchObject({ status: 'invalid', reason: 'empty' });
    expect(gradeAnswer(timeWaitDuration, { type: 'choice', keys: ['A'] })).toMatchObject({
      status: 'invalid',
      reason: 'wrong-input-type',
      validOptions: [],
    });
    expect(gradeAnswer(threeWayHandshake, text('。'))).toMatchObject({ status: 'invalid', reason: 'empty' });
  });

  it('results and invalid values survive a JSON round trip unchanged', () => {
    const inputs: AnswerInput[] = [text('a c'), text('60s'), text('SYN then ACK'), text('zzz'), text(''), { type: 'choice', keys: ['B'] }];
    for (const q of allQuestions) {
      for (const input of inputs) {
        const outcome = gradeAnswer(q, input);
        expect(JSON.parse(JSON.stringify(outcome))).toEqual(outcome);
      }
    }
  });
});
