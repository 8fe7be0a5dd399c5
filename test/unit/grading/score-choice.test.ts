import { describe, expect, it } from 'vitest';
import { maxPointsFor, pointsFor } from '../../../src/core/grading/max-points-for.js';
import { multiScore, scoreChoice } from '../../../src/core/grading/score-choice.js';
import type { OptionKey } from '../../../src/core/questions/schema.js';
import { daemonThreads, tcpFlags, udpProtocols } from './fixtures.js';

describe('points', () => {
  it('scale with difficulty: 10 * difficulty', () => {
    expect([1, 2, 3].map((difficulty) => maxPointsFor({ difficulty: difficulty as 1 | 2 | 3 }))).toEqual([10, 20, 30]);
  });
  it.each([
    [0.5, 20, 10],
    [1 / 3, 10, 3],
    [2 / 3, 30, 20],
    [0.25, 10, 3],
    [0, 30, 0],
    [1, 30, 30],
    [1.5, 10, 10],
    [-1, 10, 0],
    [Number.NaN, 10, 0],
  ])('score %f of %i -> %i (Math.round, clamped)', (score, max, points) => {
    expect(pointsFor(score, max)).toBe(points);
  });
});

describe('scoreChoice: single', () => {
  it('right is 1 and all points (difficulty 2 -> 20)', () => {
    expect(scoreChoice(daemonThreads, ['A'])).toEqual({
      questionId: 'daemon-thread-process-exit',
      kind: 'single',
      score: 1,
      points: 20,
      maxPoints: 20,
      correct: true,
      picked: ['A'],
      feedback: [{ type: 'picked', keys: ['A'] }],
    });
  });
  it.each<OptionKey>(['B', 'C', 'D'])('%s is wrong with no points and no hint of the answer', (key) => {
    const r = scoreChoice(daemonThreads, [key]);
    expect(r).toMatchObject({ score: 0, points: 0, correct: false, picked: [key] });
    expect(r.feedback).toEqual([{ type: 'picked', keys: [key] }]);
  });
});

describe('scoreChoice: multi', () => {
  // answer A, C of four options; difficulty 2 (max 20)
  it.each<[OptionKey[], number, number, boolean]>([
    [['A', 'C'], 1, 20, true],
    [['A'], 0.5, 10, false],
    [['C'], 0.5, 10, false],
    [['A', 'C', 'B'], 0.5, 10, false],
    [['A', 'B'], 0, 0, false],
    [['A', 'B', 'D'], 0, 0, false],
    [['A', 'B', 'C', 'D'], 0, 0, false],
    [['B', 'D'], 0, 0, false],
  ])('%j -> score %f, %i points, correct %s', (picked, score, points, correct) => {
    const r = scoreChoice(udpProtocols, picked);
    expect(r).toMatchObject({ kind: 'multi', score, points, maxPoints: 20, correct, picked });
  });

  it('partial credit is max(0, (right - wrong) / correct options) and only the exact set is correct', () => {
    const all = scoreChoice(tcpFlags, ['A', 'B', 'C', 'D']);
    expect(all).toMatchObject({ score: 1, points: 10, correct: true });
    expect(all.feedback).toEqual([{ type: 'picked', keys: ['A', 'B', 'C', 'D'] }]);
    const three = scoreChoice(tcpFlags, ['A', 'B', 'D']);
    expect(three).toMatchObject({ score: 0.75, points: 8, correct: false });
    const one = scoreChoice(tcpFlags, ['C']);
    expect(one).toMatchObject({ score: 0.25, points: 3, correct: false });
  });

  it('near-miss feedback: how many correct options were picked and which picks were wrong', () => {
    expect(scoreChoice(udpProtocols, ['A', 'B', 'C']).feedback).toEqual([
      { type: 'picked', keys: ['A', 'B', 'C'] },
      { type: 'multi-near-miss', rightPicks: 2, correctCount: 2, wrongPicks: ['B'] },
      { type: 'partial-credit', score: 0.5 },
    ]);
    expect(scoreChoice(udpProtocols, ['A', 'B']).feedback).toEqual([
      { type: 'picked', keys: ['A', 'B'] },
      { type: 'multi-near-miss', rightPicks: 1, correctCount: 2, wrongPicks: ['B'] },
    ]);
    expect(scoreChoice(tcpFlags, ['A', 'C']).feedback).toContainEqual({
      type: 'multi-near-miss',
      rightPicks: 2,
      correctCount: 4,
      wrongPicks: [],
    });
  });

  it('repeated picks count once', () => {
    expect(multiScore(new Set<OptionKey>(['A', 'C']), ['A', 'A', 'A'])).toBe(0.5);
    expect(scoreChoice(udpProtocols, ['A', 'A', 'C'])).toMatchObject({ score: 1, correct: true, picked: ['A', 'C'] });
  });
});
