import { createServer, Socket } from 'node:net';

/**
 * A TCP proxy in front of a redis-server that counts sequential round trips: a burst of client bytes
 * that follows a server reply starts a new one, so pipelined commands (one write) count once and a
 * command that had to wait for an earlier reply counts again. It also lists the commands sent in
 * each round trip, for the test's report.
 */
export async function startRoundTripCounter(redisUrl: string) {
  const target = new URL(redisUrl);
  const trips: string[][] = [];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = new Socket();
    upstream.connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    let serverSpoke = true;
    client.on('data', (chunk) => {
      if (serverSpoke) trips.push([]);
      serverSpoke = false;
      trips.at(-1)?.push(...commandNames(chunk.toString('latin1')));
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      serverSpoke = true;
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    url: `redis://127.0.0.1:${address.port}`,
    /** Round trips since the last reset, each with the commands it carried. */
    trips: () => trips.slice(),
    reset: () => {
      trips.length = 0;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The command name of each RESP array in a chunk (good enough for a report). */
function commandNames(text: string): string[] {
  return [...text.matchAll(/\*\d+\r\n\$\d+\r\n([A-Za-z]+)\r\n/g)].map((m) => (m[1] ?? '').toUpperCase());
}
