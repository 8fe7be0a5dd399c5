/** One measured figure. Each bench/*.bench.ts file default-exports `() => Promise<BenchResult[]>`. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** What was measured and how, in one line. */
  note?: string;
}

/** Runs `fn` repeatedly for about `ms` milliseconds after a warm-up and returns operations per second. */
export function opsPerSecond(fn: (i: number) => unknown, ms = 1000): number {
  const warmEnd = performance.now() + Math.min(200, ms / 4);
  let i = 0;
  while (performance.now() < warmEnd) fn(i++);
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let k = 0; k < 1000; k++) fn(n++);
    now = performance.now();
  }
  return (n * 1000) / (now - start);
}
