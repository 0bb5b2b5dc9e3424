/**
 * The offline verifier on codes printed as QR images: each code is rendered with the qrcode package and read back
 * by zbarimg (not our decoder), then judged. Every way a code can be wrong has its own reason.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { CompactSign } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base64urlPadded } from '../codes/base64url.js';
import { jwsFromShcQr, shcQrText } from '../codes/shc-numeric.js';
import { vdsNcSignedBytes, type VdsNcSeal } from '../codes/vds-nc.js';
import type { CertificateCodes } from '../compose.js';
import { issueCertificateCodes } from '../issue.js';
import { devSigning, OVERSEAS, type DevSigning } from '../test-support/signing-pki.js';
import { qrPng } from '../test-support/qr-png.js';
import type { VerifyTrust } from './trust.js';
import type { CodeVerdict } from './verdict.js';
import { verifyCertificate } from './verify-certificate.js';

let pki: DevSigning;
let other: DevSigning;
let codes: CertificateCodes;
let dir: string;
let n = 0;

beforeAll(async () => {
  [pki, other] = await Promise.all([devSigning(), devSigning()]);
  dir = mkdtempSync(join(tmpdir(), 'verify-test-'));
  const issued = await issueCertificateCodes(OVERSEAS, await pki.signing());
  if (!issued.ok) throw new Error(issued.error.kind);
  codes = issued.value;
});
afterAll(() => {
  pki?.close();
  other?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Prints the text as a QR code and lets the verifier find it in the picture. */
async function scanned(text: string, trust: VerifyTrust = pki.trust()): Promise<CodeVerdict> {
  const png = await qrPng(text, join(dir, `code-${n++}.png`));
  const verdicts = await verifyCertificate({ png }, trust);
  if (!verdicts.ok) throw new Error(verdicts.error.kind);
  expect(verdicts.value).toHaveLength(1);
  return verdicts.value[0]!;
}

const shcJws = () => jwsFromShcQr(codes.shc) ?? '';
const vdsSeal = () => JSON.parse(codes.vdsNc ?? '') as VdsNcSeal;

describe('verifying printed codes', () => {
  it('finds both codes and decodes them to what the record says', async () => {
    const shc = await scanned(codes.shc);
    expect(shc).toMatchObject({ kind: 'shc', status: 'VALID' });
    if (shc.kind !== 'shc' || !shc.content) throw new Error('unreachable');
    const [patient, ...doses] = shc.content.fhirBundle.entry.map((e) => e.resource);
    expect(patient).toMatchObject({
      name: [{ family: 'YOSHIDA', given: ['HANAKO'] }],
      birthDate: '1950-04-01',
    });
    expect(
      doses.map((d) => d.resourceType === 'Immunization' && [d.occurrenceDateTime, d.lotNumber]),
    ).toEqual(OVERSEAS.doses.map((d) => [d.date, d.lot]));

    const vds = await scanned(codes.vdsNc ?? '');
    expect(vds).toMatchObject({ kind: 'vds-nc', status: 'VALID' });
    if (vds.kind !== 'vds-nc' || !vds.content) throw new Error('unreachable');
    expect(vds.content.data.msg.pid).toEqual({ n: 'YOSHIDA HANAKO', dob: '1950-04-01', i: 'TK1234567' });
    expect(vds.content.data.msg.ve.flatMap((e) => e.vd.map((d) => [d.seq, d.dvc, d.lot]))).toEqual(
      OVERSEAS.doses.map((d) => [d.doseNumber, d.date, d.lot]),
    );
  });

  it('SHC with one character flipped: signature invalid', async () => {
    const [h, p = '', s] = shcJws().split('.');
    const at = Math.floor(p.length / 2);
    const flipped = `${p.slice(0, at)}${p[at] === 'A' ? 'B' : 'A'}${p.slice(at + 1)}`;
    expect(await scanned(shcQrText(`${h}.${flipped}.${s}`))).toMatchObject({
      status: 'INVALID',
      reason: 'signature invalid',
    });
  });

  it('SHC with a changed payload under the original signature: signature invalid', async () => {
    const [h, p = '', s] = shcJws().split('.');
    const payload = inflateRawSync(Buffer.from(p, 'base64url')).toString('utf8').replace('FF2153', 'FF9999');
    const forged = deflateRawSync(Buffer.from(payload)).toString('base64url');
    expect(await scanned(shcQrText(`${h}.${forged}.${s}`))).toMatchObject({
      status: 'INVALID',
      reason: 'signature invalid',
    });
  });

  it('SHC signed by a key the issuer never published: unknown key', async () => {
    const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const payload = Buffer.from(shcJws().split('.')[1] ?? '', 'base64url');
    const jws = await new CompactSign(payload)
      .setProtectedHeader({ alg: 'ES256', zip: 'DEF', kid: 'stranger' })
      .sign(stranger);
    expect(await scanned(shcQrText(jws))).toMatchObject({ status: 'INVALID', reason: 'unknown key' });
    // The issuer's real key, checked against another issuer's JWKS, is unknown there too.
    expect(await scanned(codes.shc, other.trust())).toMatchObject({
      status: 'INVALID',
      reason: 'unknown key',
    });
  });

  it('SHC signed by a key the issuer has since expired: key expired', async () => {
    const kid = (await pki.signing()).keyRing.active.kid;
    const verdict = await scanned(codes.shc, pki.trust({ expiredKids: new Set([kid]) }));
    expect(verdict).toMatchObject({ status: 'INVALID', reason: 'key expired' });
  });

  it('VDS-NC with a DER-encoded signature: refused as DER, even though the signature itself is right', async () => {
    const seal = vdsSeal();
    const der = sign('sha256', vdsNcSignedBytes(seal.data), (await pki.signing()).vds.dscKey);
    const text = JSON.stringify({ ...seal, sig: { ...seal.sig, sigvl: base64urlPadded(der) } });
    expect(await scanned(text)).toMatchObject({ status: 'INVALID', reason: 'signature DER-encoded' });
  });

  it('VDS-NC with changed data: signature invalid', async () => {
    const text = (codes.vdsNc ?? '').replace('TK1234567', 'TK7654321');
    expect(await scanned(text)).toMatchObject({ status: 'INVALID', reason: 'signature invalid' });
  });

  it('VDS-NC whose DSC belongs to another CSCA: not trusted', async () => {
    expect(await scanned(codes.vdsNc ?? '', other.trust())).toMatchObject({
      status: 'INVALID',
      reason: 'DSC not issued by the CSCA',
    });
  });

  it('either code of a revoked certificate ID: revoked, with the content still shown', async () => {
    const trust = pki.trust({ revoked: new Set(['131024-0000000000AA', OVERSEAS.certificateId]) });
    const shc = await scanned(codes.shc, trust);
    const vds = await scanned(codes.vdsNc ?? '', trust);
    expect(shc).toMatchObject({ status: 'INVALID', reason: 'revoked' });
    expect(vds).toMatchObject({ status: 'INVALID', reason: 'revoked' });
    expect(vds.content).toBeDefined();
  });

  it('a QR code that is neither: unsupported', async () => {
    expect(await scanned('https://example.test/')).toMatchObject({
      kind: 'unknown',
      status: 'INVALID',
      reason: 'unsupported',
    });
  });
});
