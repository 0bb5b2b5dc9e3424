/**
 * Mutual TLS on the application layer: the TLS server asks for a client certificate but lets the handshake finish
 * without one, so that a missing or foreign certificate gets a JSON error instead of a bare connection reset.
 */
import type { TLSSocket } from 'node:tls';
import { errorBody, statusOf } from '@kiosk/protocol';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Routes anyone may call: they reveal nothing. */
const OPEN_ROUTES = new Set(['/health']);

/** Why a caller is refused, for operators; undefined when the caller may proceed. */
export function clientRefusal(socket: TLSSocket, allowedClients: ReadonlySet<string>): string | undefined {
  const peer = socket.getPeerCertificate();
  if (!peer || Object.keys(peer).length === 0) return 'no client certificate';
  if (!socket.authorized) return 'client certificate not issued by the trusted CA';
  const cn = peer.subject?.CN;
  if (typeof cn !== 'string' || !allowedClients.has(cn)) return 'client not allowed';
  return undefined;
}

export function clientCertGuard(allowedClients: readonly string[]) {
  const allowed = new Set(allowedClients);
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (request.routeOptions.url !== undefined && OPEN_ROUTES.has(request.routeOptions.url)) return;
    const refusal = clientRefusal(request.raw.socket as TLSSocket, allowed);
    if (refusal === undefined) return;
    await reply
      .code(statusOf('LINE_CLIENT_CERT_REQUIRED'))
      .send(errorBody('LINE_CLIENT_CERT_REQUIRED', refusal));
  };
}
