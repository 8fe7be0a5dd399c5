/** `npm run questions:check [dir]`: validates the bank, prints every problem as file:line: message, then the bank's figures. */
import { resolve } from 'node:path';
import { bankFigureWarnings, computeBankFigures, formatBankFigures } from '../src/core/questions/bank-figures.js';
import { formatProblem, loadQuestionFiles } from '../src/infra/questions/load-question-files.js';

const dir = resolve(process.argv[2] ?? process.env.QUESTIONS_DIR ?? 'questions');
const { questions, problems } = loadQuestionFiles(dir);
for (const p of problems) console.error(formatProblem(p));
const figures = computeBankFigures(questions);
const figureWarnings = bankFigureWarnings(figures);
for (const w of figureWarnings) console.error(`warning: ${w}`);
for (const line of formatBankFigures(figures)) console.log(line);
const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors + figureWarnings.length;
const byKind = new Map<string, number>();
for (const q of questions) byKind.set(q.kind, (byKind.get(q.kind) ?? 0) + 1);
const kinds = [...byKind].map(([k, n]) => `${k} ${n}`).join(', ');
if (errors > 0 || warnings > 0) {
  console.error(
    `${errors} error(s), ${warnings} warning(s) (likely duplicates, answers given away by length, cues across the bank) in ${dir}`,
  );
  process.exit(1);
}
console.log(`ok: ${questions.length} questions (${kinds}) in ${dir}`);
