import { describe, expect, it } from 'vitest';
import { gradeOpenAnswer, OPEN_CORRECT_THRESHOLD } from '../../../src/core/grading/grade-open-answer.js';
import { fourWayTeardown, threeWayHandshake } from './fixtures.js';

describe('gradeOpenAnswer (five key points, difficulty 2)', () => {
  it.each<[string, string[], number, boolean]>([
    [
      'The client sends SYN with its ISN, the server answers SYN-ACK, the client ACKs and the connection is established: three segments.',
      ['syn', 'syn-ack', 'established', 'isn', 'three-segments'],
      20,
      true,
    ],
    ['客户端发 SYN，服务端回 SYN/ACK，最后连接建立。', ['syn', 'syn-ack', 'established'], 12, true],
    ['客户端发SYN，服务端回SYN+ACK，然后3次握手完成', ['syn', 'syn-ack', 'three-segments'], 12, true],
    ['client: syn. server: syn ack.', ['syn', 'syn-ack'], 8, false],
    ['ＳＹＮ　ａｃｋ', ['syn', 'syn-ack'], 8, false],
    ['Client sends SYN', ['syn'], 4, false],
    ['I do not know', [], 0, false],
    ['三次握手', ['three-segments'], 4, false],
    ['a three-way exchange; both sides pick a Sequence-Number', ['isn', 'three-segments'], 8, false],
  ])('%j covers %j', (answer, covered, points, correct) => {
    const r = gradeOpenAnswer(threeWayHandshake, answer);
    if ('status' in r) throw new Error('not graded');
    expect(r.coveredKeyPoints).toEqual(covered);
    expect(r.missedKeyPoints).toEqual(threeWayHandshake.keyPoints.map((k) => k.id).filter((id) => !covered.includes(id)));
    expect(r.score).toBeCloseTo(covered.length / 5, 10);
    expect(r.points).toBe(points);
    expect(r.maxPoints).toBe(20);
    expect(r.correct).toBe(correct);
    expect(r.feedback).toEqual([{ type: 'key-points', covered, missed: r.missedKeyPoints }, { type: 'reference' }, { type: 'self-rate' }]);
  });

  it('correct from 0.6 of the key points: 2 of 4 is not enough, 3 of 4 is', () => {
    expect(OPEN_CORRECT_THRESHOLD).toBe(0.6);
    expect(gradeOpenAnswer(fourWayTeardown, 'FIN then ACK')).toMatchObject({ score: 0.5, points: 15, maxPoints: 30, correct: false });
    expect(gradeOpenAnswer(fourWayTeardown, 'FIN, ACK, then time wait')).toMatchObject({
      score: 0.75,
      points: 23,
      correct: true,
      coveredKeyPoints: ['fin', 'ack', 'time-wait'],
      missedKeyPoints: ['close-wait'],
    });
  });

  it('an empty answer is not graded', () => {
    expect(gradeOpenAnswer(threeWayHandshake, ' \n ')).toMatchObject({ status: 'invalid', reason: 'empty', kind: 'open' });
  });
});
