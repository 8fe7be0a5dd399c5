/**
 * One measured figure. Each bench/*.bench.ts file default-exports `() => Promise<BenchResult[]>`.
 * A figure that has a baseline measured in the same run carries it, with the ratio: how close the
 * figure comes to what it cannot beat (1.00 x = as good as the baseline). Absolute figures on shared
 * machines move from run to run; the ratio moves much less.
 */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** What was measured and how, in one line. */
  note?: string;
  /** What the figure cannot beat, measured in the same run on the same server. */
  baseline?: { name: string; value: number; unit: string };
  /** figure ÷ baseline for rates, baseline ÷ figure for times and costs: higher is better, 1 is the limit. */
  ratio?: number;
  /** The goal, in words (e.g. ">= 0.80 x", "< 2 ms"). */
  target?: string;
  met?: boolean;
}

/** figure ÷ baseline for a rate (more is better). */
export const rateRatio = (figure: number, baseline: number) => (baseline > 0 ? figure / baseline : Number.NaN);
/** baseline ÷ figure for a time or a cost (less is better). */
export const costRatio = (figure: number, baseline: number) => (figure > 0 ? baseline / figure : Number.NaN);

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
