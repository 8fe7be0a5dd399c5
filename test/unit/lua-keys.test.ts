import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * On Redis Cluster a script may touch only the keys it is given in KEYS, all of one slot (keys.ts
 * gives them the workspace hash tag). A key built inside Lua (a literal, a concatenation) could land
 * in another slot, and would be hidden from the client that routes the script. This reads every
 * script: the key of each redis.call is KEYS[...], or a local function's parameter that every call
 * of that function fills with KEYS[...]. (test/integration/redis-cluster.test.ts runs them on a cluster.)
 */
const dir = join(import.meta.dirname, '..', '..', 'src', 'infra', 'redis', 'lua');
const scripts = readdirSync(dir).filter((f) => f.endsWith('.lua'));

/** The arguments of a call starting at `open` (the index of its '('), split at top-level commas. */
function argsAt(text: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let current = '';
  let quote: string | undefined;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      current += c;
      if (c === quote && text[i - 1] !== '\\') quote = undefined;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) {
        args.push(current.trim());
        return args;
      }
      depth--;
    } else if (c === ',' && depth === 0) {
      args.push(current.trim());
      current = '';
      continue;
    }
    current += c;
  }
  throw new Error('unbalanced call');
}

const KEYS_ARG = /^KEYS\[[^\]]+\]$/;

/** Problems with the keys of every redis.call / redis.pcall in a script. */
function keyProblems(source: string): string[] {
  const text = source.replace(/--[^\n]*/g, '');
  const problems: string[] = [];
  for (const m of text.matchAll(/redis\.p?call\s*\(/g)) {
    const [command, key] = argsAt(text, (m.index ?? 0) + m[0].length - 1);
    if (!command || !/^'[A-Z]+'$/.test(command)) {
      problems.push(`a command that is not a literal: ${command}`);
      continue;
    }
    if (key === undefined) continue;
    if (KEYS_ARG.test(key)) continue;
    if (/^[a-z_]\w*$/i.test(key) && parameterFilledWithKeys(text, key)) continue;
    problems.push(`${command} on ${key}`);
  }
  return problems;
}

/** True when `name` is a parameter of a local function and every call passes KEYS[...] there. */
function parameterFilledWithKeys(text: string, name: string): boolean {
  for (const fn of text.matchAll(/local\s+function\s+(\w+)\s*\(([^)]*)\)/g)) {
    const params = (fn[2] ?? '').split(',').map((p) => p.trim());
    const position = params.indexOf(name);
    if (position < 0) continue;
    const calls = [...text.matchAll(new RegExp(`(?<!function\\s+)\\b${fn[1]}\\s*\\(`, 'g'))];
    if (calls.length === 0) return false;
    return calls.every((call) => {
      const arg = argsAt(text, (call.index ?? 0) + call[0].length - 1)[position] ?? '';
      return KEYS_ARG.test(arg);
    });
  }
  return false;
}

describe('Lua scripts touch only keys passed in KEYS', () => {
  it('finds the scripts', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(6);
  });

  it.each(scripts)('%s', (file) => {
    expect(keyProblems(readFileSync(join(dir, file), 'utf8'))).toEqual([]);
  });

  it('catches a key built inside Lua', () => {
    expect(keyProblems("redis.call('INCR', 'prepbot:global')")).toEqual(["'INCR' on 'prepbot:global'"]);
    expect(keyProblems("redis.call('GET', KEYS[1] .. ':x')")).toEqual(["'GET' on KEYS[1] .. ':x'"]);
    expect(keyProblems("local function f(k) redis.call('DEL', k) end\nf(KEYS[1])\nf('other')")).toEqual(["'DEL' on k"]);
    expect(keyProblems("local function f(k) redis.call('DEL', k) end\nf(KEYS[1])")).toEqual([]);
  });
});
