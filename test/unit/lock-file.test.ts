import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface LockEntry {
  optionalDependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockEntry>;
};

describe('the committed lock file', () => {
  // An `npm install` on one machine can drop other platforms' binaries; then `npm ci` fails on macOS,
  // Windows or musl (esbuild, Biome, rolldown, lightningcss, msgpackr-extract).
  it('holds every platform’s optional binaries, so npm ci works beyond this machine', () => {
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      for (const dep of Object.keys(entry.optionalDependencies ?? {})) {
        if (!lock.packages[`${path}/node_modules/${dep}`] && !lock.packages[`node_modules/${dep}`]) missing.push(`${path} -> ${dep}`);
      }
    }
    expect(missing).toEqual([]);
    expect(Object.keys(lock.packages).filter((p) => p.startsWith('node_modules/@esbuild/')).length).toBeGreaterThan(20);
  });
});
