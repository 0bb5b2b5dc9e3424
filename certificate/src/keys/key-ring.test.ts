/** Key rotation is configuration only: which key signs, which are published, which verifiers must refuse. */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { keyRingConfigFromEnv, loadKeyRing } from './load-key-ring.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function privateJwk(): Promise<JWK> {
  const { kty, crv, x, y, d } = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
    format: 'jwk',
  });
  return {
    kty,
    crv,
    x,
    y,
    d,
    kid: await calculateJwkThumbprint({ kty, crv, x, y }),
    alg: 'ES256',
    use: 'sig',
  };
}

/** A signing folder with the given key files; returns the folder and each file's kid. */
async function signingDir(names: string[]): Promise<{ dir: string; kid: Record<string, string> }> {
  const dir = mkdtempSync(join(tmpdir(), 'key-ring-'));
  dirs.push(dir);
  const kid: Record<string, string> = {};
  for (const name of names) {
    const jwk = await privateJwk();
    kid[name] = jwk.kid ?? '';
    writeFileSync(join(dir, `${name}.private.jwk.json`), JSON.stringify(jwk));
  }
  writeFileSync(join(dir, 'jwks.json'), '{"keys":[]}'); // not a private key file: ignored
  return { dir, kid };
}

describe('key ring', () => {
  it('signs with the newest key file by default (natural order: -10 after -9) and publishes every key', async () => {
    const { dir, kid } = await signingDir(['es256-2026-9', 'es256-2026-10', 'es256-2025-1']);
    const ring = await loadKeyRing(dir);
    if (!ring.ok) throw new Error(ring.error.kind);
    expect(ring.value.active.kid).toBe(kid['es256-2026-10']);
    expect(
      ring.value
        .jwks()
        .keys.map((k) => k.kid)
        .sort(),
    ).toEqual(Object.values(kid).sort());
    expect(ring.value.expiredKids()).toEqual([]);
  });

  it('publishes public members only, with alg ES256 and use sig', async () => {
    const { dir } = await signingDir(['es256-2026-1']);
    const ring = await loadKeyRing(dir);
    if (!ring.ok) throw new Error(ring.error.kind);
    const [key] = ring.value.jwks().keys;
    expect(Object.keys(key ?? {}).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);
    expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
  });

  it('signs with the key configured as active, named by kid or by file name', async () => {
    const { dir, kid } = await signingDir(['es256-2026-1', 'es256-2026-2']);
    for (const active of [kid['es256-2026-1'], 'es256-2026-1']) {
      const ring = await loadKeyRing(dir, { active });
      expect(ring.ok && ring.value.active.kid).toBe(kid['es256-2026-1']);
    }
  });

  it('keeps a retired key published but never signs with it, and refuses to make it active', async () => {
    const { dir, kid } = await signingDir(['es256-2026-1', 'es256-2026-2']);
    const ring = await loadKeyRing(dir, { retired: ['es256-2026-2'] });
    if (!ring.ok) throw new Error(ring.error.kind);
    expect(ring.value.active.kid).toBe(kid['es256-2026-1']);
    expect(ring.value.jwks().keys.map((k) => k.kid)).toContain(kid['es256-2026-2']);
    expect(ring.value.keys.find((k) => k.name === 'es256-2026-2')?.state).toBe('retired');
    const refused = await loadKeyRing(dir, { active: 'es256-2026-2', retired: ['es256-2026-2'] });
    expect(refused).toEqual({
      ok: false,
      error: { kind: 'active-key-not-usable', kid: kid['es256-2026-2'], state: 'retired' },
    });
  });

  it('stops publishing an expired key and names it for verifiers to refuse', async () => {
    const { dir, kid } = await signingDir(['es256-2026-1', 'es256-2026-2']);
    const ring = await loadKeyRing(dir, { expired: [kid['es256-2026-1'] ?? ''] });
    if (!ring.ok) throw new Error(ring.error.kind);
    expect(ring.value.jwks().keys.map((k) => k.kid)).toEqual([kid['es256-2026-2']]);
    expect(ring.value.expiredKids()).toEqual([kid['es256-2026-1']]);
  });

  it('refuses a configuration naming no key, a ring with nothing left to sign, and an empty folder', async () => {
    const { dir } = await signingDir(['es256-2026-1']);
    expect(await loadKeyRing(dir, { active: 'es256-2099-1' })).toMatchObject({
      ok: false,
      error: { kind: 'unknown-key-in-config', ref: 'es256-2099-1' },
    });
    expect(await loadKeyRing(dir, { retired: ['es256-2026-1'] })).toMatchObject({
      ok: false,
      error: { kind: 'no-usable-key' },
    });
    const empty = mkdtempSync(join(tmpdir(), 'key-ring-'));
    dirs.push(empty);
    expect(await loadKeyRing(empty)).toMatchObject({ ok: false, error: { kind: 'no-signing-keys' } });
  });

  it('refuses a key file whose kid is not its thumbprint, or that is not a P-256 private key', async () => {
    const { dir } = await signingDir([]);
    writeFileSync(
      join(dir, 'a.private.jwk.json'),
      JSON.stringify({ ...(await privateJwk()), kid: 'chosen-by-hand' }),
    );
    expect(await loadKeyRing(dir)).toMatchObject({
      ok: false,
      error: { kind: 'kid-not-thumbprint', name: 'a' },
    });
    const { d: _d, ...publicOnly } = await privateJwk();
    writeFileSync(join(dir, 'a.private.jwk.json'), JSON.stringify(publicOnly));
    expect(await loadKeyRing(dir)).toMatchObject({
      ok: false,
      error: { kind: 'key-file-invalid', name: 'a' },
    });
  });

  it('reads its configuration from the environment', () => {
    expect(
      keyRingConfigFromEnv({
        CERT_SIGNING_ACTIVE_KID: 'es256-2026-2',
        CERT_SIGNING_RETIRED_KIDS: 'es256-2025-1, es256-2025-2',
        CERT_SIGNING_EXPIRED_KIDS: '',
      }),
    ).toEqual({ active: 'es256-2026-2', retired: ['es256-2025-1', 'es256-2025-2'], expired: [] });
    expect(keyRingConfigFromEnv({})).toEqual({ active: undefined, retired: undefined, expired: undefined });
  });
});
