// ES256 keys that sign the issued certificates (SHC JWS). Each private JWK lives in its own file in signing/;
// jwks.json publishes the public half of every one present, so a rotated-out key stays verifiable until removed.
import { generateKeyPairSync } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint } from 'jose';
import type { JWK } from 'jose';
import { PRIVATE_JWK_SUFFIX } from './paths.js';

export interface Jwks {
  keys: JWK[];
}

// Allow-list rather than deny-list: an unknown private member can never leak into jwks.json.
const PUBLIC_MEMBERS = ['kty', 'crv', 'x', 'y', 'n', 'e', 'kid', 'alg', 'use'] as const;

export async function makeEs256PrivateJwk(): Promise<JWK> {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { kty, crv, x, y, d } = privateKey.export({ format: 'jwk' });
  // RFC 7638: the thumbprint covers only the required public members, so it is the same for either half.
  const kid = await calculateJwkThumbprint({ kty, crv, x, y }, 'sha256');
  return { kty, crv, x, y, d, kid, alg: 'ES256', use: 'sig' };
}

export function publicJwk(jwk: JWK): JWK {
  const out: JWK = {};
  for (const member of PUBLIC_MEMBERS) if (jwk[member] !== undefined) out[member] = jwk[member];
  return out;
}

export async function readPrivateJwks(signingDir: string): Promise<Array<{ file: string; jwk: JWK }>> {
  const files = (await readdir(signingDir)).filter((f) => f.endsWith(PRIVATE_JWK_SUFFIX)).sort();
  return Promise.all(
    files.map(async (file) => {
      try {
        return { file, jwk: JSON.parse(await readFile(join(signingDir, file), 'utf8')) as JWK };
      } catch (e) {
        throw new Error(`signing/${file} is not a readable JWK (${(e as Error).message}); fix or remove it`, {
          cause: e,
        });
      }
    }),
  );
}

export async function jwksOf(privateJwks: JWK[]): Promise<Jwks> {
  const keys = await Promise.all(
    privateJwks.map(async (jwk) => {
      const pub = publicJwk(jwk);
      // A key file added by hand without a kid still gets the one verifiers will look for.
      return pub.kid ? pub : { ...pub, kid: await calculateJwkThumbprint(pub, 'sha256') };
    }),
  );
  return { keys };
}
