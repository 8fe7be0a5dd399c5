import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from '../../src/infra/redis/redis-client.js';

const run = promisify(execFile);

/** The first `name` on PATH that answers `--version`, or undefined. */
export function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (spawnSync(candidate, ['--version'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  return undefined;
}

export interface TestCluster {
  /** `127.0.0.1:port` of every master, as REDIS_CLUSTER_NODES takes them. */
  nodes: string[];
  stop(): Promise<void>;
}

/**
 * A Redis Cluster of `masters` redis-server processes on loopback, in a temporary folder, built with
 * `redis-cli --cluster create` and ready (cluster_state:ok on every node) when this resolves.
 */
export async function startTestCluster(masters = 3): Promise<TestCluster> {
  const server = findOnPath('redis-server');
  const cli = findOnPath('redis-cli');
  if (!server || !cli) throw new Error('redis-server and redis-cli are needed on PATH');
  const dir = mkdtempSync(join(tmpdir(), 'prepbot-cluster-'));
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGKILL');
          }),
      ),
    );
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const ports = await clusterPorts(masters);
    for (const port of ports) {
      const child = spawn(
        server,
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          join(dir, `nodes-${port}.conf`),
          '--cluster-node-timeout',
          '5000',
          '--dir',
          dir,
          '--save',
          '',
          '--appendonly',
          'no',
          '--daemonize',
          'no',
          '--logfile',
          join(dir, `redis-${port}.log`),
        ],
        { stdio: 'ignore' },
      );
      children.push(child);
    }
    await Promise.all(ports.map((port) => untilAnswers(port)));
    const nodes = ports.map((p) => `127.0.0.1:${p}`);
    await run(cli, ['--cluster', 'create', ...nodes, '--cluster-replicas', '0', '--cluster-yes'], { timeout: 30_000 });
    await Promise.all(ports.map((port) => untilClusterOk(port, masters)));
    return { nodes, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Free ports whose cluster bus port (port + 10000) is free too. */
async function clusterPorts(count: number): Promise<number[]> {
  const out: number[] = [];
  for (let tries = 0; out.length < count && tries < 200; tries++) {
    const port = 20_000 + Math.floor(Math.random() * 25_000);
    if (out.includes(port) || out.includes(port + 10_000) || out.includes(port - 10_000)) continue;
    if ((await isFree(port)) && (await isFree(port + 10_000))) out.push(port);
  }
  if (out.length < count) throw new Error('no free loopback ports for a test cluster');
  return out;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

async function untilAnswers(port: number): Promise<void> {
  await poll(port, async (r) => (await r.ping()) === 'PONG', `redis-server on ${port} to start`);
}

async function untilClusterOk(port: number, masters: number): Promise<void> {
  await poll(
    port,
    async (r) => {
      const info = await r.cluster('INFO');
      return info.includes('cluster_state:ok') && info.includes(`cluster_known_nodes:${masters}`);
    },
    `the cluster node on ${port} to report cluster_state:ok`,
  );
}

async function poll(port: number, check: (r: Redis) => Promise<boolean>, what: string): Promise<void> {
  const r = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  r.on('error', () => undefined);
  try {
    for (let i = 0; i < 200; i++) {
      try {
        if (r.status !== 'ready') await r.connect();
        if (await check(r)) return;
      } catch {
        // Not up yet: try again.
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`timed out waiting for ${what}`);
  } finally {
    r.disconnect();
  }
}
