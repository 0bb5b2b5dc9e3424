/**
 * The certificate-signing key ring. Every key has a state set by configuration, never by code:
 *   active    signs new certificates (exactly one), published
 *   published not used yet or any more, still published so cards it signed keep verifying (the default)
 *   retired   published, and refused as the active key: an operator's "never sign with this again"
 *   expired   no longer published; verifiers are told to refuse what it signed (revoked.json `expiredKids`)
 * Rotating is adding a key file and naming it active (or just adding it: the newest file is active by default).
 */
import type { KeyObject } from 'node:crypto';
import type { JWK } from 'jose';

export type KeyState = 'active' | 'published' | 'retired' | 'expired';

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
}

export interface RingKey {
  readonly kid: string;
  /** The key file's name without its suffix, e.g. es256-2026-1. */
  readonly name: string;
  readonly state: KeyState;
  readonly publicJwk: JWK;
}

export interface Jwks {
  readonly keys: readonly JWK[];
}

export interface KeyRing {
  readonly keys: readonly RingKey[];
  readonly active: SigningKey;
  /** What `{issuer}/.well-known/jwks.json` publishes: every key that is not expired. */
  jwks(): Jwks;
  expiredKids(): readonly string[];
}

/** Keys are named by kid or by file name. */
export interface KeyRingConfig {
  readonly active?: string | undefined;
  readonly retired?: readonly string[] | undefined;
  readonly expired?: readonly string[] | undefined;
}

export type KeyRingError =
  | { readonly kind: 'no-signing-keys'; readonly dir: string }
  | { readonly kind: 'key-file-invalid'; readonly name: string; readonly detail: string }
  | { readonly kind: 'kid-not-thumbprint'; readonly name: string }
  | { readonly kind: 'unknown-key-in-config'; readonly ref: string }
  | { readonly kind: 'active-key-not-usable'; readonly kid: string; readonly state: KeyState }
  | { readonly kind: 'no-usable-key' };

export function describeKeyRingError(error: KeyRingError): string {
  switch (error.kind) {
    case 'no-signing-keys':
      return `no *.private.jwk.json signing key in ${error.dir} (run npm run certs)`;
    case 'key-file-invalid':
      return `signing key ${error.name} is not an ES256 private JWK: ${error.detail}`;
    case 'kid-not-thumbprint':
      return `signing key ${error.name} has a kid that is not its RFC 7638 thumbprint`;
    case 'unknown-key-in-config':
      return `the signing configuration names ${error.ref}, which is no key in the ring`;
    case 'active-key-not-usable':
      return `the key configured as active (${error.kid}) is ${error.state}`;
    case 'no-usable-key':
      return 'every signing key is retired or expired: add a new key';
  }
}
