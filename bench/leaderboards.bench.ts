/**
 * Scenario 2, leaderboards at scale: one workspace board of a million members, filled by a Lua
 * loader in the layout record-answer.lua writes (packed points + tie-break scores, the members'
 * platform ids). Reads: what `/leaderboard` asks the store for (the top 10, the caller's standing,
 * whether they are hidden, the top 10's names), for callers picked at random. Baseline: the bare
 * sorted-set commands for the same callers (ZREVRANGE 0 9 + ZREVRANK) from a plain client.
 * Memory: INFO used_memory before and after each fill, per member.
 */
import type { BoardRef } from '../src/core/ports.js';
import type { WorkspaceRef } from '../src/core/types.js';
import { RedisKeys } from '../src/infra/redis/keys.js';
import { createRedis, type Redis } from '../src/infra/redis/redis-client.js';
import { RedisLeaderboardStore } from '../src/infra/redis/redis-leaderboard-store.js';
import { RedisUserDirectory } from '../src/infra/redis/redis-user-directory.js';
import { type BenchResult, costRatio } from './bench-result.js';
import { closedLoop } from './support/latency.js';
import { info, knob, privateRedis } from './support/private-redis.js';

/**
 * Fills a sorted set with `count` members in batches (one script call per batch keeps the server
 * responsive). Member ids: Slack-style (`U` + 10 digits), Discord-style snowflakes (19 digits), or
 * small interned integers (what a compact member id would be). Scores as record-answer.lua packs
 * them: points * 2^32 + (2^32 - 1 - sequence).
 */
const LOADER = `
local kind = ARGV[3]
local n = 0
for i = tonumber(ARGV[1]), tonumber(ARGV[2]) do
  local id
  if kind == 'slack' then id = string.format('U%010d', i)
  elseif kind == 'discord' then id = string.format('%d', 1100000000000000000 + i * 7919)
  else id = tostring(i) end
  local points = (i * 7919) % 5000
  if ARGV[4] == 'names' then redis.call('HSET', KEYS[1], id, 'member ' .. i)
  else redis.call('ZADD', KEYS[1], string.format('%.0f', points * 4294967296 + (4294967295 - i)), id) end
  n = n + 1
end
return n
`;

const slackId = (i: number) => `U${String(i).padStart(10, '0')}`;

/** Fills a board (or, with `names`, a display-name hash) and returns the bytes it took per member. */
async function fill(
  redis: Redis,
  key: string,
  count: number,
  kind: 'slack' | 'discord' | 'int',
  what: 'board' | 'names' = 'board',
): Promise<number> {
  const before = await usedMemory(redis);
  const batch = 50_000;
  for (let from = 1; from <= count; from += batch) {
    await redis.eval(LOADER, 1, key, from, Math.min(count, from + batch - 1), kind, what);
  }
  const size = what === 'board' ? await redis.zcard(key) : await redis.hlen(key);
  if (size !== count) throw new Error(`${key} has ${size} members, not ${count}`);
  return ((await usedMemory(redis)) - before) / count;
}

async function usedMemory(redis: Redis): Promise<number> {
  return info(redis, 'memory', 'used_memory');
}

export default async function bench(): Promise<BenchResult[]> {
  const members = knob('BENCH_BOARD_MEMBERS', 1_000_000, 100_000);
  const lookups = knob('BENCH_BOARD_LOOKUPS', 20_000, 3_000);
  const redis = await privateRedis();
  const keys = new RedisKeys('bench');
  const ws: WorkspaceRef = { platform: 'slack', workspaceId: 'T1' };
  const board: BoardRef = { workspace: ws, period: 'all' };
  const boardKey = keys.board(ws, undefined, 'all');
  try {
    // Memory first, each layout on an empty server; the Slack-style board stays for the reads.
    const discord = await fill(redis.admin, 'mem:discord', members, 'discord');
    await redis.admin.flushall();
    const interned = await fill(redis.admin, 'mem:int', members, 'int');
    await redis.admin.flushall();
    const slack = await fill(redis.admin, boardKey, members, 'slack');
    // Names are per workspace, not per board: loaded for the reads, not counted in the board's memory.
    await fill(redis.admin, keys.displayNames(ws), members, 'slack', 'names');
    console.log(
      `  bytes per member per board: slack ids ${slack.toFixed(1)}, discord ids ${discord.toFixed(1)}, interned ints ${interned.toFixed(1)}`,
    );

    const storeRedis = createRedis(redis.server.url, { enableAutoPipelining: true });
    const store = new RedisLeaderboardStore(storeRedis, keys);
    const users = new RedisUserDirectory(storeRedis, keys);
    const bare = createRedis(redis.server.url);
    // The same callers for the path and its baseline.
    const callers = Array.from({ length: lookups }, (_, i) => slackId(1 + ((i * 104_729) % members)));
    const leaderboard = async (i: number) => {
      const caller = callers[i] as string;
      const [top, mine, hidden] = await Promise.all([store.top(board, 10), store.standing(board, caller), store.isHidden(ws, caller)]);
      if (!mine || top.length !== 10) throw new Error('the board lost a member');
      await users.displayNames(
        ws,
        top.map((s) => s.userId),
      );
      return hidden;
    };
    const raw = (i: number) =>
      bare
        .pipeline()
        .zrevrange(boardKey, 0, 9, 'WITHSCORES')
        .zrevrank(boardKey, callers[i] as string)
        .exec();
    await closedLoop(500, 1, leaderboard);
    await closedLoop(500, 1, raw);
    const one = await closedLoop(lookups, 1, leaderboard);
    const oneRaw = await closedLoop(lookups, 1, raw);
    const many = await closedLoop(lookups, 16, leaderboard);
    const manyRaw = await closedLoop(lookups, 16, raw);
    await Promise.all([storeRedis.quit(), bare.quit()]);
    const note = `${members.toLocaleString('en-US')} members, ${lookups.toLocaleString('en-US')} random callers`;
    return [
      {
        name: 'top 10 + caller rank, 1 at a time, p99',
        value: one.p99,
        unit: 'ms',
        baseline: { name: 'ZREVRANGE 0 9 + ZREVRANK alone, p99', value: oneRaw.p99, unit: 'ms' },
        ratio: costRatio(one.p99, oneRaw.p99),
        target: '< 2 ms',
        met: one.p99 < 2,
        note: `${note}; what /leaderboard reads (top, standing, hidden, names); p50 ${one.p50.toFixed(2)} ms (bare ${oneRaw.p50.toFixed(2)} ms)`,
      },
      {
        name: 'top 10 + caller rank, 16 at a time, p99',
        value: many.p99,
        unit: 'ms',
        baseline: { name: 'ZREVRANGE 0 9 + ZREVRANK alone, p99', value: manyRaw.p99, unit: 'ms' },
        ratio: costRatio(many.p99, manyRaw.p99),
        note: `${note}; under load, for the record; p50 ${many.p50.toFixed(2)} ms (bare ${manyRaw.p50.toFixed(2)} ms), ${Math.round(many.perSecond)} lookups/s`,
      },
      {
        name: 'memory per member per board (Slack ids, as stored today)',
        value: slack,
        unit: 'bytes',
        baseline: { name: 'the same board with interned integer ids', value: interned, unit: 'bytes' },
        ratio: costRatio(slack, interned),
        target: '<= 100 bytes',
        met: slack <= 100,
        note: `INFO used_memory before/after ${members.toLocaleString('en-US')} ZADDs; Discord snowflake ids cost ${discord.toFixed(1)} bytes`,
      },
    ];
  } finally {
    await redis.stop();
  }
}
