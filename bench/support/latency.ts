/** Percentiles of a list of durations (ms), nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export interface ClosedLoopRun {
  /** Completed operations per second over the whole run. */
  perSecond: number;
  /** Each operation's duration, ms. */
  latencies: number[];
  p50: number;
  p99: number;
}

/**
 * Runs `total` operations with `concurrency` of them in flight at all times (closed loop: a caller
 * starts its next operation when its last one is done) and measures each one.
 */
export async function closedLoop(total: number, concurrency: number, op: (i: number) => Promise<unknown>): Promise<ClosedLoopRun> {
  const latencies = new Array<number>(total);
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await op(i);
        latencies[i] = performance.now() - t0;
      }
    }),
  );
  const elapsed = performance.now() - start;
  return { perSecond: (total * 1000) / elapsed, latencies, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/**
 * Starts operations at a fixed rate whatever the earlier ones are doing (open loop) and measures
 * each from the moment it was due, so a stall shows in the latencies instead of slowing the load.
 */
export async function openLoop(
  perSecond: number,
  total: number,
  op: (i: number) => Promise<unknown>,
): Promise<{ latencies: number[]; p50: number; p99: number; achieved: number }> {
  const latencies = new Array<number>(total);
  const interval = 1000 / perSecond;
  const start = performance.now();
  const running: Array<Promise<void>> = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    // setTimeout has 1 ms granularity: sleep only when a tick ahead, otherwise start those due now.
    if (wait >= 1) await new Promise((r) => setTimeout(r, wait));
    running.push(
      op(i).then(() => {
        latencies[i] = performance.now() - due;
      }),
    );
  }
  await Promise.all(running);
  const elapsed = performance.now() - start;
  return { latencies, p50: percentile(latencies, 50), p99: percentile(latencies, 99), achieved: (total * 1000) / elapsed };
}
