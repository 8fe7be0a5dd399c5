/**
 * Scenario 1, the answer path end to end: a typed `/answer` event through the core (delivery check,
 * routing, grading, the record script with its boards and streak, the reply, the spaced-repetition
 * card) at 1, 16 and 256 answers in flight, on a private redis-server over loopback. Baselines in the
 * same run and on the same server: the record script alone (replayed with the very arguments the
 * path sent, from a bare ioredis client, on the same state) and PING from that client.
 */
import type { InstanceIdentity } from '../src/core/instances/question-instance.js';
import type { ChannelRef, UserRef } from '../src/core/types.js';
import { withScripts } from '../src/infra/redis/lua-scripts.js';
import { createRedis } from '../src/infra/redis/redis-client.js';
import { type BenchResult, costRatio, rateRatio } from './bench-result.js';
import { type BenchApp, benchApp, realBank } from './support/bench-app.js';
import { closedLoop, openLoop } from './support/latency.js';
import { knob, privateRedis, redisCpuSeconds } from './support/private-redis.js';

const MEMBERS = 256;
const LEVELS = [1, 16, 256];
/** A single-choice question of the real bank: three in four answers right. */
function question() {
  const q = realBank().questions.find((item) => item.kind === 'single');
  if (q?.kind !== 'single') throw new Error('the bank has no single-choice question');
  const wrong = q.options.map((o) => o.key).find((k) => k !== q.answer) ?? 'A';
  return { id: q.id, right: q.answer, wrong };
}

/** `channels` channels, each with its daily question open (instant feedback, so boards and streak move at once). */
async function openDailies(app: BenchApp, channels: number, questionId: string): Promise<ChannelRef[]> {
  const now = Date.now();
  const refs = Array.from({ length: channels }, (_, j): ChannelRef => ({ platform: 'slack', workspaceId: 'T1', channelId: `C${j}` }));
  await Promise.all(
    refs.map(async (channel) => {
      const instance: InstanceIdentity = {
        id: `daily-${channel.channelId}-bench`,
        questionId,
        mode: 'daily',
        channel,
        audience: { kind: 'channel' },
        createdAt: now,
        revealAt: now + 4 * 3600_000,
        timezone: 'UTC',
        locale: 'en',
      };
      await app.deps.instances.create({ ...instance, state: 'open' });
      await app.deps.instances.setChannelPointer(channel, 'daily', instance);
    }),
  );
  return refs;
}

const member = (i: number): UserRef => ({
  platform: 'slack',
  userId: `U${String(i).padStart(9, '0')}`,
  displayName: `member ${i}`,
  locale: 'en',
  isAdmin: false,
});

/** CPU time per operation, µs: this Node process and the redis-server, over one measured phase. */
interface CpuCost {
  node: number;
  redis: number;
}

async function cpuCost<T>(redis: Parameters<typeof redisCpuSeconds>[0], ops: () => number, phase: () => Promise<T>): Promise<[T, CpuCost]> {
  const redisBefore = await redisCpuSeconds(redis);
  const nodeBefore = process.cpuUsage();
  const result = await phase();
  const node = process.cpuUsage(nodeBefore);
  const redisUsed = (await redisCpuSeconds(redis)) - redisBefore;
  const n = ops();
  return [result, { node: (node.user + node.system) / n, redis: (redisUsed * 1e6) / n }];
}

interface Level {
  concurrency: number;
  pathCpu: CpuCost;
  scriptCpu: CpuCost;
  path: Awaited<ReturnType<typeof closedLoop>>;
  script: Awaited<ReturnType<typeof closedLoop>>;
  ping: Awaited<ReturnType<typeof closedLoop>>;
  total: number;
}

export default async function bench(): Promise<BenchResult[]> {
  const redis = await privateRedis();
  const q = question();
  const perLevel = knob('BENCH_ANSWERS', 20_000, 3_000);
  const repeat = knob('BENCH_REPEAT', 2, 1);
  const levels: Level[] = [];
  let steady: Awaited<ReturnType<typeof openLoop>> | undefined;
  let steadyRate = 0;
  try {
    for (const concurrency of LEVELS) {
      // One answer in flight is slow by nature: fewer of them say as much.
      const total = concurrency === 1 ? Math.ceil(perLevel / 8) : perLevel;
      // Each side's best of `repeat` runs, path and baselines taking turns, so a burst of load from
      // elsewhere on a shared machine does not land on one side only.
      let best: Omit<Level, 'concurrency' | 'total'> | undefined;
      for (let run = 0; run < repeat; run++) {
        const m = await measureOnce(redis, q, concurrency, total, run);
        best = best
          ? {
              ...(m.path.perSecond > best.path.perSecond
                ? { path: m.path, pathCpu: m.pathCpu }
                : { path: best.path, pathCpu: best.pathCpu }),
              ...(m.script.perSecond > best.script.perSecond
                ? { script: m.script, scriptCpu: m.scriptCpu }
                : { script: best.script, scriptCpu: best.scriptCpu }),
              ping: m.ping.perSecond > best.ping.perSecond ? m.ping : best.ping,
            }
          : m;
      }
      if (!best) throw new Error('no run');
      const { path, script, ping, pathCpu, scriptCpu } = best;
      levels.push({ concurrency, path, script, ping, total, pathCpu, scriptCpu });
      console.log(
        `  answer path @${concurrency}: ${Math.round(path.perSecond)}/s p50 ${path.p50.toFixed(2)} p99 ${path.p99.toFixed(2)} ms; ` +
          `script ${Math.round(script.perSecond)}/s; ping ${Math.round(ping.perSecond)}/s; ` +
          `CPU µs/answer node ${pathCpu.node.toFixed(0)} redis ${pathCpu.redis.toFixed(0)} (script alone: node ${scriptCpu.node.toFixed(0)} redis ${scriptCpu.redis.toFixed(0)})`,
      );
    }

    // Steady load: half the best rate the path reached, arriving at a fixed pace (open loop).
    const best = Math.max(...levels.map((l) => l.path.perSecond));
    steadyRate = best / 2;
    const steadyTotal = Math.round(steadyRate * (knob('BENCH_STEADY_SECONDS', 10, 3) as number));
    await redis.admin.flushall();
    const app = benchApp(redis.server.url);
    const refs = await openDailies(app, Math.ceil(steadyTotal / MEMBERS), q.id);
    await warmUp(app, refs, q.right);
    steady = await openLoop(steadyRate, steadyTotal, (i) =>
      app.deliver({
        kind: 'text',
        text: `/answer ${i % 4 === 3 ? q.wrong : q.right}`,
        channel: refs[Math.floor(i / MEMBERS)] as ChannelRef,
        user: member(i % MEMBERS),
        deliveryId: `s-${i}`,
      }),
    );
    if (app.errors.length > 0) throw app.errors[0];
    await app.close();
  } finally {
    await redis.stop();
  }

  const rows: BenchResult[] = [];
  for (const l of levels) {
    const c = l.concurrency;
    const toScript = rateRatio(l.path.perSecond, l.script.perSecond);
    const gated = c >= 16;
    rows.push(
      {
        name: `answers/s, ${c} in flight, vs the record script alone`,
        value: l.path.perSecond,
        unit: 'answers/s',
        baseline: { name: 'record-answer script alone', value: l.script.perSecond, unit: 'answers/s' },
        ratio: toScript,
        target: gated ? '>= 0.80 x' : undefined,
        met: gated ? toScript >= 0.8 : undefined,
        note:
          `${l.total} typed /answer events through the core (grade, record, streak, 6 boards, reply, review card); CPU per answer: ` +
          `bot ${l.pathCpu.node.toFixed(0)} µs + Redis ${l.pathCpu.redis.toFixed(0)} µs (script alone: client ${l.scriptCpu.node.toFixed(0)} µs + Redis ${l.scriptCpu.redis.toFixed(0)} µs)`,
      },
      {
        name: `answers/s, ${c} in flight, vs PING`,
        value: l.path.perSecond,
        unit: 'answers/s',
        baseline: { name: 'PING, same client', value: l.ping.perSecond, unit: 'ops/s' },
        ratio: rateRatio(l.path.perSecond, l.ping.perSecond),
        note: 'the loopback limit',
      },
      {
        name: `p50 / p99, ${c} in flight`,
        value: l.path.p99,
        unit: 'ms p99',
        baseline: { name: 'record script alone p99', value: l.script.p99, unit: 'ms' },
        ratio: costRatio(l.path.p99, l.script.p99),
        note: `p50 ${l.path.p50.toFixed(2)} ms (script alone ${l.script.p50.toFixed(2)} ms, PING ${l.ping.p50.toFixed(2)} ms)`,
      },
    );
  }
  if (steady) {
    rows.push({
      name: 'p99 at a steady half of the best rate',
      value: steady.p99,
      unit: 'ms',
      target: '< 10 ms',
      met: steady.p99 < 10,
      note: `${Math.round(steadyRate)} answers/s arriving at a fixed pace (reached ${Math.round(steady.achieved)}/s), p50 ${steady.p50.toFixed(2)} ms, timed from when each was due`,
    });
  }
  return rows;
}

/** One run at one concurrency: the path (its record-script calls kept), then the script alone and PING. */
async function measureOnce(
  redis: Awaited<ReturnType<typeof privateRedis>>,
  q: ReturnType<typeof question>,
  concurrency: number,
  total: number,
  run: number,
): Promise<Omit<Level, 'concurrency' | 'total'>> {
  const channels = Math.ceil(total / MEMBERS);
  let graded = 0;
  const answer = async (app: BenchApp, refs: ChannelRef[], i: number) => {
    const done = await app.deliver({
      kind: 'text',
      text: `/answer ${i % 4 === 3 ? q.wrong : q.right}`,
      channel: refs[Math.floor(i / MEMBERS)] as ChannelRef,
      user: member(i % MEMBERS),
      deliveryId: `c${concurrency}-${run}-${i}`,
    });
    if (GRADED.has(done.messages[0]?.tone ?? '')) graded++;
  };

  // The path, with every record-script call's arguments kept for the baseline.
  await redis.admin.flushall();
  let app = benchApp(redis.server.url);
  let refs = await openDailies(app, channels, q.id);
  await warmUp(app, refs, q.right);
  const sent: unknown[][] = [];
  const client = app.storeRedis;
  const scripted = client as unknown as { recordAnswer: (this: unknown, ...args: unknown[]) => Promise<unknown> };
  const original = scripted.recordAnswer;
  // The auto-pipeline copies the client's script functions and calls them on itself: record only the client's call.
  scripted.recordAnswer = function (this: unknown, ...args: unknown[]) {
    if (this === client) sent.push([...args]);
    return original.apply(this, args);
  };
  const [path, pathCpu] = await cpuCost(
    redis.admin,
    () => total,
    () => closedLoop(total, concurrency, (i) => answer(app, refs, i)),
  );
  if (app.errors.length > 0) throw app.errors[0];
  if (graded !== total) throw new Error(`only ${graded} of ${total} answers were graded: the scenario is not what it says`);
  await app.close();

  // The same script calls on the same fresh state, from a bare client (no auto-pipelining).
  await redis.admin.flushall();
  app = benchApp(redis.server.url);
  refs = await openDailies(app, channels, q.id);
  await app.close();
  const bare = withScripts(createRedis(redis.server.url)) as unknown as {
    recordAnswer: (...args: unknown[]) => Promise<unknown>;
    ping: () => Promise<string>;
    quit: () => Promise<string>;
  };
  await bare.ping();
  const [script, scriptCpu] = await cpuCost(
    redis.admin,
    () => sent.length,
    () => closedLoop(sent.length, concurrency, (i) => bare.recordAnswer(...(sent[i] as unknown[]))),
  );
  const ping = await closedLoop(total, concurrency, () => bare.ping());
  await bare.quit();
  return { path, pathCpu, script, scriptCpu, ping };
}

const GRADED = new Set(['correct', 'wrong', 'partial']);

/** Scripts loaded, code paths compiled: a few hundred answers that are not measured. */
async function warmUp(app: BenchApp, refs: ChannelRef[], key: string): Promise<void> {
  // Members other than the measured ones: the measured answers stay first answers.
  await closedLoop(400, 8, (i) =>
    app.deliver({
      kind: 'text',
      text: `/answer ${key}`,
      channel: refs[i % refs.length] as ChannelRef,
      user: member(100_000 + i),
      deliveryId: `w${i}`,
    }),
  );
}
