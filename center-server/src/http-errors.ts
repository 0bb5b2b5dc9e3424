/** Every error the centre sends has the same shape: a stable code, a message key, and a message for people. */
import { errorBody, statusOf, type ErrorCode } from '@kiosk/protocol';
import type { FastifyInstance, FastifyReply } from 'fastify';

export function sendError(reply: FastifyReply, code: ErrorCode, detail?: string): FastifyReply {
  return reply.code(statusOf(code)).type('application/json').send(errorBody(code, detail));
}

/** Schema failures, unknown routes and bugs answer in the same shape as refusals. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler((_request, reply) => sendError(reply, 'NOT_FOUND'));
  app.setErrorHandler(
    (error: { validation?: unknown; statusCode?: number; message: string }, request, reply) => {
      if (error.validation) return sendError(reply, 'REQUEST_INVALID', error.message);
      // Only the line's rate limiter answers 429; it has already set `retry-after` on the reply.
      if (error.statusCode === 429) return sendError(reply, 'LINE_RATE_LIMITED');
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        return sendError(reply, 'REQUEST_INVALID', error.message);
      }
      request.log.error({ err: error }, 'unhandled error');
      return sendError(reply, 'INTERNAL_ERROR');
    },
  );
}
