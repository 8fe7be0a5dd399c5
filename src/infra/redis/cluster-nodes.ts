/**
 * REDIS_CLUSTER_NODES: the seed nodes of a Redis Cluster, comma-separated, each `host:port` or
 * `redis://[user:password@]host:port` (`rediss://` for TLS). The client learns the other nodes from
 * any one that answers, so a few seeds are enough; credentials and TLS apply to every node.
 */
export interface ClusterNodes {
  nodes: Array<{ host: string; port: number }>;
  username: string | undefined;
  password: string | undefined;
  tls: boolean;
}

export class ClusterNodesError extends Error {}

const EXAMPLE = 'e.g. 10.0.0.1:7000,10.0.0.2:7000 or redis://:password@10.0.0.1:7000';

export function parseClusterNodes(text: string): ClusterNodes {
  const entries = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new ClusterNodesError(`must list at least one host:port, ${EXAMPLE}`);
  const parsed = entries.map(parseEntry);
  const schemes = new Set(parsed.map((p) => p.scheme ?? 'redis'));
  if (schemes.size > 1)
    throw new ClusterNodesError('mixes redis:// and rediss:// nodes: every node of a cluster uses the same TLS setting');
  const withCredentials = parsed.filter((p) => p.username !== undefined || p.password !== undefined);
  const first = withCredentials[0];
  if (withCredentials.some((p) => p.username !== first?.username || p.password !== first?.password)) {
    // One ACL user for the whole cluster: two different ones would make some nodes refuse the client.
    throw new ClusterNodesError('gives different credentials for different nodes: give them once, or the same on every node');
  }
  return {
    nodes: parsed.map(({ host, port }) => ({ host, port })),
    username: first?.username,
    password: first?.password,
    tls: schemes.has('rediss'),
  };
}

interface Entry {
  scheme: 'redis' | 'rediss' | undefined;
  host: string;
  port: number;
  username: string | undefined;
  password: string | undefined;
}

function parseEntry(entry: string): Entry {
  const scheme = /^([a-z][a-z\d+.-]*):\/\//i.exec(entry)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'redis' && scheme !== 'rediss') {
    throw new ClusterNodesError(`has a node with scheme ${scheme}:// (only redis:// and rediss://), ${EXAMPLE}`);
  }
  let url: URL;
  try {
    url = new URL(scheme ? entry : `redis://${entry}`);
  } catch {
    throw new ClusterNodesError(`has a node that is not host:port, ${EXAMPLE}`);
  }
  const port = Number(url.port);
  if (!url.hostname || !url.port || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ClusterNodesError(`needs host:port for every node (a cluster has no default port), ${EXAMPLE}`);
  }
  if ((url.pathname !== '' && url.pathname !== '/') || url.search) {
    throw new ClusterNodesError('has a node with a database number or options: a cluster has only database 0');
  }
  return {
    scheme: scheme as Entry['scheme'],
    // IPv6 hosts come back in brackets, which the client does not want.
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
  };
}

/** The passwords written in REDIS_CLUSTER_NODES, raw and decoded, even when the value is invalid. */
export function clusterNodePasswords(text: string): string[] {
  const out: string[] = [];
  for (const entry of text.split(',')) {
    const m = /^[a-z][a-z\d+.-]*:\/\/[^:@/]*:([^/]*)@/i.exec(entry.trim());
    if (!m?.[1]) continue;
    out.push(m[1]);
    try {
      out.push(decodeURIComponent(m[1]));
    } catch {
      // A malformed escape: the raw text is all there is to hide.
    }
  }
  return out;
}

/** The nodes for messages: never the password. */
export function describeClusterNodes(c: ClusterNodes): string {
  return c.nodes.map((n) => `${n.host.includes(':') ? `[${n.host}]` : n.host}:${n.port}`).join(',');
}
