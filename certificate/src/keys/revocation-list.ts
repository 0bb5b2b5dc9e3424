/**
 * What the issuer publishes about certificates that must no longer be accepted:
 *   {issuer}/.well-known/revoked.json   { certificateIds, expiredKids }  (read by this project's verifier)
 *   {issuer}/.well-known/crl/{kid}.json the SMART Health Cards revocation list for one key (rids)
 */
import type { Result } from '@kiosk/protocol';
import { shcRid } from '../codes/rid.js';

export interface RevocationList {
  readonly certificateIds: readonly string[];
  /** Keys whose signatures are refused whatever a cached JWKS still says. */
  readonly expiredKids: readonly string[];
}

export interface ShcCrl {
  readonly kid: string;
  readonly method: 'rid';
  /** Changes whenever the list does; the JWK's crlVersion carries the same number. */
  readonly ctr: number;
  readonly rids: readonly string[];
}

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((s) => typeof s === 'string');

export function parseRevocationList(json: unknown): Result<RevocationList, 'malformed'> {
  if (typeof json !== 'object' || json === null) return { ok: false, error: 'malformed' };
  const { certificateIds, expiredKids = [] } = json as Record<string, unknown>;
  if (!isStringArray(certificateIds) || !isStringArray(expiredKids)) return { ok: false, error: 'malformed' };
  return { ok: true, value: { certificateIds, expiredKids } };
}

export function shcCrl(kid: string, ctr: number, certificateIds: readonly string[]): ShcCrl {
  return { kid, method: 'rid', ctr, rids: certificateIds.map(shcRid) };
}
