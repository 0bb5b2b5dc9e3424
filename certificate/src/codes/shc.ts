/**
 * The SMART Health Card: a JWS (ES256, `zip: DEF`) whose payload is the verifiable credential with the FHIR bundle,
 * and its QR text. Signed with the key ring's active key; `kid` is that key's RFC 7638 thumbprint.
 */
import { deflateRawSync } from 'node:zlib';
import { CompactSign } from 'jose';
import type { Result } from '@kiosk/protocol';
import type { CertificateContent } from '../content.js';
import type { SigningKey } from '../keys/key-ring.js';
import { fhirBundle, type FhirBundle } from './fhir-bundle.js';
import { shcRid } from './rid.js';
import { SHC_MAX_JWS_LENGTH, shcQrText } from './shc-numeric.js';

export const SHC_TYPE_HEALTH_CARD = 'https://smarthealth.cards#health-card';
/**
 * Deprecated by the SHC spec but still filtered on by verifiers of the 2021–22 generation that travellers meet at
 * borders; a current verifier ignores them. See docs/certificate.md.
 */
export const SHC_DEPRECATED_TYPES = [
  'https://smarthealth.cards#immunization',
  'https://smarthealth.cards#covid19',
] as const;

export interface ShcPayload {
  readonly iss: string;
  readonly nbf: number;
  readonly vc: {
    readonly type: readonly string[];
    readonly credentialSubject: { readonly fhirVersion: '4.0.1'; readonly fhirBundle: FhirBundle };
    readonly rid: string;
  };
}

export interface ShcCode {
  readonly jws: string;
  /** The exact QR text: `shc:/` and digits. */
  readonly qr: string;
}

export type ShcError = { readonly kind: 'shc-too-large'; readonly length: number; readonly max: number };

export function shcPayload(content: CertificateContent, issuer: string, now: Date): ShcPayload {
  return {
    iss: issuer,
    nbf: Math.floor(now.getTime() / 1000),
    vc: {
      type: [SHC_TYPE_HEALTH_CARD, ...SHC_DEPRECATED_TYPES],
      credentialSubject: { fhirVersion: '4.0.1', fhirBundle: fhirBundle(content) },
      rid: shcRid(content.certificateId),
    },
  };
}

export async function createShc(
  content: CertificateContent,
  signing: { readonly key: SigningKey; readonly issuer: string; readonly now: Date },
): Promise<Result<ShcCode, ShcError>> {
  const payload = shcPayload(content, signing.issuer, signing.now);
  const compressed = deflateRawSync(Buffer.from(JSON.stringify(payload), 'utf8'));
  const jws = await new CompactSign(compressed)
    .setProtectedHeader({ alg: 'ES256', zip: 'DEF', kid: signing.key.kid })
    .sign(signing.key.privateKey);
  if (jws.length > SHC_MAX_JWS_LENGTH) {
    return { ok: false, error: { kind: 'shc-too-large', length: jws.length, max: SHC_MAX_JWS_LENGTH } };
  }
  return { ok: true, value: { jws, qr: shcQrText(jws) } };
}
