/**
 * Signing and verifying line requests with HTTP Message Signatures (RFC 9421), algorithm ecdsa-p256-sha256, the
 * kiosk's TLS client key as the signing key. The profile is fixed (label, components, tag) so that a verifier
 * refuses anything weaker instead of negotiating.
 */
import { randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { parseDictionary, isInnerList, type Parameters } from 'structured-headers';
import type { Result } from '../result.js';
import { contentDigestMatches } from './content-digest.js';
import { signatureBase, type SignableRequest } from './signature-base.js';

export const SIGNATURE_LABEL = 'kiosk';
export const SIGNATURE_TAG = 'kiosk-line-v1';
export const SIGNATURE_ALG = 'ecdsa-p256-sha256';
const BASE_COMPONENTS = ['@method', '@authority', '@path', '@query'] as const;
const BODY_COMPONENTS = [...BASE_COMPONENTS, 'content-type', 'content-digest'] as const;

export const coveredComponents = (hasBody: boolean): readonly string[] =>
  hasBody ? BODY_COMPONENTS : BASE_COMPONENTS;

export interface SignOptions {
  readonly keyId: string;
  readonly privateKey: KeyObject;
  /** Seconds since the epoch; defaults to now. */
  readonly created?: number;
  readonly nonce?: string;
}

/** Returns the Signature-Input and Signature header values for a request (body headers must already be set). */
export function signRequest(
  req: SignableRequest,
  hasBody: boolean,
  opts: SignOptions,
): { 'signature-input': string; signature: string } {
  const params: Parameters = new Map<string, string | number>([
    ['created', opts.created ?? Math.floor(Date.now() / 1000)],
    ['nonce', opts.nonce ?? randomBytes(16).toString('base64url')],
    ['keyid', opts.keyId],
    ['alg', SIGNATURE_ALG],
    ['tag', SIGNATURE_TAG],
  ]);
  const components = coveredComponents(hasBody);
  const base = signatureBase(req, components, params);
  if (!base.ok) throw new Error(`cannot sign: request lacks ${base.missing}`);
  const value = sign('sha256', Buffer.from(base.base), { key: opts.privateKey, dsaEncoding: 'ieee-p1363' });
  const paramsText = base.base.slice(base.base.lastIndexOf('"@signature-params": ') + 21);
  return {
    'signature-input': `${SIGNATURE_LABEL}=${paramsText}`,
    signature: `${SIGNATURE_LABEL}=:${value.toString('base64')}:`,
  };
}

export type SignatureFailure =
  | { code: 'LINE_SIGNATURE_MISSING'; detail: string }
  | { code: 'LINE_SIGNATURE_INVALID'; detail: string }
  | { code: 'LINE_SIGNATURE_STALE'; detail: string }
  | { code: 'CONTENT_DIGEST_MISMATCH'; detail: string };

export interface VerifyOptions {
  readonly publicKey: KeyObject;
  /** The kiosk id from the TLS client certificate; the signature's keyid must name the same kiosk. */
  readonly expectedKeyId: string;
  readonly nowSeconds: number;
  /** How far `created` may be from now, either way, in seconds. */
  readonly windowSeconds: number;
  /** Raw body bytes as received, or undefined for requests without a body. */
  readonly body: Uint8Array | undefined;
}

export interface VerifiedSignature {
  readonly keyId: string;
  readonly created: number;
  readonly nonce: string;
}

const invalid = (detail: string): Result<never, SignatureFailure> => ({
  ok: false,
  error: { code: 'LINE_SIGNATURE_INVALID', detail },
});

export function verifyRequest(
  req: SignableRequest,
  opts: VerifyOptions,
): Result<VerifiedSignature, SignatureFailure> {
  const inputHeader = req.headers['signature-input'];
  const signatureHeader = req.headers['signature'];
  if (!inputHeader || !signatureHeader) {
    return {
      ok: false,
      error: { code: 'LINE_SIGNATURE_MISSING', detail: 'no Signature-Input or Signature' },
    };
  }
  let input, signature;
  try {
    input = parseDictionary(inputHeader).get(SIGNATURE_LABEL);
    signature = parseDictionary(signatureHeader).get(SIGNATURE_LABEL);
  } catch {
    return invalid('unparseable signature headers');
  }
  if (!input || !isInnerList(input) || !signature || isInnerList(signature))
    return invalid('no "kiosk" signature');
  const [items, params] = input;
  const components = items.map(([name]) => name);
  const hasBody = opts.body !== undefined && opts.body.length > 0;
  const required = coveredComponents(hasBody);
  if (components.length !== required.length || required.some((c, i) => components[i] !== c)) {
    return invalid('covered components differ from the line profile');
  }
  const created = params.get('created');
  const nonce = params.get('nonce');
  const keyId = params.get('keyid');
  if (params.get('alg') !== SIGNATURE_ALG || params.get('tag') !== SIGNATURE_TAG)
    return invalid('wrong alg or tag');
  if (typeof created !== 'number' || typeof nonce !== 'string' || nonce.length < 16 || nonce.length > 64) {
    return invalid('created or nonce missing');
  }
  if (keyId !== opts.expectedKeyId) return invalid('keyid is not the kiosk of the client certificate');
  if (Math.abs(opts.nowSeconds - created) > opts.windowSeconds) {
    return {
      ok: false,
      error: { code: 'LINE_SIGNATURE_STALE', detail: `created ${created}, now ${opts.nowSeconds}` },
    };
  }
  if (hasBody && !contentDigestMatches(req.headers['content-digest'], opts.body ?? new Uint8Array())) {
    return {
      ok: false,
      error: { code: 'CONTENT_DIGEST_MISMATCH', detail: 'body differs from Content-Digest' },
    };
  }
  const base = signatureBase(req, components, params);
  if (!base.ok) return invalid(`request lacks ${base.missing}`);
  const [value] = signature;
  if (!(value instanceof ArrayBuffer)) return invalid('signature is not a byte sequence');
  const good = verify(
    'sha256',
    Buffer.from(base.base),
    { key: opts.publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(value),
  );
  return good ? { ok: true, value: { keyId, created, nonce } } : invalid('signature does not verify');
}
