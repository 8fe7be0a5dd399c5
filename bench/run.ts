/**
 * `npm run bench [filter]`: runs every bench/*.bench.ts, prints a markdown table and writes
 * bench/results/latest.json and latest.md. Benchmarks measure; tests never assert durations.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './bench-result.js';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();
const rows: Array<BenchResult & { file: string }> = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<BenchResult[]> };
  for (const r of await mod.default()) {
    rows.push({ file, ...r });
    console.log(`${file}: ${r.name} = ${r.value.toFixed(r.value < 10 ? 2 : 0)} ${r.unit}`);
  }
}
const fmt = (v: number) => (v < 10 ? v.toFixed(2) : Math.round(v).toLocaleString('en-US'));
const table = [
  `Measured ${new Date().toISOString()} on Node ${process.version}, ${process.platform}/${process.arch}`,
  '',
  '| benchmark | figure | value | unit | note |',
  '| --- | --- | ---: | --- | --- |',
  ...rows.map((r) => `| ${r.file} | ${r.name} | ${fmt(r.value)} | ${r.unit} | ${r.note ?? ''} |`),
  '',
].join('\n');
console.log(`\n${table}`);
writeFileSync(join(here, 'results', 'latest.json'), `${JSON.stringify(rows, null, 2)}\n`);
writeFileSync(join(here, 'results', 'latest.md'), table);
process.exit(0);
