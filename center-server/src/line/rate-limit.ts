/**
 * Per-kiosk rate limit on the line. It is keyed by the authenticated kiosk id and runs as a route-level
 * preValidation hook, which Fastify runs after the line's own preValidation authentication hook: a caller who
 * cannot authenticate as a kiosk is refused before it counts, so nobody can spend another kiosk's budget.
 * Over budget the answer is 429 LINE_RATE_LIMITED (see http-errors.ts) with `retry-after` in seconds.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';

/** A kiosk makes a handful of calls per issuance and one heartbeat per interval; 120 leaves ample headroom. */
export const DEFAULT_KIOSK_RATE_PER_MINUTE = 120;

export class LineRateLimited extends Error {
  readonly statusCode = 429;
  constructor(readonly retryAfter: string) {
    super(`kiosk over its request budget, retry in ${retryAfter}`);
  }
}

/** Register inside the line's plugin, after lineAuth and before the routes. */
export async function lineRateLimit(line: FastifyInstance, perMinute: number): Promise<void> {
  if (!Number.isInteger(perMinute) || perMinute < 1) {
    throw new Error(`kiosk rate limit must be a positive integer per minute, not ${perMinute}`);
  }
  await line.register(rateLimit, {
    max: perMinute,
    timeWindow: 60_000,
    hook: 'preValidation',
    keyGenerator: (request) => request.kioskId,
    errorResponseBuilder: (_request, context) => new LineRateLimited(context.after),
  });
}
