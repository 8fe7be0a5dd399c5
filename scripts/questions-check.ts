/** `npm run questions:check [dir]`: validates the bank and prints every problem as file:line: message. */
import { resolve } from 'node:path';
import { formatProblem, loadQuestionFiles } from '../src/infra/questions/load-question-files.js';

const dir = resolve(process.argv[2] ?? process.env.QUESTIONS_DIR ?? 'questions');
const { questions, problems } = loadQuestionFiles(dir);
for (const p of problems) console.error(formatProblem(p));
const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors;
const byKind = new Map<string, number>();
for (const q of questions) byKind.set(q.kind, (byKind.get(q.kind) ?? 0) + 1);
const kinds = [...byKind].map(([k, n]) => `${k} ${n}`).join(', ');
if (errors > 0 || warnings > 0) {
  console.error(`${errors} error(s), ${warnings} warning(s) (likely duplicates, answers given away by length) in ${dir}`);
  process.exit(1);
}
console.log(`ok: ${questions.length} questions (${kinds}) in ${dir}`);
