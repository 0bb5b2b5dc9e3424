/**
 * Authentication of the line, in the order the centre trusts things: the TLS client certificate names the kiosk
 * (never the body), the request signature proves the request came from that certificate's key, the nonce makes it
 * single-use, and the registry says whether the kiosk may still use the line.
 */
import type { KeyObject } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import { verifyRequest } from '@kiosk/protocol/line-signature';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendError } from '../http-errors.js';
import type { KioskRegistry } from '../kiosks/registry.js';
import { ReplayCache } from './replay-cache.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated kiosk, from its client certificate's CN. */
    kioskId: string;
    /** The body exactly as received, for the Content-Digest check and the idempotency digest. */
    rawBody: Buffer | undefined;
  }
}

export interface LineAuthOptions {
  readonly registry: KioskRegistry;
  readonly windowSeconds: number;
}

interface Peer {
  readonly kioskId: string;
  readonly publicKey: KeyObject;
}

// One TLS connection carries many requests; parse its certificate and key once.
const peers = new WeakMap<TLSSocket, Peer | null>();

function peerOf(request: FastifyRequest): Peer | null {
  const socket = request.raw.socket as TLSSocket;
  let peer = peers.get(socket);
  if (peer === undefined) {
    const certificate = socket.authorized ? socket.getPeerX509Certificate() : undefined;
    const cn = certificate?.subject.match(/^CN=(.+)$/m)?.[1];
    peer = certificate && cn ? { kioskId: cn, publicKey: certificate.publicKey } : null;
    peers.set(socket, peer);
  }
  return peer;
}

/** Registers the JSON parser that keeps raw bytes, and the hook that admits only authenticated kiosks. */
export function lineAuth(app: FastifyInstance, opts: LineAuthOptions): void {
  const replay = new ReplayCache(opts.windowSeconds);
  app.decorateRequest('kioskId', '');
  app.decorateRequest('rawBody', undefined);
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: 64 * 1024 },
    (request, body, done) => {
      request.rawBody = body as Buffer;
      try {
        done(null, JSON.parse((body as Buffer).toString('utf8')));
      } catch {
        done(Object.assign(new Error('body is not JSON'), { statusCode: 400 }), undefined);
      }
    },
  );

  app.addHook('preValidation', async (request, reply) => {
    const peer = peerOf(request);
    if (!peer) return sendError(reply, 'LINE_CLIENT_CERT_REQUIRED');
    const nowSeconds = Math.floor(Date.now() / 1000);
    const signature = verifyRequest(
      {
        method: request.method,
        authority: request.headers.host ?? '',
        target: request.url,
        headers: request.headers as Record<string, string | undefined>,
      },
      {
        publicKey: peer.publicKey,
        expectedKeyId: peer.kioskId,
        nowSeconds,
        windowSeconds: opts.windowSeconds,
        body: request.rawBody,
      },
    );
    if (!signature.ok) return sendError(reply, signature.error.code, signature.error.detail);
    const claimed = replay.claim(peer.kioskId, signature.value.nonce, nowSeconds);
    if (claimed === 'replayed') return sendError(reply, 'LINE_REPLAY');
    if (claimed === 'full') return sendError(reply, 'LINE_RATE_LIMITED', 'replay cache full');
    const admitted = opts.registry.admit(peer.kioskId);
    if (!admitted.ok) return sendError(reply, admitted.error);
    request.kioskId = peer.kioskId;
  });
}
