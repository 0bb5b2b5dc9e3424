/** The public issuer routes: keys, revocation list and SHC CRL, with CORS, outside the line's authentication. */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devPkiPaths, generateDevPki } from '@kiosk/certs';
import { loadKeyRing, shcRid, type KeyRing } from '@kiosk/certificate';
import { calculateJwkThumbprint } from 'jose';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revocations as revocationRegistry, type Revocations } from '../certificates/revocations.js';
import { openCenterDb } from '../db.js';
import { installErrorHandlers } from '../http-errors.js';
import { wellKnownRoutes } from './routes.js';

let dir: string;
let ring: KeyRing;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'well-known-'));
  await generateDevPki({ dir, kiosks: 1, log: () => {} });
  const loaded = await loadKeyRing(devPkiPaths(dir).signing.dir);
  if (!loaded.ok) throw new Error(loaded.error.kind);
  ring = loaded.value;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function server(keyRing: KeyRing): { app: FastifyInstance; revoked: Revocations } {
  const revoked = revocationRegistry(openCenterDb(':memory:'));
  const app = Fastify();
  installErrorHandlers(app);
  wellKnownRoutes(app, { keyRing, revocations: revoked });
  return { app, revoked };
}

describe('issuer publication routes', () => {
  it('serves the JWKS with CORS open to any origin', async () => {
    const { app } = server(ring);
    const res = await app.inject({
      url: '/.well-known/jwks.json',
      headers: { origin: 'https://verifier.example' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({ keys: [ring.keys[0]?.publicJwk] });
    expect(JSON.stringify(res.json())).not.toContain('"d"');
  });

  it('publishes revoked certificate IDs, and the SHC CRL of each key once anything is revoked', async () => {
    const { app, revoked } = server(ring);
    const kid = ring.active.kid;
    expect((await app.inject({ url: `/.well-known/crl/${kid}.json` })).statusCode).toBe(404);
    revoked.revoke('131024-7K3M9Q2XWD4F', 'reported lost');
    revoked.revoke('131024-7K3M9Q2XWD4F', 'again'); // harmless
    expect((await app.inject({ url: '/.well-known/revoked.json' })).json()).toEqual({
      certificateIds: ['131024-7K3M9Q2XWD4F'],
      expiredKids: [],
    });
    const crl = await app.inject({ url: `/.well-known/crl/${kid}.json` });
    expect(crl.headers['access-control-allow-origin']).toBe('*');
    expect(crl.json()).toEqual({ kid, method: 'rid', ctr: 1, rids: [shcRid('131024-7K3M9Q2XWD4F')] });
    const jwks = (await app.inject({ url: '/.well-known/jwks.json' })).json() as {
      keys: { crlVersion?: number }[];
    };
    expect(jwks.keys[0]?.crlVersion).toBe(1);
    expect((await app.inject({ url: '/.well-known/crl/not-a-key.json' })).statusCode).toBe(404);
  });

  it('stops publishing an expired key and names it in the revocation list', async () => {
    const { kty, crv, x, y, d } = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
      format: 'jwk',
    });
    const kid = await calculateJwkThumbprint({ kty, crv, x, y });
    const signingDir = devPkiPaths(dir).signing.dir;
    writeFileSync(
      join(signingDir, 'es256-2027-1.private.jwk.json'),
      JSON.stringify({ kty, crv, x, y, d, kid }),
    );
    const rotated = await loadKeyRing(signingDir, { expired: [ring.active.kid] });
    if (!rotated.ok) throw new Error(rotated.error.kind);
    const { app } = server(rotated.value);
    const jwks = (await app.inject({ url: '/.well-known/jwks.json' })).json() as { keys: { kid: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toEqual([kid]);
    expect((await app.inject({ url: '/.well-known/revoked.json' })).json()).toEqual({
      certificateIds: [],
      expiredKids: [ring.active.kid],
    });
  });
});
