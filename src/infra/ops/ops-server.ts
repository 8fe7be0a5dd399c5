import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OpsRoute } from './ops-routes.js';

export interface OpsServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * A small HTTP server for the ops routes when no Slack receiver is there to carry them (Discord, Slack
 * Socket Mode, the console with METRICS=1). Anything else is a 404.
 */
export function startOpsServer(port: number, routes: readonly OpsRoute[], host?: string): Promise<OpsServer> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = routes.find((r) => r.path === path && r.method === req.method);
    if (route) return route.handler(req, res);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('not found\n');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host }, () => {
      server.off('error', reject);
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            // A scraper's keep-alive connection must not hold the shutdown.
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
