/**
 * `npm run grade:open -- <question-id> "<answer>" ["<answer>" ...]`: grades answers to one open question
 * and prints each key point's verdict, quote and misconception, for authors writing claims.
 */
import { resolve } from 'node:path';
import { gradeOpenAnswer } from '../src/core/grading/grade-open-answer.js';
import { loadQuestionFiles } from '../src/infra/questions/load-question-files.js';

const [id, ...answers] = process.argv.slice(2);
const { questions } = loadQuestionFiles(resolve(process.env.QUESTIONS_DIR ?? 'questions'));
const question = questions.find((q) => q.id === id);
if (question?.kind !== 'open') {
  console.error(`usage: npm run grade:open -- <open-question-id> "<answer>"...  (${id ?? 'no id'} is not an open question)`);
  process.exit(2);
}
for (const answer of answers) {
  const r = gradeOpenAnswer(question, answer);
  if ('status' in r) {
    console.log(`${answer}\n  not graded: ${r.reason}`);
    continue;
  }
  console.log(`${answer}\n  score ${r.score.toFixed(2)} ${r.correct ? 'PASS' : 'fail'}`);
  for (const j of r.judgements) {
    const extra = j.misconception ? ` misconception: ${j.misconception.en}` : j.quote ? ` "${j.quote}"` : '';
    console.log(`  ${j.verdict.padEnd(7)} ${j.id}${extra}`);
  }
}
