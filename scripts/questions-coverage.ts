/**
 * `npm run questions:coverage [seed-index.md]`: which distinct seed questions have no item in the
 * bank, and which items miss a seed file the index says the question appears in. A development
 * script: it needs ../shared/seed-index.md, which is not part of the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatProblem, loadQuestionFiles } from '../src/infra/questions/load-question-files.js';

const indexPath = resolve(process.argv[2] ?? '../shared/seed-index.md');
if (!existsSync(indexPath)) {
  console.log(`No seed index at ${indexPath}; nothing to check.`);
  process.exit(0);
}

interface Entry {
  id: string;
  topic: string;
  files: Set<string>;
}

const entries: Entry[] = [];
let topic = '';
for (const line of readFileSync(indexPath, 'utf8').split('\n')) {
  const heading = /^###\s+[\d.]+\s+([a-z0-9-]+)/.exec(line);
  if (heading?.[1]) topic = heading[1];
  const row = /^\|\s*([a-z0-9]+(?:-[a-z0-9]+)+|[a-z0-9]+)\s*\|(.*)\|\s*$/.exec(line);
  if (!row?.[1] || row[1] === 'id' || !topic) continue;
  const appears = row[2]?.split('|').at(-1) ?? '';
  // "implied by" files are hints, not appearances of the question itself.
  const direct = appears.split(/implied by/)[0] ?? '';
  entries.push({ id: row[1], topic, files: new Set(direct.match(/\d{3}_[0-9a-f]+\.txt/g) ?? []) });
}

const { questions, problems } = loadQuestionFiles(resolve(process.env.QUESTIONS_DIR ?? 'questions'));
for (const p of problems.filter((x) => x.severity === 'error')) console.error(formatProblem(p));
const byId = new Map(questions.map((q) => [q.id, q]));

const missing = entries.filter((e) => !byId.has(e.id));
const wrongTopic = entries.filter((e) => byId.has(e.id) && byId.get(e.id)?.topic !== e.topic);
const missingSources: string[] = [];
for (const e of entries) {
  const q = byId.get(e.id);
  if (!q) continue;
  const cited = new Set(q.sources.map((s) => s.file));
  const absent = [...e.files].filter((f) => !cited.has(f));
  if (absent.length > 0) missingSources.push(`${e.id}: sources lack ${absent.join(', ')}`);
}

console.log(`${entries.length} distinct seed questions in ${indexPath}`);
console.log(`${entries.length - missing.length} covered, ${missing.length} missing`);
for (const e of missing) console.log(`  missing: ${e.id} (${e.topic})`);
for (const e of wrongTopic) console.log(`  topic differs: ${e.id} is in ${byId.get(e.id)?.topic}, the index says ${e.topic}`);
for (const m of missingSources) console.log(`  ${m}`);
const gradable = questions.filter((q) => q.kind !== 'open');
const seedIds = new Set(entries.map((e) => e.id));
const extra = gradable.filter((q) => !seedIds.has(q.id));
const perTopic = new Map<string, number>();
for (const q of gradable) perTopic.set(q.topic, (perTopic.get(q.topic) ?? 0) + 1);
console.log(`${questions.length} items; ${gradable.length} auto-gradable (${extra.length} beyond the seed questions)`);
console.log(`auto-gradable per topic: ${[...perTopic].map(([t, n]) => `${t} ${n}`).join(', ')}`);
process.exit(missing.length > 0 || missingSources.length > 0 ? 1 : 0);
