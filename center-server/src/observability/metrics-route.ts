/**
 * Request metrics for every route, and `GET /metrics` for the scraper. The endpoint is outside the line (no client
 * certificate), so who may read it is decided here: by default only callers on the loopback address (a scraper or
 * agent on the centre's host), `public` for anyone who reaches the port, `off` to not serve it at all.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendError } from '../http-errors.js';
import type { CenterMetrics } from './metrics.js';

export type MetricsAccess = 'loopback' | 'public' | 'off';

export const METRICS_PATH = '/metrics';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

const mayRead = (request: FastifyRequest, access: MetricsAccess): boolean =>
  access === 'public' || (access === 'loopback' && LOOPBACK.has(request.socket.remoteAddress ?? ''));

export function parseMetricsAccess(value: string | undefined): MetricsAccess {
  if (value === undefined || value === '') return 'loopback';
  if (value === 'loopback' || value === 'public' || value === 'off') return value;
  throw new Error(`CENTER_METRICS must be loopback, public or off, not ${value}`);
}

/** Call on the root instance before any route is registered, so that the hook sees all of them. */
export function metricsRoutes(app: FastifyInstance, metrics: CenterMetrics, access: MetricsAccess): void {
  app.addHook('onResponse', async (request, reply) => {
    // The route pattern keeps label values bounded; unmatched URLs (scanners) share one value.
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.request(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });
  app.get(METRICS_PATH, { schema: { hide: true } }, async (request, reply) => {
    // Refused callers see the same answer as for a route that does not exist: nothing to probe.
    if (!mayRead(request, access)) return sendError(reply, 'NOT_FOUND');
    return reply
      .type(metrics.registry.contentType)
      .header('cache-control', 'no-store')
      .send(await metrics.registry.metrics());
  });
}
