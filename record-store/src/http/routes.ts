/** The record-store API: lookup and issuance write-back, one municipality per call, schemas at the boundary. */
import {
  ErrorBody,
  LookupRequest,
  MunicipalityPath,
  RECORD_STORE_PATHS,
  RecordIssuanceRequest,
  VaccinationRecord,
  errorBody,
  statusOf,
} from '@kiosk/protocol';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { RecordStore } from '../record-store.js';

type Path = { code: string };
const errorRef = { $ref: 'ErrorBody#' }; // ErrorBody carries $id 'ErrorBody'

export function registerRoutes(app: FastifyInstance, store: RecordStore): void {
  app.addSchema(ErrorBody);

  app.get(
    '/health',
    { schema: { response: { 200: Type.Object({ status: Type.Literal('ok') }) } } },
    async () => ({
      status: 'ok' as const,
    }),
  );

  app.post<{ Params: Path; Body: LookupRequest }>(
    RECORD_STORE_PATHS.lookup,
    {
      schema: {
        params: MunicipalityPath,
        body: LookupRequest,
        response: { 200: VaccinationRecord, 404: errorRef, 503: errorRef },
      },
    },
    async (request, reply) => {
      const result = await store.lookup(request.params.code, request.body.myNumber);
      if (result.ok) return reply.code(200).send(result.value);
      return reply.code(statusOf(result.error)).send(errorBody(result.error));
    },
  );

  app.post<{ Params: Path; Body: RecordIssuanceRequest }>(
    RECORD_STORE_PATHS.issuances,
    {
      schema: {
        params: MunicipalityPath,
        body: RecordIssuanceRequest,
        response: { 201: Type.Object({}), 404: errorRef, 503: errorRef },
      },
    },
    async (request, reply) => {
      const result = await store.recordIssuance(request.params.code, request.body);
      if (result.ok) return reply.code(201).send({});
      return reply.code(statusOf(result.error)).send(errorBody(result.error));
    },
  );
}
