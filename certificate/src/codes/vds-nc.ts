/**
 * The signed VDS-NC: `{data, sig}` where `sig.sigvl` is ES256 over the RFC 8785 (JCS) canonical form of `data`, as
 * raw r‖s (not DER), and `sig.cer` is the document signer certificate (DSC) that chains to the CSCA.
 */
import { sign, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Result } from '@kiosk/protocol';
import type { CertificateContent } from '../content.js';
import { base64urlPadded } from './base64url.js';
import { vdsNcData, type VdsNcData, type VdsNcError } from './vds-nc-message.js';

export interface VdsSigner {
  readonly dscKey: KeyObject;
  /** The DSC in DER; it travels inside every seal. */
  readonly dscCertDer: Uint8Array;
}

export interface VdsNcSeal {
  readonly data: VdsNcData;
  readonly sig: { readonly alg: 'ES256'; readonly cer: string; readonly sigvl: string };
}

/** The bytes the signature covers. */
export function vdsNcSignedBytes(data: unknown): Buffer {
  const text = canonicalize(data);
  if (text === undefined) throw new TypeError('VDS-NC data has no JSON form');
  return Buffer.from(text, 'utf8');
}

export function signVdsNc(data: VdsNcData, signer: VdsSigner): VdsNcSeal {
  const signature = sign('sha256', vdsNcSignedBytes(data), { key: signer.dscKey, dsaEncoding: 'ieee-p1363' });
  return {
    data,
    sig: { alg: 'ES256', cer: base64urlPadded(signer.dscCertDer), sigvl: base64urlPadded(signature) },
  };
}

/** The exact QR text of the seal (compact JSON). */
export function createVdsNc(content: CertificateContent, signer: VdsSigner): Result<string, VdsNcError> {
  const data = vdsNcData(content);
  if (!data.ok) return data;
  return { ok: true, value: JSON.stringify(signVdsNc(data.value, signer)) };
}
