import { describe, expect, it } from 'vitest';
import { gradeAnswer } from '../../../src/core/grading/grade-answer.js';
import type { GradeResult } from '../../../src/core/grading/grade-result.js';
import { gradingMessages } from '../../../src/core/grading/grading-messages.js';
import { gradingRulesText } from '../../../src/core/grading/grading-rules-text.js';
import type { InvalidAnswer } from '../../../src/core/grading/invalid-answer.js';
import { renderGradeFeedback } from '../../../src/core/grading/render-grade-feedback.js';
import { renderInvalidAnswer } from '../../../src/core/grading/render-invalid-answer.js';
import { renderSolution } from '../../../src/core/grading/render-solution.js';
import { selfRatingLabel } from '../../../src/core/grading/self-rating-label.js';
import { isSelfRating, SELF_RATINGS } from '../../../src/core/grading/self-ratings.js';
import { LOCALES, type Locale } from '../../../src/core/i18n/catalog.js';
import type { ChoiceQuestion, Question, ShortQuestion } from '../../../src/core/questions/schema.js';
import {
  allQuestions,
  daemonThreads,
  dnsRecord,
  handshakeCountChoice,
  tcpFlags,
  threeWayHandshake,
  timeWaitDuration,
  timeWaitState,
  udpProtocols,
} from './fixtures.js';

function graded(question: Question, text: string): GradeResult {
  const o = gradeAnswer(question, { type: 'text', text });
  if (o.status !== 'graded') throw new Error(`expected a graded answer for ${text}`);
  return o.result;
}
function invalid(question: Question, text: string): InvalidAnswer {
  const o = gradeAnswer(question, { type: 'text', text });
  if (o.status !== 'invalid') throw new Error(`expected an invalid answer for ${text}`);
  return o;
}

describe('renderGradeFeedback', () => {
  it('multi near miss (en): verdict, picks, count of correct picks, wrong picks, partial credit', () => {
    expect(renderGradeFeedback(graded(udpProtocols, 'a b c'), udpProtocols, 'en')).toBe(
      [
        '**Partly right.** 10/20 points.',
        'Your answer: A, B, C',
        'You picked 2 of the 2 correct options.',
        'Wrong picks: B.',
        'Partial credit: 50% (right picks minus wrong picks, divided by the number of correct options).',
      ].join('\n'),
    );
  });
  it('multi near miss (zh)', () => {
    expect(renderGradeFeedback(graded(tcpFlags, 'syn ack'), tcpFlags, 'zh')).toBe(
      [
        '**部分正确。** 得分 5/10。',
        '你的答案：A、C',
        '你选中了 4 个正确选项中的 2 个。',
        '所选的都没错，但漏选了正确选项。',
        '部分得分：50%（（选对数 − 选错数）÷ 正确选项数）。',
      ].join('\n'),
    );
  });
  it('correct and wrong single', () => {
    expect(renderGradeFeedback(graded(daemonThreads, 'a'), daemonThreads, 'en')).toBe('**Correct!** 20/20 points.\nYour answer: A');
    expect(renderGradeFeedback(graded(daemonThreads, 'c'), daemonThreads, 'zh')).toBe('**回答错误。** 得分 0/20。\n你的答案：C');
  });
  it('short: unit mismatch', () => {
    expect(renderGradeFeedback(graded(timeWaitDuration, '60 KB'), timeWaitDuration, 'zh')).toBe(
      '**回答错误。** 得分 0/20。\n你的答案是大小，但题目问的是时间。',
    );
  });
  it('open: each key point judged with the words that stated it, then the reference, then the self-rating prompt', () => {
    const answer = 'The client sends a SYN. The server replies with SYN-ACK. There is an initial sequence number somewhere.';
    const text = renderGradeFeedback(graded(threeWayHandshake, answer), threeWayHandshake, 'en');
    expect(text).toBe(
      [
        '**2 of 5 key points covered, 1 partly.** 9/20 points.',
        '**Key points:**',
        '- ✅ The client sends SYN: you said “The client sends a SYN”',
        '- ✅ The server replies SYN+ACK: you said “The server replies with SYN-ACK”',
        '- ❌ The client sends ACK and the connection is established',
        '- 🟡 Both sides exchange initial sequence numbers: only named, not stated: “There is an initial sequence number somewhere”',
        '- ❌ Three segments in all',
        '**Reference answer:**',
        threeWayHandshake.reference.en,
        'Compare with the reference and rate yourself: **again** / **hard** / **good** / **easy**.',
      ].join('\n'),
    );
    const zh = renderGradeFeedback(graded(threeWayHandshake, '服务器先发SYN，然后客户端回复。'), threeWayHandshake, 'zh');
    expect(zh).toContain('**覆盖了 5 个要点中的 0 个。** 得分 0/20。\n**要点：**\n- ❌ 客户端发送 SYN：答案里有一个误解：服务端先发 SYN');
    expect(zh).toContain(threeWayHandshake.reference.zh);
    expect(zh).toContain('**重来** / **困难** / **良好** / **轻松**');
  });

  it.each(LOCALES)('never reveals the answer or explanation of choice and short items (%s)', (locale: Locale) => {
    const cases: Array<[ChoiceQuestion | ShortQuestion, string]> = [
      [daemonThreads, 'b'],
      [daemonThreads, 'a'],
      [udpProtocols, 'b'],
      [udpProtocols, 'a'],
      [tcpFlags, 'ack'],
      [timeWaitState, 'close_wait'],
      [timeWaitDuration, '30s'],
    ];
    for (const [q, answer] of cases) {
      const text = renderGradeFeedback(graded(q, answer), q, locale);
      expect(text).not.toContain(q.explanation[locale]);
      if (q.kind === 'single' || q.kind === 'multi') {
        for (const o of q.options) expect(text).not.toContain(o.why[locale]);
      }
      if (q.kind === 'short') {
        for (const form of q.accept) expect(text.toLowerCase()).not.toContain(form.toLowerCase());
        expect(text).not.toMatch(/60/);
      }
    }
    // The multi near-miss names the wrong picks, never the missing correct ones.
    const udp = renderGradeFeedback(graded(udpProtocols, 'a b'), udpProtocols, locale);
    expect(udp).not.toMatch(/\bC\b/);
  });
});

describe('renderInvalidAnswer', () => {
  it('several options for a single item (en): reason, every valid option with its text, how to answer', () => {
    expect(renderInvalidAnswer(invalid(daemonThreads, 'a b'), daemonThreads, 'en')).toBe(
      [
        'This is a single-choice question: pick exactly one option (you named A, B).',
        'Valid options:',
        ...daemonThreads.options.map((o) => `**${o.key}** ${o.text.en}`),
        'Answer with one letter (`B`), its number (`2`) or the option text. This answer was not graded; try again.',
      ].join('\n'),
    );
  });
  it('unknown option (zh)', () => {
    expect(renderInvalidAnswer(invalid(tcpFlags, 'a e fin'), tcpFlags, 'zh')).toBe(
      [
        '无法把 `E`、`fin` 对应到本题的选项。',
        '可选的选项：',
        '**A** SYN',
        '**B** RST',
        '**C** ACK',
        '**D** URG',
        '请用字母（`abd`、`A B D`、`a,b`）、编号（`1 3`）、用逗号分隔的选项原文或 `全选` 作答。本次回答未计分，请重新作答。',
      ].join('\n'),
    );
  });
  it('ambiguous letter and number suggest the other form', () => {
    expect(renderInvalidAnswer(invalid(dnsRecord, 'a'), dnsRecord, 'en').split('\n')[0]).toBe(
      '`A` is ambiguous here: it could mean option A or B. Press a button, or answer with the option number.',
    );
    expect(renderInvalidAnswer(invalid(handshakeCountChoice, '3'), handshakeCountChoice, 'zh').split('\n')[0]).toBe(
      '`3` 在本题中有歧义：可能指选项 B 或 C。请点按钮，或用选项字母作答。',
    );
  });
  it('empty answers and wrong input types', () => {
    expect(renderInvalidAnswer(invalid(tcpFlags, ''), tcpFlags, 'en').split('\n')[0]).toBe('Your answer is empty.');
    expect(renderInvalidAnswer(invalid(timeWaitState, ''), timeWaitState, 'zh')).toBe('答案为空：请输入答案后重新发送。本次回答未计分。');
    const wrongType = gradeAnswer(timeWaitState, { type: 'choice', keys: ['A'] });
    if (wrongType.status !== 'invalid') throw new Error('expected invalid');
    expect(renderInvalidAnswer(wrongType, timeWaitState, 'en')).toBe(
      'This question needs a typed answer, not an option. It was not graded.',
    );
  });
  it('a near miss of the spelling invites another try, since it was not graded', () => {
    const typo = gradeAnswer(timeWaitState, { type: 'text', text: 'time_wiat' });
    if (typo.status !== 'invalid') throw new Error('expected invalid');
    expect(renderInvalidAnswer(typo, timeWaitState, 'en')).toBe('Close: check the spelling and answer again. This answer was not graded.');
    expect(renderInvalidAnswer(typo, timeWaitState, 'zh')).toBe('很接近了：请检查拼写后再答一次。本次回答未计分。');
  });
});

describe('renderSolution', () => {
  it('choice: correct answer, explanation and every option with its why', () => {
    expect(renderSolution(udpProtocols, 'en')).toBe(
      [
        '**Answer:** A, C',
        '**A** DNS queries: correct. Ordinary queries use UDP 53.',
        '**B** SSH: wrong. SSH runs over TCP.',
        '**C** QUIC: correct. QUIC runs over UDP.',
        '**D** SMTP: wrong. SMTP runs over TCP.',
        '**Explanation:** DNS queries and QUIC use UDP.',
      ].join('\n'),
    );
    expect(renderSolution(daemonThreads, 'zh').split('\n')[0]).toBe('**答案：**A');
  });
  it('does not repeat a verdict the why already opens with', () => {
    const q = {
      ...udpProtocols,
      options: udpProtocols.options.map((o) => ({
        ...o,
        why: { en: `${o.key === 'B' ? 'Wrong.' : 'Right:'} ${o.why.en}`, zh: `${o.key === 'B' ? '错误。' : '正确。'}${o.why.zh}` },
      })),
    };
    const en = renderSolution(q, 'en').split('\n');
    expect(en[1]).toBe('**A** DNS queries: correct. Ordinary queries use UDP 53.');
    expect(en[2]).toBe('**B** SSH: wrong. SSH runs over TCP.');
    expect(renderSolution(q, 'zh')).not.toMatch(/错误。错误|正确。正确|错误。\s*错误/);
  });
  it('short: accepted forms, value and explanation', () => {
    expect(renderSolution(timeWaitDuration, 'zh')).toBe(
      ['**可接受的答案：**`60s`、`60 秒`、`1 minute`', '**数值：**60 秒', '**解析：**TCP_TIMEWAIT_LEN 定义为 60 秒。'].join('\n'),
    );
    expect(renderSolution(timeWaitState, 'en')).toBe(
      ['**Accepted answers:** `TIME_WAIT`, `TIME-WAIT 状态`', '**Explanation:** The active closer enters TIME_WAIT.'].join('\n'),
    );
  });
  it('open: reference and key points', () => {
    const text = renderSolution(threeWayHandshake, 'en');
    expect(text.startsWith(`**Reference answer:**\n${threeWayHandshake.reference.en}\n**Key points:**\n- The client sends SYN`)).toBe(true);
  });
  it.each(LOCALES)('renders every fixture without leftover placeholders (%s)', (locale) => {
    for (const q of allQuestions) expect(renderSolution(q, locale)).not.toMatch(/\{\w+\}/);
  });
});

describe('gradingRulesText, messages and self-ratings', () => {
  it.each(LOCALES)('%s rules paragraph states the scoring rule', (locale) => {
    const text = gradingRulesText(locale);
    expect(text).not.toContain('\n');
    expect(text).toMatch(locale === 'en' ? /right picks − wrong picks/ : /选对数 − 选错数/);
    expect(text).toMatch(/10、20、30|10, 20 or 30/);
    expect(text).toContain('60%');
  });
  it('zh and en catalogs have the same keys and placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(gradingMessages.zh).sort()).toEqual(Object.keys(gradingMessages.en).sort());
    for (const key of Object.keys(gradingMessages.en) as Array<keyof typeof gradingMessages.en>) {
      expect(placeholders(gradingMessages.zh[key]), key).toEqual(placeholders(gradingMessages.en[key]));
    }
  });
  it('self ratings', () => {
    expect(SELF_RATINGS).toEqual(['again', 'hard', 'good', 'easy']);
    expect(SELF_RATINGS.map((r) => selfRatingLabel(r, 'zh'))).toEqual(['重来', '困难', '良好', '轻松']);
    expect(isSelfRating('good')).toBe(true);
    expect(isSelfRating('meh')).toBe(false);
    expect(isSelfRating(3)).toBe(false);
  });
});

describe('renderGradeFeedback on a result stored before per-point judgements', () => {
  it('still renders covered and missed points from the ids (a daily answer recorded before an upgrade)', () => {
    const stored = {
      questionId: threeWayHandshake.id,
      kind: 'open',
      score: 0.4,
      points: 8,
      maxPoints: 20,
      correct: false,
      coveredKeyPoints: ['syn', 'syn-ack'],
      missedKeyPoints: ['established', 'isn', 'three-segments'],
      feedback: [
        { type: 'key-points', covered: ['syn', 'syn-ack'], missed: ['established', 'isn', 'three-segments'] },
        { type: 'reference' },
      ],
    } as unknown as GradeResult;
    const text = renderGradeFeedback(stored, threeWayHandshake, 'en');
    expect(text).toContain(
      '**2 of 5 key points covered.** 8/20 points.\n**Key points:**\n- ✅ The client sends SYN\n- ✅ The server replies SYN+ACK\n- ❌ The client sends ACK',
    );
  });
});
