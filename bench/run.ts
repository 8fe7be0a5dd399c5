/**
 * `npm run bench [filter]`: runs every bench/*.bench.ts (or those whose name contains the filter),
 * prints a markdown table and writes bench/results/latest.json and latest.md. Benchmarks measure;
 * tests never assert durations. BENCH_QUICK=1 runs every scenario small.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './bench-result.js';
import { QUICK } from './support/private-redis.js';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();
const rows: Array<BenchResult & { file: string; seconds: number }> = [];
const runStart = performance.now();
// Other work on the machine moves every absolute figure; the table says how busy it was.
const loads: number[] = [];
const sampleLoad = setInterval(() => loads.push(loadavg()[0] ?? 0), 5000);
loads.push(loadavg()[0] ?? 0);
for (const file of files) {
  const start = performance.now();
  console.log(`${file} ...`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<BenchResult[]> };
  const results = await mod.default();
  const seconds = (performance.now() - start) / 1000;
  for (const r of results) {
    rows.push({ file, seconds, ...r });
    console.log(`${file}: ${r.name} = ${fmt(r.value)} ${r.unit}${r.ratio !== undefined ? ` (${ratio(r.ratio)})` : ''}`);
  }
  console.log(`${file}: ${seconds.toFixed(0)} s`);
}
const total = (performance.now() - runStart) / 1000;
clearInterval(sampleLoad);
const meanLoad = loads.reduce((a, b) => a + b, 0) / loads.length;

function fmt(v: number): string {
  if (!Number.isFinite(v)) return '—';
  return v < 10 ? v.toFixed(2) : Math.round(v).toLocaleString('en-US');
}
function ratio(r: number): string {
  return Number.isFinite(r) ? `${r.toFixed(2)} x` : '—';
}
const cell = (s: string) => s.replaceAll('|', '\\|');

const table = [
  `Measured ${new Date().toISOString()} on Node ${process.version}, ${process.platform}/${process.arch}, ` +
    `${availableParallelism()} cores (1-minute load average during the run: mean ${meanLoad.toFixed(1)}, max ${Math.max(...loads).toFixed(1)})` +
    `${QUICK ? ', BENCH_QUICK=1 (small scale)' : ''}; whole run ${Math.round(total)} s. ` +
    'Ratio: the figure against its baseline measured in the same run (rates: figure ÷ baseline; times and costs: baseline ÷ figure), 1.00 x = the baseline.',
  '',
  '| scenario | figure | value | unit | baseline | ratio | target | met? | note |',
  '| --- | --- | ---: | --- | --- | ---: | --- | --- | --- |',
  ...rows.map((r) =>
    [
      '',
      r.file.replace('.bench.ts', ''),
      cell(r.name),
      fmt(r.value),
      r.unit,
      r.baseline ? cell(`${r.baseline.name}: ${fmt(r.baseline.value)} ${r.baseline.unit}`) : '',
      r.ratio !== undefined ? ratio(r.ratio) : '',
      r.target ? cell(r.target) : '',
      r.met === undefined ? '' : r.met ? 'yes' : '**no**',
      cell(r.note ?? ''),
      '',
    ]
      .join(' | ')
      .trim(),
  ),
  '',
].join('\n');
console.log(`\n${table}`);
// Only a whole run at full scale is "latest"; a quick smoke run keeps its own files (not committed).
const name = QUICK ? 'quick' : 'latest';
if (!filter) {
  writeFileSync(
    join(here, 'results', `${name}.json`),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), seconds: total, quick: QUICK, rows }, null, 2)}\n`,
  );
  writeFileSync(join(here, 'results', `${name}.md`), table);
} else {
  console.log('(a filtered run: bench/results/ left as it was)');
}
process.exit(0);
