/**
 * Composes the certificate PDF (one A4 page). Pure: content and the exact code texts in, bytes out; nothing is
 * written anywhere and nothing is kept but the per-process fonts. Expected refusals (a character no font has, a
 * code too long to print, content that cannot fit) come back as values.
 */
import { ok, type Result } from '@kiosk/protocol';
import { composeFailure, type ComposeError } from './compose-error.js';
import type { CertificateContent } from './content.js';
import { layoutCertificate } from './layout/page.js';
import type { Sheet } from './layout/sheet.js';
import { prepareStaticFonts } from './pdf/document-fonts.js';
import { writeCertificatePdf } from './pdf/document.js';
import { shcSymbol, vdsNcSymbol } from './qr/symbol.js';
import { certificateFaces } from './text/faces.js';

/** The exact QR texts to print: SMART Health Card always, ICAO VDS-NC on the overseas variant only. */
export interface CertificateCodes {
  /** `shc:/` followed by digits. */
  readonly shc: string;
  /** The VDS-NC JSON, exactly as signed. */
  readonly vdsNc?: string | undefined;
}

export interface ComposeOptions {
  /** Flate-compress the page operators (the default); tests switch it off to read them. */
  readonly compress?: boolean;
}

export async function composeCertificate(
  content: CertificateContent,
  codes: CertificateCodes,
  options: ComposeOptions = {},
): Promise<Result<Uint8Array, ComposeError>> {
  const sheet = layoutPage(content, codes);
  if (!sheet.ok) return sheet;
  const faces = certificateFaces();
  if (!faces.ok) return faces;
  return ok(writeCertificatePdf(sheet.value, content, faces.value, options));
}

/** The laid-out page before it becomes PDF: tests check that every line stays inside its box. */
export function layoutPage(
  content: CertificateContent,
  codes: CertificateCodes,
): Result<Sheet, ComposeError> {
  const invalid = contradiction(content, codes);
  if (invalid) return composeFailure('CONTENT_INVALID', invalid);
  const faces = certificateFaces();
  if (!faces.ok) return faces;
  const shc = shcSymbol(codes.shc);
  if (!shc.ok) return shc;
  const vdsNc = codes.vdsNc === undefined ? undefined : vdsNcSymbol(codes.vdsNc);
  if (vdsNc && !vdsNc.ok) return vdsNc;
  return layoutCertificate(content, { shc: shc.value, vdsNc: vdsNc?.value }, faces.value);
}

/**
 * Loads the fonts and builds the label subsets now rather than in the first request; a missing font is reported
 * here, at start-up.
 */
export function prepareComposer(): Result<void, ComposeError> {
  const faces = certificateFaces();
  if (!faces.ok) return faces;
  prepareStaticFonts(faces.value);
  return ok(undefined);
}

function contradiction(content: CertificateContent, codes: CertificateCodes): string | undefined {
  if (content.doses.length === 0) return 'no doses to certify';
  if (content.variant === 'overseas') {
    if (!content.passport) return 'the overseas variant needs passport data';
    if (codes.vdsNc === undefined) return 'the overseas variant needs the VDS-NC code';
  } else if (codes.vdsNc !== undefined) {
    return 'the domestic variant prints no VDS-NC code';
  }
  return undefined;
}
