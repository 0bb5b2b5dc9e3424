/**
 * Every failure answers in the shared error shape. Schema and parse errors are REQUEST_INVALID with a detail that
 * names the field and the rule broken, never the value sent.
 */
import { errorBody, statusOf } from '@kiosk/protocol';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

function validationDetail(error: FastifyError): string {
  const first = error.validation?.[0];
  if (!first) return error.code;
  return `${error.validationContext ?? 'request'}${first.instancePath}: ${first.keyword}`;
}

export async function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.validation) {
    return reply
      .code(statusOf('REQUEST_INVALID'))
      .send(errorBody('REQUEST_INVALID', validationDetail(error)));
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    // Parse errors and the like: the code says which, the message might quote the body.
    return reply.code(statusOf('REQUEST_INVALID')).send(errorBody('REQUEST_INVALID', error.code));
  }
  request.log.error({ err: error }, 'request failed');
  return reply.code(statusOf('INTERNAL_ERROR')).send(errorBody('INTERNAL_ERROR'));
}

export async function handleNotFound(_request: FastifyRequest, reply: FastifyReply) {
  return reply.code(statusOf('NOT_FOUND')).send(errorBody('NOT_FOUND'));
}
