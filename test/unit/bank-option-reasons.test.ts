import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSolution } from '../../src/core/grading/index.js';
import { loadQuestionFiles } from '../../src/infra/questions/load-question-files.js';

const bank = loadQuestionFiles(join(import.meta.dirname, '..', '..', 'questions'));

/** Program, API and variable names a sentence may start with: they keep their case. */
const CODE_NAMES = new Set(
  'accept apply arping asyncio backlog bufsize conn counter epoll firewalld gather iptables keepalived kqueue listen multiprocessing nc notify outer ping poll random recv release selectors sendall seq tcpdump threading vfork'.split(
    ' ',
  ),
);
const looksLikeCode = (word: string) => /[()._'[\]-]/.test(word) || CODE_NAMES.has(word.replace(/[,;:]$/, '')) || /[A-Z]/.test(word);

describe('the shipped question bank, as its solutions read in English', () => {
  it('starts every option reason after "correct." or "wrong." with a capital, unless it starts with a name from code', () => {
    const lowercase: string[] = [];
    for (const q of bank.questions) {
      if (q.kind !== 'single' && q.kind !== 'multi') continue;
      const lines = renderSolution(q, 'en').split('\n');
      for (const o of q.options) {
        const line = lines.find((l) => l.startsWith(`**${o.key}** ${o.text.en}: `)) ?? '';
        const word = /^(?:correct|wrong)\. (\S+)/.exec(line.slice(`**${o.key}** ${o.text.en}: `.length))?.[1];
        if (word && /^[a-z]/.test(word) && !looksLikeCode(word)) lowercase.push(`${q.id} ${o.key}: ${o.why.en.slice(0, 60)}`);
      }
    }
    expect(lowercase).toEqual([]);
  });
});
