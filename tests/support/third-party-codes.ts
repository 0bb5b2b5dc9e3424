/**
 * Reads and checks the printed codes with code that is not the project's: poppler rasterises the PDF at 200 dpi,
 * zbar decodes the QR codes, jose verifies the SMART Health Card, node:crypto the VDS-NC over the canonical JSON of
 * a second RFC 8785 implementation (json-canonicalize). Nothing here imports the project's verifier.
 */
import { execFileSync } from 'node:child_process';
import { verify, X509Certificate } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { canonicalize } from 'json-canonicalize';

type Json = Record<string, unknown>;

/** The parts of a decoded SMART Health Card the tests read. */
export interface ShcPayloadJson {
  readonly iss: string;
  readonly vc: {
    readonly credentialSubject: { readonly fhirBundle: { readonly entry: { resource: Json }[] } };
  };
}

/** The parts of a VDS-NC data zone the tests read. */
export interface VdsNcDataJson {
  readonly hdr: Json;
  readonly msg: { readonly uvci: string; readonly pid: Json; readonly ve: { readonly vd: Json[] }[] };
}

/** Every QR code's text on every page, as zbarimg reads a 200 dpi rendering. */
export function qrCodesInPdf(pdf: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'third-party-scan-'));
  try {
    writeFileSync(join(dir, 'c.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '200', '-png', join(dir, 'c.pdf'), join(dir, 'page')]);
    const pages = readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .map((f) => join(dir, f));
    const out = execFileSync('zbarimg', ['--raw', '--quiet', ...pages], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.split('\n').filter(Boolean);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `shc:/` digits → JWS: each pair of digits is a character code minus 45 (SMART Health Cards spec). */
export function shcJws(qr: string): string {
  const digits = qr.replace(/^shc:\//, '');
  return (digits.match(/\d\d/g) ?? []).map((d) => String.fromCharCode(Number(d) + 45)).join('');
}

/** The issuer a card names, read before verifying so its keys can be fetched. */
export function claimedIssuer(jws: string): string {
  const payload = Buffer.from(jws.split('.')[1] ?? '', 'base64url');
  return (JSON.parse(inflateRawSync(payload).toString('utf8')) as { iss: string }).iss;
}

export async function verifiedShcPayload(jws: string, jwks: JSONWebKeySet): Promise<ShcPayloadJson> {
  const { payload, protectedHeader } = await compactVerify(jws, createLocalJWKSet(jwks), {
    algorithms: ['ES256'],
  });
  if (protectedHeader.zip !== 'DEF') throw new Error('an SHC JWS must say zip DEF');
  return JSON.parse(inflateRawSync(payload).toString('utf8')) as ShcPayloadJson;
}

const b64url = (s: string): Buffer => Buffer.from(s.replaceAll('-', '+').replaceAll('_', '/'), 'base64');

/** The seal's data if its raw r‖s signature verifies with the embedded DSC and the DSC chains to the CSCA. */
export function verifiedVdsNcData(text: string, cscaPem: string): VdsNcDataJson {
  const seal = JSON.parse(text) as {
    data: VdsNcDataJson;
    sig: { alg: string; cer: string; sigvl: string };
  };
  const dsc = new X509Certificate(b64url(seal.sig.cer));
  const csca = new X509Certificate(cscaPem);
  if (!dsc.checkIssued(csca) || !dsc.verify(csca.publicKey)) {
    throw new Error('the DSC does not chain to the CSCA');
  }
  const signature = b64url(seal.sig.sigvl);
  if (seal.sig.alg !== 'ES256' || signature.length !== 64) throw new Error('not an ES256 raw r‖s signature');
  const signed = Buffer.from(canonicalize(seal.data), 'utf8');
  if (!verify('sha256', signed, { key: dsc.publicKey, dsaEncoding: 'ieee-p1363' }, signature)) {
    throw new Error('the VDS-NC signature does not verify');
  }
  return seal.data;
}
