/** The line's routes under /v1. Each validates its input against the protocol schema before any work is done. */
import {
  ErrorBody,
  Heartbeat,
  HeartbeatAck,
  IssuanceRequest,
  IssuanceResponse,
  LINE_PATHS,
  Menu,
  MenuQuery,
  OutcomeParams,
  OutcomeRequest,
  OutcomeResponse,
} from '@kiosk/protocol';
import type { FastifyInstance } from 'fastify';
import { sendError } from '../http-errors.js';
import { auditCodeOf, type AuditLog } from '../issuance/audit-log.js';
import type { IssuanceDeps } from '../issuance/pipeline.js';
import { issueCertificate } from '../issuance/pipeline.js';
import type { HeartbeatBoard } from '../kiosks/heartbeats.js';
import type { CenterMetrics } from '../observability/metrics.js';

export interface LineRoutesOptions {
  readonly issuance: IssuanceDeps;
  readonly audit: AuditLog;
  readonly heartbeats: HeartbeatBoard;
  readonly maxCopies: number;
  readonly heartbeatSeconds: number;
  readonly metrics: CenterMetrics;
}

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
  429: ErrorBody,
  500: ErrorBody,
  503: ErrorBody,
};

export function lineRoutes(app: FastifyInstance, opts: LineRoutesOptions): void {
  const { issuance, metrics, audit } = opts;

  app.get<{ Querystring: MenuQuery }>(
    LINE_PATHS.menu,
    { schema: { querystring: MenuQuery, response: { 200: Menu, ...errors } } },
    async (request) => {
      const now = issuance.now();
      return {
        kind: request.query.kind,
        serverTime: now.toISOString(),
        maxCopies: opts.maxCopies,
        municipalities: issuance.participation.menu(now),
      } satisfies Menu;
    },
  );

  app.post<{ Body: IssuanceRequest }>(
    LINE_PATHS.issuances,
    { schema: { body: IssuanceRequest, response: { 200: IssuanceResponse, ...errors } } },
    async (request, reply) => {
      if (request.body.copies > opts.maxCopies) return sendError(reply, 'REQUEST_INVALID', 'too many copies');
      const result = await issueCertificate(
        issuance,
        request.kioskId,
        request.body,
        request.rawBody ?? Buffer.alloc(0),
      );
      // A code no municipality takes part with is kiosk input: one shared label keeps the series bounded.
      const { variant, municipalityCode } = request.body;
      const refusedAsUnknown = !result.ok && result.error.code === 'MUNICIPALITY_NOT_PARTICIPATING';
      metrics.issuance(
        refusedAsUnknown ? 'other' : municipalityCode,
        variant,
        result.ok ? 'issued' : result.error.code,
      );
      // Issued and later outcomes are audited by the ledger; a refusal leaves no ledger row, so it is audited here.
      if (!result.ok) {
        audit.append({
          at: issuance.now(),
          event: 'refused',
          kioskId: request.kioskId,
          municipalityCode,
          variant,
          code: auditCodeOf(result.error.code),
        });
      }
      if (!result.ok) return sendError(reply, result.error.code, result.error.detail);
      return result.value;
    },
  );

  app.post<{ Params: OutcomeParams; Body: OutcomeRequest }>(
    LINE_PATHS.outcome,
    {
      schema: { params: OutcomeParams, body: OutcomeRequest, response: { 200: OutcomeResponse, ...errors } },
    },
    async (request, reply) => {
      const { certificateId } = request.params;
      const { outcome, reason } = request.body;
      const result = issuance.ledger.recordOutcome(
        request.kioskId,
        certificateId,
        outcome,
        reason,
        issuance.now(),
      );
      if (!result.ok) return sendError(reply, result.error);
      // Counted once: a repeated report of the same outcome is accepted but is not a second print.
      const { entry, changed } = result.value;
      if (changed) metrics.issuance(entry.municipalityCode, entry.variant, outcome);
      return {
        certificateId,
        status: result.value.status === 'completed' ? 'completed' : 'void',
      } satisfies OutcomeResponse;
    },
  );

  app.post<{ Body: Heartbeat }>(
    LINE_PATHS.heartbeats,
    { schema: { body: Heartbeat, response: { 200: HeartbeatAck, ...errors } } },
    async (request) => {
      const receivedAt = new Date();
      opts.heartbeats.record(request.kioskId, request.body, receivedAt);
      metrics.heartbeat();
      return {
        receivedAt: receivedAt.toISOString(),
        nextInSeconds: opts.heartbeatSeconds,
      } satisfies HeartbeatAck;
    },
  );
}
