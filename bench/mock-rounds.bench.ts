/**
 * Scenario 4, mock rounds: 500 panels of 20 members running at once, each member answering once a
 * round by a typed `/answer` (three in four right). Round 1 ends with each panel's last answer;
 * in round 2 one member of each panel stays silent, so its 15 s timer (a BullMQ job worked by a
 * worker as main.ts starts it) ends it. Figures: the time from a panel's last answer, or from its
 * timer's due time, to its results post (p50/p99); Redis CPU while the panels answer.
 * Baselines in the same run: for the timer, how late the queue hands the job to its handler; for
 * the CPU, the record script alone replayed with round 1's arguments on reopened rounds.
 */
import { roundInstanceId } from '../src/core/mock/mock-session.js';
import type { Question } from '../src/core/questions/schema.js';
import type { ChannelRef, UserRef } from '../src/core/types.js';
import { withScripts } from '../src/infra/redis/lua-scripts.js';
import { createRedis } from '../src/infra/redis/redis-client.js';
import { type BenchResult, costRatio } from './bench-result.js';
import { benchApp, realBank } from './support/bench-app.js';
import { closedLoop, percentile } from './support/latency.js';
import { knob, privateRedis, redisCpuSeconds } from './support/private-redis.js';
import { RateLimitedPlatform } from './support/rate-limited-platform.js';

const MEMBERS = 20;
const ROUND_SECONDS = 15;
const IN_FLIGHT = 64;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A typed answer to the question: right, or (`wrong`) something graded wrong. */
function answerText(q: Question, wrong: boolean): string {
  switch (q.kind) {
    case 'single':
      return wrong ? (q.options.find((o) => o.key !== q.answer)?.key ?? 'A') : q.answer;
    case 'multi':
      return wrong ? (q.options.find((o) => !q.answer.includes(o.key))?.key ?? 'A') : q.answer.join(' ');
    case 'short':
      return wrong ? 'no idea at all' : String(q.accept[0]);
    case 'open':
      return wrong ? 'I do not know this one, sorry' : q.reference.en;
  }
}

export default async function bench(): Promise<BenchResult[]> {
  const panels = knob('BENCH_PANELS', 500, 60);
  const redis = await privateRedis();
  const platform = new RateLimitedPlatform(Number.POSITIVE_INFINITY);
  const app = benchApp(redis.server.url, { platform });
  const bank = realBank();
  try {
    // Queue lateness of each round timer: from its due time to its handler starting.
    const handedOver = new Map<string, number>();
    const roundEnd = app.jobHandlers['mock-round-end'];
    app.jobHandlers['mock-round-end'] = (payload, run) => {
      handedOver.set(payload.instanceId, Date.now() - run.dueAt);
      return roundEnd(payload, run);
    };
    app.startWorker();
    const channels = Array.from(
      { length: panels },
      (_, p): ChannelRef => ({ platform: 'slack', workspaceId: `T${p}`, channelId: `C${p}` }),
    );
    const member = (p: number, m: number): UserRef => ({
      platform: 'slack',
      userId: `U${p}-${m}`,
      displayName: `member ${m} of ${p}`,
      locale: 'en',
      isAdmin: false,
    });
    let delivery = 0;
    const say = (p: number, m: number, text: string) =>
      app.deliver({ kind: 'text', text, channel: channels[p] as ChannelRef, user: member(p, m), deliveryId: `d${delivery++}` });

    // Lobbies: the host starts, 19 join, the host begins (round 1 opens, its timer is queued).
    await closedLoop(panels, IN_FLIGHT, (p) => say(p, 0, `/mock start rounds=2 seconds=${ROUND_SECONDS}`));
    await closedLoop(panels * (MEMBERS - 1), IN_FLIGHT, (i) => say(i % panels, 1 + Math.floor(i / panels), '/mock join'));
    await closedLoop(panels, IN_FLIGHT, (p) => say(p, 0, '/mock begin'));
    const sessions = await Promise.all(channels.map((ch) => app.deps.mocks.get(ch)));
    const questionOf = (p: number, round: number) => {
      const q = bank.byId(sessions[p]?.questionIds[round - 1] ?? '');
      if (!q) throw new Error(`panel ${p} has no question for round ${round}`);
      return q;
    };

    // Round 1: every member answers (member by member across the panels, 64 answers in flight),
    // with every record-script call's arguments kept for the CPU baseline.
    const sent: unknown[][] = [];
    const client = app.storeRedis;
    const scripted = client as unknown as { recordAnswer: (this: unknown, ...args: unknown[]) => Promise<unknown> };
    const original = scripted.recordAnswer;
    scripted.recordAnswer = function (this: unknown, ...args: unknown[]) {
      if (this === client) sent.push([...args]);
      return original.apply(this, args);
    };
    const lastAnswerAt = new Array<number>(panels).fill(0);
    const answer = async (round: number, i: number) => {
      const p = i % panels;
      const m = Math.floor(i / panels);
      const started = Date.now();
      if (round === 1 && m === MEMBERS - 1) lastAnswerAt[p] = started;
      await say(p, m, `/answer ${answerText(questionOf(p, round), m % 4 === 3)}`);
    };
    const cpuBefore = await redisCpuSeconds(redis.admin);
    const r1Start = performance.now();
    const r1 = await closedLoop(panels * MEMBERS, IN_FLIGHT, (i) => answer(1, i));
    const r1Seconds = (performance.now() - r1Start) / 1000;
    const pathCpu = (await redisCpuSeconds(redis.admin)) - cpuBefore;
    scripted.recordAnswer = original;
    const afterLast = channels.map((_, p) => {
      const posted = platform.postedByKey.get(`mock-result:${roundInstanceId(sessions[p]?.id ?? '', 1)}`);
      if (posted === undefined) throw new Error(`panel ${p}: round 1 did not end with its last answer`);
      return posted - (lastAnswerAt[p] as number);
    });

    // Round 2: all but the last member answer; the timers end the rounds.
    await closedLoop(panels * (MEMBERS - 1), IN_FLIGHT, (i) => answer(2, i));
    const round2 = await Promise.all(channels.map(async (ch, p) => app.deps.instances.get(ch, roundInstanceId(sessions[p]?.id ?? '', 2))));
    const lastDue = Math.max(...round2.map((i) => i?.revealAt ?? 0));
    const resultOf = (p: number) => platform.postedByKey.get(`mock-result:${roundInstanceId(sessions[p]?.id ?? '', 2)}`);
    while (channels.some((_, p) => resultOf(p) === undefined) && Date.now() < lastDue + 60_000) await sleep(100);
    const afterTimer = channels.map((_, p) => {
      const posted = resultOf(p);
      const due = round2[p]?.revealAt;
      if (posted === undefined || due === undefined) throw new Error(`panel ${p}: round 2's timer did not end it`);
      return posted - due;
    });
    const lateness = channels.map((_, p) => handedOver.get(roundInstanceId(sessions[p]?.id ?? '', 2)) ?? Number.NaN);
    if (app.errors.length > 0) throw app.errors[0];
    const summaries = [...platform.postedByKey.keys()].filter((k) => k.startsWith('mock-summary:')).length;
    if (summaries !== panels) throw new Error(`${summaries} of ${panels} panels posted their final results`);

    // The CPU baseline: round 1's record-script calls again, on its rounds reopened and emptied.
    const pipe = redis.admin.pipeline();
    for (const [p, ch] of channels.entries()) {
      const id = roundInstanceId(sessions[p]?.id ?? '', 1);
      pipe.hset(app.keys.instance(ch, id), 'state', 'open').del(app.keys.instanceAnswers(ch, id));
    }
    await pipe.exec();
    const bare = withScripts(createRedis(redis.server.url)) as unknown as {
      recordAnswer: (...args: unknown[]) => Promise<unknown>;
      quit: () => Promise<string>;
    };
    const scriptBefore = await redisCpuSeconds(redis.admin);
    await closedLoop(sent.length, IN_FLIGHT, (i) => bare.recordAnswer(...(sent[i] as unknown[])));
    const scriptCpu = (await redisCpuSeconds(redis.admin)) - scriptBefore;
    await bare.quit();

    const n = panels * MEMBERS;
    const perAnswer = (pathCpu * 1e6) / n;
    const scriptPerAnswer = (scriptCpu * 1e6) / sent.length;
    const p99 = (v: number[]) => percentile(v, 99);
    const p50 = (v: number[]) => percentile(v, 50);
    const note = `${panels} panels × ${MEMBERS} members, ${IN_FLIGHT} answers in flight`;
    return [
      {
        name: 'round close after the last answer, p99',
        value: p99(afterLast),
        unit: 'ms',
        baseline: { name: 'an answer in the same rounds, p99', value: r1.p99, unit: 'ms' },
        ratio: costRatio(p99(afterLast), r1.p99),
        note: `${note}; p50 ${p50(afterLast).toFixed(1)} ms; the last answer is graded, recorded and answered, then the round's results are posted and the next round opens`,
      },
      {
        name: 'round close after the timer, p99',
        value: p99(afterTimer),
        unit: 'ms',
        baseline: { name: 'the queue handing the timer job over, p99', value: p99(lateness), unit: 'ms' },
        ratio: costRatio(p99(afterTimer), p99(lateness)),
        note: `${note}; p50 ${p50(afterTimer).toFixed(1)} ms (queue ${p50(lateness).toFixed(1)} ms); 1 worker, production settings`,
      },
      {
        name: 'Redis CPU per answer while the panels answer',
        value: perAnswer,
        unit: 'µs',
        baseline: { name: 'the record script alone, same arguments', value: scriptPerAnswer, unit: 'µs' },
        ratio: costRatio(perAnswer, scriptPerAnswer),
        note: `${n.toLocaleString('en-US')} answers and ${panels} round closes in ${r1Seconds.toFixed(1)} s: Redis used ${pathCpu.toFixed(2)} CPU s (${Math.round((100 * pathCpu) / r1Seconds)}% of a core); ${Math.round(r1.perSecond)} answers/s`,
      },
    ];
  } finally {
    await app.close();
    await redis.stop();
  }
}
