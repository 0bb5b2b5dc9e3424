/** What a verifier trusts: the issuer's published keys, the CSCA, and the issuer's revocation list. */
import type { JWK } from 'jose';

export interface VerifyTrust {
  /** The issuer's JWKS (`{issuer}/.well-known/jwks.json`) for SMART Health Cards. */
  readonly jwks: { readonly keys: readonly JWK[] };
  /** The CSCA certificate (PEM) that VDS-NC document signers must chain to. */
  readonly cscaCertPem: string;
  /** Revoked certificate IDs. */
  readonly revoked: ReadonlySet<string>;
  /** Kids of expired signing keys: what they signed is refused even if a cached JWKS still lists them. */
  readonly expiredKids?: ReadonlySet<string> | undefined;
  readonly now: Date;
}
