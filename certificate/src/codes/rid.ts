/**
 * Revocation identifiers. The SMART Health Card carries `vc.rid` (SHC revocation spec) and the VDS-NC its `uvci`;
 * both are derived from the certificate ID, so one list of revoked certificate IDs revokes either code.
 */
import { createHash } from 'node:crypto';

/** First 64 bits of SHA-256 over the certificate ID, base64url: 11 characters, within the spec's 24. */
export function shcRid(certificateId: string): string {
  return createHash('sha256').update(certificateId, 'utf8').digest().subarray(0, 8).toString('base64url');
}

/** ICAO limits the UVCI to 12 characters: the last 12 letters and digits of the certificate ID (its random part). */
export const UVCI_MAX_LENGTH = 12;
export function uvciOf(certificateId: string): string {
  return certificateId.replace(/[^A-Za-z0-9]/g, '').slice(-UVCI_MAX_LENGTH);
}
