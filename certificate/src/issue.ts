/**
 * Issuing one certificate document: sign the SMART Health Card (every variant) and the ICAO VDS-NC (overseas
 * only), then compose the PDF that prints them. Expected refusals come back as values.
 */
import type { Result } from '@kiosk/protocol';
import { createShc, type ShcError } from './codes/shc.js';
import { createVdsNc, type VdsSigner } from './codes/vds-nc.js';
import type { VdsNcError } from './codes/vds-nc-message.js';
import { composeCertificate, type CertificateCodes } from './compose.js';
import type { ComposeError } from './compose-error.js';
import type { CertificateContent } from './content.js';
import type { KeyRing } from './keys/key-ring.js';

export interface CertificateSigning {
  readonly keyRing: KeyRing;
  readonly vds: VdsSigner;
  /** The SHC `iss`: verifiers fetch `{issuer}/.well-known/jwks.json`. No trailing slash. */
  readonly issuer: string;
  readonly now: Date;
}

export type IssueError =
  ShcError | VdsNcError | { readonly kind: 'compose-failed'; readonly error: ComposeError };

/** For operators' logs: names sizes and fields, never the applicant's data. */
export function describeIssueError(error: IssueError): string {
  switch (error.kind) {
    case 'shc-too-large':
      return `the SMART Health Card JWS is ${error.length} characters, more than one QR code holds (${error.max})`;
    case 'vds-nc-needs-passport':
      return 'the overseas certificate needs passport data for its VDS-NC';
    case 'compose-failed':
      return `${error.error.reason}: ${error.error.detail}`;
  }
}

export async function issueCertificateCodes(
  content: CertificateContent,
  signing: CertificateSigning,
): Promise<Result<CertificateCodes, IssueError>> {
  const shc = await createShc(content, {
    key: signing.keyRing.active,
    issuer: signing.issuer,
    now: signing.now,
  });
  if (!shc.ok) return shc;
  if (content.variant !== 'overseas') return { ok: true, value: { shc: shc.value.qr } };
  const vdsNc = createVdsNc(content, signing.vds);
  if (!vdsNc.ok) return vdsNc;
  return { ok: true, value: { shc: shc.value.qr, vdsNc: vdsNc.value } };
}

export async function issueCertificateDocument(
  content: CertificateContent,
  signing: CertificateSigning,
): Promise<Result<Uint8Array, IssueError>> {
  const codes = await issueCertificateCodes(content, signing);
  if (!codes.ok) return codes;
  const pdf = await composeCertificate(content, codes.value);
  if (!pdf.ok) return { ok: false, error: { kind: 'compose-failed', error: pdf.error } };
  return pdf;
}
