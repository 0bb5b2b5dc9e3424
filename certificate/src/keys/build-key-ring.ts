/** Builds the key ring from private JWKs and the configuration of key states (see key-ring.ts). */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, type JWK } from 'jose';
import type { Result } from '@kiosk/protocol';
import type { KeyRing, KeyRingConfig, KeyRingError, KeyState, RingKey } from './key-ring.js';

export interface NamedJwk {
  readonly name: string;
  readonly jwk: JWK;
}

interface Loaded extends RingKey {
  readonly privateKey: KeyObject;
}

const fail = (error: KeyRingError): Result<never, KeyRingError> => ({ ok: false, error });

/** Natural order, so es256-2026-10 comes after es256-2026-9: the last is the newest. */
const byName = (a: NamedJwk, b: NamedJwk): number => a.name.localeCompare(b.name, 'en', { numeric: true });

async function loadOne(entry: NamedJwk): Promise<Result<Omit<Loaded, 'state'>, KeyRingError>> {
  const { jwk, name } = entry;
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y || !jwk.d) {
    return fail({ kind: 'key-file-invalid', name, detail: 'needs kty EC, crv P-256, x, y and d' });
  }
  if (jwk.alg !== undefined && jwk.alg !== 'ES256') {
    return fail({ kind: 'key-file-invalid', name, detail: `alg is ${jwk.alg}` });
  }
  const thumbprint = await calculateJwkThumbprint({ kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, 'sha256');
  if (jwk.kid !== undefined && jwk.kid !== thumbprint) return fail({ kind: 'kid-not-thumbprint', name });
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({
      key: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, d: jwk.d },
      format: 'jwk',
    });
  } catch (e) {
    return fail({ kind: 'key-file-invalid', name, detail: (e as Error).message });
  }
  const publicJwk: JWK = {
    kty: 'EC',
    crv: 'P-256',
    x: jwk.x,
    y: jwk.y,
    kid: thumbprint,
    alg: 'ES256',
    use: 'sig',
  };
  return { ok: true, value: { kid: thumbprint, name, publicJwk, privateKey } };
}

export async function buildKeyRing(
  entries: readonly NamedJwk[],
  config: KeyRingConfig,
  dir = 'the signing folder',
): Promise<Result<KeyRing, KeyRingError>> {
  if (entries.length === 0) return fail({ kind: 'no-signing-keys', dir });
  const loaded: Omit<Loaded, 'state'>[] = [];
  for (const entry of [...entries].sort(byName)) {
    const one = await loadOne(entry);
    if (!one.ok) return one;
    loaded.push(one.value);
  }
  const find = (ref: string) => loaded.find((k) => k.kid === ref || k.name === ref);
  const kidsOf = (refs: readonly string[] = []): Result<Set<string>, KeyRingError> => {
    const kids = new Set<string>();
    for (const ref of refs) {
      const key = find(ref);
      if (!key) return fail({ kind: 'unknown-key-in-config', ref });
      kids.add(key.kid);
    }
    return { ok: true, value: kids };
  };
  const retired = kidsOf(config.retired);
  if (!retired.ok) return retired;
  const expired = kidsOf(config.expired);
  if (!expired.ok) return expired;
  const baseState = (kid: string): KeyState =>
    expired.value.has(kid) ? 'expired' : retired.value.has(kid) ? 'retired' : 'published';

  let active: Omit<Loaded, 'state'> | undefined;
  if (config.active) {
    active = find(config.active);
    if (!active) return fail({ kind: 'unknown-key-in-config', ref: config.active });
    const state = baseState(active.kid);
    if (state !== 'published') return fail({ kind: 'active-key-not-usable', kid: active.kid, state });
  } else {
    active = loaded.findLast((k) => baseState(k.kid) === 'published');
    if (!active) return fail({ kind: 'no-usable-key' });
  }
  const activeKid = active.kid;
  const keys: Loaded[] = loaded.map((k) => ({
    ...k,
    state: k.kid === activeKid ? 'active' : baseState(k.kid),
  }));
  const ring: KeyRing = {
    keys: keys.map(({ kid, name, state, publicJwk }) => ({ kid, name, state, publicJwk })),
    active: { kid: activeKid, privateKey: active.privateKey },
    jwks: () => ({ keys: keys.filter((k) => k.state !== 'expired').map((k) => ({ ...k.publicJwk })) }),
    expiredKids: () => keys.filter((k) => k.state === 'expired').map((k) => k.kid),
  };
  return { ok: true, value: ring };
}
