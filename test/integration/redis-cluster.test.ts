import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { ChannelRef } from '../../src/core/types.js';
import { Cluster, connectRedis, type RedisTarget } from '../../src/infra/redis/redis-client.js';
import { actionOf } from '../support/actions.js';
import { findOnPath, startTestCluster, type TestCluster } from '../support/redis-cluster.js';
import { createTestApp } from '../support/test-app.js';

/**
 * The bot on a real 3-master Redis Cluster: the same wiring as production (config -> connectRedis ->
 * compose, BullMQ worker), so a script, MULTI or multi-key command whose keys span two slots fails
 * here with CROSSSLOT, and a queue prefix without a hash tag fails BullMQ's scripts.
 */
const missing = ['redis-server', 'redis-cli'].filter((name) => !findOnPath(name));
const suite = missing.length === 0 ? describe : describe.skip;
const title =
  missing.length === 0
    ? 'PrepBot on a 3-master Redis Cluster'
    : `PrepBot on a 3-master Redis Cluster (skipped: ${missing.join(' and ')} not on PATH; Debian's redis-server package brings both)`;

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

suite(title, () => {
  let cluster: TestCluster;
  let target: RedisTarget;
  let app: ReturnType<typeof createTestApp>;

  beforeAll(async () => {
    cluster = await startTestCluster(3);
    // Through the configuration, as `npm start` reads it: two seeds are enough, the client finds the third.
    const config = loadConfig({ REDIS_CLUSTER_NODES: cluster.nodes.slice(0, 2).join(',') });
    if (!config.redis.cluster) throw new Error('REDIS_CLUSTER_NODES did not configure a cluster');
    target = { cluster: config.redis.cluster };
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await cluster?.stop();
  });

  /** The master that serves a key's slot, as the client's slot table says. */
  async function ownerOf(key: string): Promise<string> {
    const client = app.redis as Cluster;
    const slot = Number(await client.cluster('KEYSLOT', key));
    const owner = client.slots[slot]?.[0];
    if (!owner) throw new Error(`no owner for slot ${slot}`);
    return owner;
  }

  it('records an answer once, posts and reveals a daily question through a BullMQ worker, and reads the boards, in workspaces on different masters', async () => {
    app = createTestApp({ connect: (options) => connectRedis(target, options) });
    expect(app.redis).toBeInstanceOf(Cluster);
    // A second workspace whose keys live on another master than the first one's.
    const home = await ownerOf(app.keys.workspace(app.channel));
    let other: ChannelRef | undefined;
    for (let i = 2; i < 200 && !other; i++) {
      const ch: ChannelRef = { platform: 'slack', workspaceId: `T${i}`, channelId: 'C1' };
      if ((await ownerOf(app.keys.workspace(ch))) !== home) other = ch;
    }
    if (!other) throw new Error('no workspace on another master');

    for (const ch of [app.channel, other]) {
      // The answer path: record-answer.lua with its 18 keys, then the review card (MULTI).
      const ann = app.user('ann');
      await app.text(ann, '/quiz t-handshake-count', ch);
      const replies = await Promise.all(Array.from({ length: 20 }, () => app.text(ann, '/answer b', ch)));
      const graded = replies.filter((r) => r[0]?.tone === 'correct');
      expect(graded).toHaveLength(1);
      expect(graded[0]?.[0]?.text).toContain('+20');
      expect(replies.filter((r) => r[0]?.text.includes('already answered'))).toHaveLength(19);

      // The boards: the workspace's and the channel's, with ranks.
      const [board, standing] = await app.text(ann, '/leaderboard', ch);
      expect(board?.text).toContain('1. ann · 20');
      expect(standing?.text).toContain('#1 with 20 points');
      expect((await app.deps.leaderboards.standing({ workspace: ch, channelId: ch.channelId, period: 'all' }, ann.userId))?.points).toBe(
        20,
      );
    }

    // A daily question: the job scheduler, the post through a worker, secret answers, the reveal job
    // (apply-deferred.lua, with keys for every answering member) and the boards after it.
    const admin = app.user('admin', { isAdmin: true });
    await app.text(admin, '/daily set 09:00 topic=tcp-udp reveal=1h', other);
    app.startWorker('slack');
    const [due] = await app.jobs.queue('slack').getDelayed();
    expect(due?.name).toBe('daily-post');
    await due?.promote();
    await until(() => app.platform.posts.length === 1, 'the daily post');
    const post = app.platform.posts[0];
    expect(post?.channel).toEqual(other);
    expect(post?.message.title).toContain('Daily question');
    await until(async () => (await app.deps.instances.channelPointer(other, 'daily')) !== undefined, 'the open daily question');

    const select = actionOf(post?.message, 'select').id;
    for (const name of ['bob', 'cy']) {
      const [reply] = (await app.click(app.user(name), select, ['A', 'B', 'C', 'D'], other)).messages;
      expect(reply?.visibility).toBe('private');
    }
    const allTime = { workspace: other, period: 'all' } as const;
    expect(await app.deps.leaderboards.standing(allTime, app.user('bob').userId)).toBeUndefined(); // secret until the reveal

    const reveal = (await app.jobs.queue('slack').getDelayed()).find((j) => j.name === 'daily-reveal');
    expect(reveal).toBeDefined();
    await reveal?.promote();
    await until(() => app.platform.posts.length === 2, 'the reveal');
    expect(app.platform.posts[1]?.message.text).toContain('2/2 correct (100%)');
    const top = await app.deps.leaderboards.top(allTime, 10);
    expect(top.map((s) => s.userId).sort()).toEqual(['U-ann', 'U-bob', 'U-cy']);
    expect(top.find((s) => s.userId === 'U-bob')?.points).toBe(10);
    expect(app.errors).toEqual([]);

    // The data really is spread: the two workspaces on two masters, the queue whole on one.
    const masters = (app.redis as Cluster).nodes('master');
    const holding = await Promise.all(masters.map(async (m) => (await m.scan('0', 'MATCH', `${app.prefix}:*`, 'COUNT', 10_000))[1].length));
    expect(holding.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);
    const queueOwners = new Set<string>();
    for (const m of masters) {
      const [, keys] = await m.scan('0', 'MATCH', `${app.keys.bullPrefix()}*`, 'COUNT', 10_000);
      if (keys.length > 0) queueOwners.add(`${m.options.host}:${m.options.port}`);
    }
    expect(queueOwners.size).toBe(1);
  });
});
