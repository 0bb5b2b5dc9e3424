// Decides whether an existing certificate + key may be kept. Files are written one at a time, so an interrupted
// run can leave a new CA beside old leaves, or a new key beside an old certificate: those get re-issued.
import { X509Certificate, createPrivateKey } from 'node:crypto';

const RENEW_BEFORE_MS = 7 * 24 * 3600_000;

export interface PemPair {
  certPem: string;
  keyPem: string;
}

/** Why the pair cannot be kept, or null when it is fine. */
export function pairProblem(pair: PemPair, issuerCertPem?: string, now = Date.now()): string | null {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pair.certPem);
    if (!cert.checkPrivateKey(createPrivateKey(pair.keyPem))) return 'key does not belong to the certificate';
  } catch {
    return 'unreadable certificate or key';
  }
  if (issuerCertPem !== undefined) {
    const issuer = new X509Certificate(issuerCertPem);
    if (!cert.checkIssued(issuer) || !cert.verify(issuer.publicKey)) return 'not signed by the current CA';
  }
  if (Date.parse(cert.validTo) - now < RENEW_BEFORE_MS) return 'expired or about to expire';
  return null;
}
