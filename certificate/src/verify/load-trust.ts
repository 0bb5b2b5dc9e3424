/**
 * Builds the verifier's trust from files or URLs: the JWKS and the revocation list may be fetched from the issuer
 * (`{issuer}/.well-known/jwks.json`, `…/revoked.json`); the CSCA certificate is always a local file, because it is
 * the anchor and must not come from the party being checked.
 */
import { readFile } from 'node:fs/promises';
import type { JWK } from 'jose';
import type { Result } from '@kiosk/protocol';
import { parseRevocationList } from '../keys/revocation-list.js';
import type { VerifyTrust } from './trust.js';

export interface TrustSources {
  readonly jwks: string;
  readonly cscaCert: string;
  readonly revoked?: string | undefined;
}

const isUrl = (source: string): boolean => /^https?:\/\//i.test(source);

async function readJson(source: string): Promise<Result<unknown, string>> {
  try {
    if (isUrl(source)) {
      const response = await fetch(source, { headers: { accept: 'application/json' } });
      if (!response.ok) return { ok: false, error: `${source} answered ${response.status}` };
      return { ok: true, value: await response.json() };
    }
    return { ok: true, value: JSON.parse(await readFile(source, 'utf8')) };
  } catch (e) {
    const cause = (e as Error).cause as Error | undefined;
    return {
      ok: false,
      error: `cannot read ${source}: ${(e as Error).message}${cause ? ` (${cause.message})` : ''}`,
    };
  }
}

const isJwks = (v: unknown): v is { keys: JWK[] } =>
  typeof v === 'object' && v !== null && Array.isArray((v as { keys?: unknown }).keys);

export async function loadTrust(sources: TrustSources, now: Date): Promise<Result<VerifyTrust, string>> {
  const jwks = await readJson(sources.jwks);
  if (!jwks.ok) return jwks;
  if (!isJwks(jwks.value)) return { ok: false, error: `${sources.jwks} is not a JWKS` };
  let cscaCertPem: string;
  try {
    cscaCertPem = await readFile(sources.cscaCert, 'utf8');
  } catch (e) {
    return { ok: false, error: `cannot read the CSCA certificate: ${(e as Error).message}` };
  }
  let revoked = new Set<string>();
  let expiredKids = new Set<string>();
  if (sources.revoked) {
    const json = await readJson(sources.revoked);
    if (!json.ok) return json;
    const list = parseRevocationList(json.value);
    if (!list.ok) return { ok: false, error: `${sources.revoked} is not a revocation list` };
    revoked = new Set(list.value.certificateIds);
    expiredKids = new Set(list.value.expiredKids);
  }
  return { ok: true, value: { jwks: jwks.value, cscaCertPem, revoked, expiredKids, now } };
}
