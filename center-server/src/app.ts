/**
 * The centre's HTTPS server. The line needs a client certificate from the line CA; the TLS layer asks for one but
 * lets the request through without it, so that the refusal is a JSON error with a stable code rather than a bare
 * handshake failure a kiosk cannot explain. The same lenient handshake serves the public `/.well-known/` routes
 * (signing keys, revocations), the OpenAPI document and `/metrics`, which sit outside the line's authentication.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { installErrorHandlers } from './http-errors.js';
import type { AuditLog } from './issuance/audit-log.js';
import type { IssuanceDeps } from './issuance/pipeline.js';
import type { HeartbeatBoard } from './kiosks/heartbeats.js';
import type { KioskRegistry } from './kiosks/registry.js';
import { lineAuth } from './line/auth.js';
import { DEFAULT_KIOSK_RATE_PER_MINUTE, lineRateLimit } from './line/rate-limit.js';
import { lineRoutes } from './line/routes.js';
import { centerMetrics, type CenterMetrics } from './observability/metrics.js';
import { metricsRoutes, type MetricsAccess } from './observability/metrics-route.js';
import { openApi } from './observability/openapi.js';
import { wellKnownRoutes, type WellKnownOptions } from './well-known/routes.js';

export interface CenterServerOptions {
  readonly tls: { readonly key: string; readonly cert: string; readonly ca: string };
  readonly issuance: IssuanceDeps;
  readonly audit: AuditLog;
  /** What verifiers fetch: the signing keys and the revocation lists. */
  readonly publication: WellKnownOptions;
  readonly registry: KioskRegistry;
  readonly heartbeats: HeartbeatBoard;
  readonly signatureWindowSeconds?: number;
  readonly maxCopies?: number;
  readonly heartbeatSeconds?: number;
  readonly logger?: boolean;
  /** Requests one kiosk may make per minute on the line. */
  readonly kioskRatePerMinute?: number;
  /** Who may read `/metrics`; default loopback callers only. */
  readonly metricsAccess?: MetricsAccess;
  /** Default: a fresh registry for this server. */
  readonly metrics?: CenterMetrics;
}

export async function createCenterServer(opts: CenterServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    https: { ...opts.tls, requestCert: true, rejectUnauthorized: false, minVersion: 'TLSv1.2' },
    logger: opts.logger ? { level: 'info' } : false,
    // Nothing the kiosk sends is large; 64 KiB is ample for four card files.
    bodyLimit: 64 * 1024,
  });
  installErrorHandlers(app);
  const metrics = opts.metrics ?? centerMetrics();
  // Both watch route registration, so they come before every route.
  await openApi(app);
  metricsRoutes(app, metrics, opts.metricsAccess ?? 'loopback');
  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  wellKnownRoutes(app, opts.publication);
  await app.register(async (line) => {
    lineAuth(line, { registry: opts.registry, windowSeconds: opts.signatureWindowSeconds ?? 60 });
    await lineRateLimit(line, opts.kioskRatePerMinute ?? DEFAULT_KIOSK_RATE_PER_MINUTE);
    lineRoutes(line, {
      metrics,
      issuance: opts.issuance,
      audit: opts.audit,
      heartbeats: opts.heartbeats,
      maxCopies: opts.maxCopies ?? 5,
      heartbeatSeconds: opts.heartbeatSeconds ?? 30,
    });
  });
  return app;
}
