/**
 * What the issuer publishes for anyone who verifies a certificate: the signing keys (JWKS), the revocation list
 * this project's verifier reads, and the SMART Health Cards CRL per key. These routes sit outside the line: no
 * client certificate, and CORS open so a verifier web page on any origin can fetch them.
 */
import { shcCrl, type KeyRing } from '@kiosk/certificate';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Revocations } from '../certificates/revocations.js';
import { sendError } from '../http-errors.js';

export const WELL_KNOWN = {
  jwks: '/.well-known/jwks.json',
  revoked: '/.well-known/revoked.json',
  crl: '/.well-known/crl/:file',
} as const;

export interface WellKnownOptions {
  readonly keyRing: KeyRing;
  readonly revocations: Revocations;
}

function publicJson(reply: FastifyReply, maxAgeSeconds: number): FastifyReply {
  return reply
    .header('access-control-allow-origin', '*')
    .header('cache-control', `public, max-age=${maxAgeSeconds}`)
    .type('application/json');
}

export function wellKnownRoutes(app: FastifyInstance, opts: WellKnownOptions): void {
  const { keyRing, revocations } = opts;

  app.get(WELL_KNOWN.jwks, async (_request, reply) => {
    // SHC revocation: a key whose CRL exists says so with crlVersion, which changes whenever the CRL does.
    const version = revocations.version();
    const keys = keyRing.jwks().keys.map((k) => (version > 0 ? { ...k, crlVersion: version } : k));
    return publicJson(reply, 300).send({ keys });
  });

  app.get(WELL_KNOWN.revoked, async (_request, reply) =>
    publicJson(reply, 60).send({
      certificateIds: revocations.certificateIds(),
      expiredKids: keyRing.expiredKids(),
    }),
  );

  app.get<{ Params: { file: string } }>(WELL_KNOWN.crl, async (request, reply) => {
    const kid = request.params.file.replace(/\.json$/, '');
    const published = keyRing.jwks().keys.some((k) => k.kid === kid);
    if (!published || revocations.version() === 0) return sendError(reply, 'NOT_FOUND');
    return publicJson(reply, 60).send(shcCrl(kid, revocations.version(), revocations.certificateIds()));
  });
}
