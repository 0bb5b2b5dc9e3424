/**
 * The record-store HTTP service: Fastify over HTTPS with mutual TLS. Only clients whose certificate chains to the
 * given CA and whose CN is allowed (the centre) get past the guard; GET /health is open.
 */
import type { Server } from 'node:https';
import fastify, { type FastifyInstance } from 'fastify';
import { clientCertGuard } from './http/client-cert.js';
import { handleError, handleNotFound } from './http/error-handler.js';
import { logSerializers } from './http/log-serializers.js';
import { registerRoutes } from './http/routes.js';
import type { RecordStore } from './record-store.js';

export interface TlsMaterial {
  key: string | Buffer;
  cert: string | Buffer;
  /** The CA that issued the allowed clients' certificates (the line CA). */
  ca: string | Buffer;
}

export interface RecordStoreServerOptions {
  store: RecordStore;
  tls: TlsMaterial;
  /** Client certificate CNs allowed to call; default ['center']. */
  allowedClients?: readonly string[];
  /** Logging off by default; when on, only method, path and status are written. */
  logger?: { level?: string; stream?: { write(line: string): unknown } } | false;
}

export function buildRecordStoreServer(options: RecordStoreServerOptions): FastifyInstance<Server> {
  const app = fastify({
    https: {
      ...options.tls,
      requestCert: true,
      rejectUnauthorized: false, // checked per request, so the refusal can be a JSON error
      minVersion: 'TLSv1.2',
    },
    logger: options.logger ? { ...options.logger, serializers: logSerializers } : false,
    // Bodies are exactly as published: no type coercion.
    ajv: { customOptions: { coerceTypes: false } },
  });
  app.addHook('onRequest', clientCertGuard(options.allowedClients ?? ['center']));
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);
  registerRoutes(app, options.store);
  return app;
}
