/**
 * Verifies one SMART Health Card QR text: numeric → JWS → signature by the issuer key named by `kid` → inflate →
 * payload shape → time → revocation. The signature is checked before anything in the payload is believed.
 */
import { inflateRawSync } from 'node:zlib';
import { compactVerify, decodeProtectedHeader, importJWK, type ProtectedHeaderParameters } from 'jose';
import type { FhirBundle } from '../codes/fhir-bundle.js';
import { shcRid } from '../codes/rid.js';
import { jwsFromShcQr } from '../codes/shc-numeric.js';
import { isShcPayload } from './shapes.js';
import type { VerifyTrust } from './trust.js';
import { invalid, type CodeVerdict, type ShcContent } from './verdict.js';

// Issuers' clocks and ours differ a little; SHC verifiers commonly allow a few minutes.
const CLOCK_SKEW_SECONDS = 300;

const fail = (text: string, reason: Parameters<typeof invalid>[2], detail: string, content?: ShcContent) =>
  invalid('shc' as const, text, reason, detail, content);

function header(jws: string): ProtectedHeaderParameters | undefined {
  try {
    return decodeProtectedHeader(jws);
  } catch {
    return undefined;
  }
}

async function signedPayload(jws: string, jwk: object): Promise<Uint8Array | undefined> {
  try {
    const key = await importJWK({ ...jwk, alg: 'ES256' }, 'ES256');
    return (await compactVerify(jws, key, { algorithms: ['ES256'] })).payload;
  } catch {
    return undefined;
  }
}

function decodePayload(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(inflateRawSync(bytes).toString('utf8'));
  } catch {
    return undefined;
  }
}

export async function verifyShc(text: string, trust: VerifyTrust): Promise<CodeVerdict> {
  const jws = jwsFromShcQr(text);
  if (!jws) return fail(text, 'malformed', 'not an shc:/ numeric code');
  const head = header(jws);
  if (!head) return fail(text, 'malformed', 'the JWS header does not decode');
  if (head.alg !== 'ES256' || head.zip !== 'DEF') {
    return fail(text, 'unsupported', `alg ${String(head.alg)}, zip ${String(head.zip)}`);
  }
  const kid = head.kid ?? '';
  if (trust.expiredKids?.has(kid)) return fail(text, 'key expired', `key ${kid} has expired`);
  const jwk = trust.jwks.keys.find((k) => k.kid === kid);
  if (!jwk) return fail(text, 'unknown key', `no key ${kid || '(none)'} in the issuer's JWKS`);
  const bytes = await signedPayload(jws, jwk);
  if (!bytes) return fail(text, 'signature invalid', `the signature does not verify with key ${kid}`);
  const payload = decodePayload(bytes);
  if (!isShcPayload.Check(payload)) return fail(text, 'malformed', 'the payload is not a health card');
  const content: ShcContent = {
    iss: payload.iss,
    nbf: payload.nbf,
    kid,
    rid: payload.vc.rid,
    // The shape check covers what is read here; the bundle's resources are returned as the issuer wrote them.
    fhirBundle: payload.vc.credentialSubject.fhirBundle as unknown as FhirBundle,
  };
  if (payload.nbf > trust.now.getTime() / 1000 + CLOCK_SKEW_SECONDS) {
    return fail(text, 'not yet valid', `nbf is ${new Date(payload.nbf * 1000).toISOString()}`, content);
  }
  const revokedRids = new Set([...trust.revoked].map(shcRid));
  if (content.rid && revokedRids.has(content.rid)) {
    return fail(text, 'revoked', `certificate with rid ${content.rid} is revoked`, content);
  }
  return { kind: 'shc', text, status: 'VALID', content };
}
