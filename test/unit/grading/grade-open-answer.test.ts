import { describe, expect, it } from 'vitest';
import { answerSentences } from '../../../src/core/grading/answer-sentences.js';
import { findPhrase, preparePhrase } from '../../../src/core/grading/claim-matcher.js';
import {
  gradeOpenAnswer,
  KEY_POINT_WEIGHTS,
  MISCONCEPTION_PENALTY,
  OPEN_CORRECT_THRESHOLD,
} from '../../../src/core/grading/grade-open-answer.js';
import type { OpenGradeResult } from '../../../src/core/grading/grade-result.js';
import { fourWayTeardown, threeWayHandshake } from './fixtures.js';

function grade(answer: string, question = threeWayHandshake): OpenGradeResult {
  const r = gradeOpenAnswer(question, answer);
  if ('status' in r) throw new Error(`not graded: ${r.reason}`);
  return r;
}
const verdicts = (r: OpenGradeResult) => Object.fromEntries(r.judgements.map((j) => [j.id, j.verdict]));

describe('gradeOpenAnswer: key points are claims', () => {
  it('an expert answer in English covers every point it states, quoting the clauses that stated it', () => {
    const r = grade(
      'The client starts with a SYN carrying its initial sequence number. The server responds with SYN-ACK and its own ISN, so both sides exchange sequence numbers. Then the client ACKs and the connection is established, three segments in all.',
    );
    expect(verdicts(r)).toEqual({
      syn: 'covered',
      'syn-ack': 'covered',
      established: 'covered',
      isn: 'covered',
      'three-segments': 'covered',
    });
    expect(r.judgements[1]).toEqual({ id: 'syn-ack', verdict: 'covered', quote: 'The server responds with SYN-ACK and its own ISN' });
    expect(r).toMatchObject({ score: 1, points: 20, maxPoints: 20, correct: true, gradedBy: 'key-points' });
  });

  it('the same in Chinese', () => {
    const r = grade('客户端先发送SYN，服务器回复SYN+ACK，客户端再回ACK后连接建立，这就是三次握手。');
    expect(verdicts(r)).toEqual({
      syn: 'covered',
      'syn-ack': 'covered',
      established: 'covered',
      isn: 'missed',
      'three-segments': 'covered',
    });
    expect(r.correct).toBe(true);
  });

  it('roles swapped: the ordered claims are not stated and the misconception is named', () => {
    const r = grade('The server sends SYN. The client replies with SYN-ACK. The server sends ACK and the connection is established.');
    expect(r.judgements[0]).toEqual({
      id: 'syn',
      verdict: 'missed',
      misconception: { zh: '服务端先发 SYN', en: 'the server sends the first SYN' },
    });
    expect(verdicts(r)['syn-ack']).toBe('partly');
    expect(r.correct).toBe(false);
  });

  it('a misconception costs a quarter point beyond the point it cancels', () => {
    const r = grade(
      'The server sends SYN first. The server replies with SYN-ACK. Then the client acks and the connection is established. Both sides exchange initial sequence numbers, three segments in all.',
    );
    expect(verdicts(r)).toEqual({
      syn: 'missed',
      'syn-ack': 'covered',
      established: 'covered',
      isn: 'covered',
      'three-segments': 'covered',
    });
    expect(r.score).toBeCloseTo((4 - MISCONCEPTION_PENALTY) / 5, 10);
    expect(MISCONCEPTION_PENALTY).toBe(0.25);
    // Never below zero.
    expect(grade('The server sends SYN first.').score).toBe(0);
  });

  it('a bare list of terms states nothing, in either language', () => {
    for (const list of ['SYN, SYN-ACK, ESTABLISHED, x+1', 'SYN SYN-ACK ACK ESTABLISHED ISN', 'SYN、SYN+ACK、ACK、ESTABLISHED、三次握手']) {
      const r = grade(list);
      expect(
        r.judgements.every((j) => j.verdict === 'missed'),
        list,
      ).toBe(true);
      expect(r.score).toBe(0);
    }
  });

  it('Chinese statements separated by the full-width comma are not a list; a statement followed by an enumeration is not either', () => {
    const r = grade('客户端发送SYN，服务器回复SYN+ACK，客户端回ACK，连接建立');
    expect(verdicts(r)).toMatchObject({ syn: 'covered', 'syn-ack': 'covered', established: 'covered' });
    const enumerated = grade('握手时客户端首先会发送SYN报文、ISN、MSS、窗口大小');
    expect(verdicts(enumerated).syn).toBe('covered');
    // The same words as an enumeration of terms (、) state nothing.
    expect(grade('客户端 SYN、服务器 SYN+ACK、客户端 ACK、连接建立').score).toBe(0);
  });

  it('a colon introduces an enumeration of statements; names after a dot are words; brackets stay in their clause', () => {
    expect(verdicts(grade('握手分三步：客户端发SYN、服务器回SYN+ACK、客户端回ACK')).syn).toBe('covered');
    expect(verdicts(grade('第一步是客户端发送SYN、ISN、MSS、窗口')).syn).toBe('covered');
    expect(verdicts(grade('Then client.send() emits the SYN segment.')).syn).toBe('covered');
    expect(verdicts(grade('The client (the side calling connect) sends a SYN.')).syn).toBe('covered');
  });

  it('a negation stops at 的 and a "no" before a noun denies only that noun', () => {
    expect(verdicts(grade('还没收到回应的客户端发送SYN。')).syn).toBe('covered');
    expect(verdicts(grade('If there is no connection yet the client sends a SYN.')).syn).toBe('covered');
    expect(verdicts(grade('The client sends no SYN at all.')).syn).toBe('missed');
  });

  it('a negation kept behind an adverb by the segmenter still negates (也不是, 都没有)', () => {
    expect(verdicts(grade('这时客户端也不是发送SYN的一方。')).syn).toBe('missed');
    expect(verdicts(grade('这时客户端也会发送SYN给对方。')).syn).toBe('covered');
  });

  it('a negation before the claim cancels it (English and Chinese)', () => {
    expect(verdicts(grade('The client never sends a SYN first; it waits.')).syn).toBe('missed');
    expect(verdicts(grade('客户端不会发送SYN，它只是等待。')).syn).toBe('missed');
    expect(verdicts(grade('The client does send a SYN to begin.')).syn).toBe('covered');
    // A negation in another clause does not reach the claim.
    expect(verdicts(grade('Not the server, the client sends the SYN.')).syn).toBe('covered');
  });

  it('a bare token never covers a point alone, but naming the subject is partly', () => {
    const r = grade('It uses SYN and ISN somehow.');
    expect(verdicts(r).syn).toBe('missed');
    // "ISN" is bare, so only the longer phrases count as naming the subject.
    expect(verdicts(grade('There is an initial sequence number involved.')).isn).toBe('partly');
    expect(grade('There is an initial sequence number involved.').judgements[3]?.quote).toBe(
      'There is an initial sequence number involved',
    );
  });

  it('partly weighs a quarter, so a half answer stays below the threshold', () => {
    expect(KEY_POINT_WEIGHTS).toEqual({ covered: 1, partly: 0.25, missed: 0 });
    const r = grade('The client sends a SYN. There is an initial sequence number.');
    expect(verdicts(r)).toMatchObject({ syn: 'covered', isn: 'partly' });
    expect(r.score).toBeCloseTo((1 + 0.25) / 5, 10);
    expect(r.points).toBe(5);
    expect(r.correct).toBe(false);
  });

  it('points without written claims still need a statement, not a term (four-way teardown)', () => {
    expect(OPEN_CORRECT_THRESHOLD).toBe(0.6);
    expect(grade('FIN then ACK', fourWayTeardown)).toMatchObject({ score: 0, correct: false });
    expect(grade('The passive side goes to CLOSE_WAIT and the active side ends in TIME_WAIT.', fourWayTeardown)).toMatchObject({
      coveredKeyPoints: ['close-wait', 'time-wait'],
      missedKeyPoints: ['fin', 'ack'],
      score: 0.5,
      correct: false,
    });
  });

  it('feedback carries the judgements as plain JSON, then the reference and the self-rating', () => {
    const r = grade('The client sends SYN.');
    expect(r.feedback).toEqual([{ type: 'key-points', judgements: r.judgements }, { type: 'reference' }, { type: 'self-rate' }]);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('a phrase finds its word with a short suffix, but not with a negating one ("can" is not "cannot")', () => {
    const can = preparePhrase('can');
    const wait = preparePhrase('wait');
    if (!can || !wait) throw new Error('phrases');
    const [cannot, canDo, waits] = answerSentences("It cannot audit. It can audit. It waits and can't stop.");
    if (!cannot || !canDo || !waits) throw new Error('sentences');
    expect(findPhrase(cannot, can)).toEqual([]);
    expect(findPhrase(canDo, can)).toHaveLength(1);
    expect(findPhrase(waits, wait)).toHaveLength(1);
    expect(findPhrase(waits, can)).toEqual([]);
  });

  it('an empty answer is not graded', () => {
    expect(gradeOpenAnswer(threeWayHandshake, ' \n ')).toMatchObject({ status: 'invalid', reason: 'empty', kind: 'open' });
  });
});
