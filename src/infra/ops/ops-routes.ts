import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import type { HealthReport } from './health.js';

/** A GET route; the shape Bolt's `customRoutes` takes, so the Slack receiver can serve it too. */
export interface OpsRoute {
  path: string;
  method: 'GET';
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

export interface OpsEndpoints {
  health: () => Promise<HealthReport>;
  registry: Registry;
  /** Where a failure to answer is reported (the registry's collectors, a broken check). */
  onError: (error: unknown, path: string) => void;
}

/** `/healthz` (200 or 503, with each check's state as JSON) and `/metrics` (Prometheus text format). */
export function opsRoutes(ops: OpsEndpoints): OpsRoute[] {
  const route = (path: string, answer: () => Promise<{ status: number; type: string; body: string }>): OpsRoute => ({
    path,
    method: 'GET',
    handler: (_req, res) => {
      answer().then(
        ({ status, type, body }) => send(res, status, type, body),
        (error: unknown) => {
          ops.onError(error, path);
          send(res, 500, 'text/plain; charset=utf-8', 'internal error\n');
        },
      );
    },
  });
  return [
    route('/healthz', async () => {
      const report = await ops.health();
      return { status: report.ok ? 200 : 503, type: 'application/json', body: JSON.stringify(report.checks) };
    }),
    route('/metrics', async () => ({ status: 200, type: ops.registry.contentType, body: await ops.registry.metrics() })),
  ];
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}
