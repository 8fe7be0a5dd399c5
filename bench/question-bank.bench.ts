import { join } from 'node:path';
import { QuestionBank } from '../src/core/questions/question-bank.js';
import { loadQuestionFiles } from '../src/infra/questions/load-question-files.js';
import type { BenchResult } from './bench-result.js';

/** Loading and validating the whole bank (read, YAML parse, zod, duplicate scan): target < 200 ms. */
export default async function bench(): Promise<BenchResult[]> {
  const dir = join(import.meta.dirname, '..', 'questions');
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < 15; i++) {
    const start = performance.now();
    const { questions, problems } = loadQuestionFiles(dir);
    const bank = new QuestionBank(questions);
    times.push(performance.now() - start);
    count = bank.size;
    if (problems.some((p) => p.severity === 'error')) throw new Error('the bank has errors: run npm run questions:check');
  }
  // Retained heap of one loaded bank (needs node --expose-gc, which `npm run bench` passes).
  const gc = (globalThis as { gc?: () => void }).gc;
  let heapNote = 'run with --expose-gc to measure';
  let heapMb = Number.NaN;
  if (gc) {
    gc();
    const before = process.memoryUsage().heapUsed;
    const kept = new QuestionBank(loadQuestionFiles(dir).questions);
    gc();
    heapMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
    heapNote = `${kept.size} items retained`;
  }
  const first = times[0] ?? 0;
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return [
    { name: 'load + validate whole bank (first run, cold JIT)', value: first, unit: 'ms', note: `${count} items` },
    {
      name: 'load + validate whole bank (median of 15)',
      value: median,
      unit: 'ms',
      target: '< 200 ms',
      met: median < 200,
      note: `${count} items`,
    },
    { name: 'heap retained by the loaded bank', value: heapMb, unit: 'MB', note: heapNote },
  ];
}
