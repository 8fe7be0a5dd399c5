import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionFiles } from '../../src/infra/questions/load-question-files.js';

const { questions } = loadQuestionFiles(join(import.meta.dirname, '..', '..', 'questions'));
const python = spawnSync('python3', ['--version']).status === 0;

/** Every ```python block anywhere in an item (prompt, options, reference, explanation), both languages. */
function pythonBlocks(): Array<{ id: string; code: string }> {
  const blocks: Array<{ id: string; code: string }> = [];
  const visit = (id: string, value: unknown): void => {
    if (typeof value === 'string') {
      for (const m of value.matchAll(/```python\n([\s\S]*?)```/g)) blocks.push({ id, code: m[1] ?? '' });
    } else if (value && typeof value === 'object') {
      for (const v of Object.values(value)) visit(id, v);
    }
  };
  for (const q of questions) visit(q.id, q);
  return blocks;
}

describe('code in the bank is valid Python 3', () => {
  it.skipIf(!python)('parses every python code block with python3', () => {
    const blocks = pythonBlocks();
    expect(blocks.length).toBeGreaterThan(10);
    const script =
      'import ast, json, sys\nbad = []\nfor b in json.load(sys.stdin):\n    try:\n        ast.parse(b["code"])\n    except SyntaxError as e:\n        bad.append(f"{b[\'id\']}: {e.msg} (line {e.lineno})")\nprint(json.dumps(bad))\n';
    const run = spawnSync('python3', ['-c', script], { input: JSON.stringify(blocks), encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
  });
});
