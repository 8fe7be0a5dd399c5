import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const biome = join(root, 'node_modules', '.bin', 'biome');
// The project's own biome.json, applied to probe files in a scratch copy of the layout.
const scratch = mkdtempSync(join(tmpdir(), 'prepbot-lint-'));
const config = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8')) as Record<string, unknown>;
delete config.$schema;
delete config.vcs;
writeFileSync(join(scratch, 'biome.json'), JSON.stringify(config));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let n = 0;
function lint(path: string, source: string) {
  const file = join(scratch, path.replace('.ts', `-${n++}.ts`));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, source);
  const r = spawnSync(biome, ['lint', '--only=style/noRestrictedImports', `--config-path=${scratch}`, file], {
    cwd: scratch,
    encoding: 'utf8',
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('lint rule: src/core stays free of platforms and infrastructure', () => {
  it.each(['discord.js', '@slack/bolt', 'ioredis', 'bullmq', 'node:fs'])('rejects importing %s from src/core', (mod) => {
    const result = lint('src/core/probe.ts', `import * as m from '${mod}';\nexport const x = m;\n`);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('noRestrictedImports');
  });

  it('rejects reaching into infra from src/core', () => {
    const result = lint('src/core/quiz/probe.ts', `import { RedisKeys } from '../../infra/redis/keys.js';\nexport const x = RedisKeys;\n`);
    expect(result.output).toContain('noRestrictedImports');
  });

  it('allows the same import outside src/core', () => {
    const result = lint('src/infra/probe.ts', `import * as m from 'ioredis';\nexport const x = m;\n`);
    expect(result.status).toBe(0);
  });
});
