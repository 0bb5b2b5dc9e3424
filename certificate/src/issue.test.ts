/** The orchestrator: the right codes for each variant, refusals as values, a PDF at the end. */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jwsFromShcQr } from './codes/shc-numeric.js';
import { issueCertificateCodes, issueCertificateDocument } from './issue.js';
import { devSigning, DOMESTIC, OVERSEAS, type DevSigning } from './test-support/signing-pki.js';
import { scanPdf } from './verify/scan.js';
import { verifyCertificate, verifyCode } from './verify/verify-certificate.js';

let pki: DevSigning;
beforeAll(async () => {
  pki = await devSigning();
});
afterAll(() => pki?.close());

describe('issuing a certificate document', () => {
  it('gives the domestic certificate a SMART Health Card only, even when passport data exists', async () => {
    const codes = await issueCertificateCodes(
      { ...DOMESTIC, passport: OVERSEAS.passport },
      await pki.signing(),
    );
    expect(codes.ok && codes.value.vdsNc).toBeUndefined();
    expect(codes.ok && jwsFromShcQr(codes.value.shc)).toBeTruthy();
  });

  it('gives the overseas certificate both codes, each valid for a verifier trusting the dev PKI', async () => {
    const codes = await issueCertificateCodes(OVERSEAS, await pki.signing());
    if (!codes.ok) throw new Error(codes.error.kind);
    expect(await verifyCode(codes.value.shc, pki.trust())).toMatchObject({ kind: 'shc', status: 'VALID' });
    expect(await verifyCode(codes.value.vdsNc ?? '', pki.trust())).toMatchObject({
      kind: 'vds-nc',
      status: 'VALID',
    });
  });

  it('signs with the key the configuration names active', async () => {
    const ring = (await pki.signing()).keyRing;
    const codes = await issueCertificateCodes(
      DOMESTIC,
      await pki.signing(undefined, { active: ring.active.kid }),
    );
    if (!codes.ok) throw new Error(codes.error.kind);
    const verdict = await verifyCode(codes.value.shc, pki.trust());
    expect(verdict.kind === 'shc' && verdict.content?.kid).toBe(ring.active.kid);
  });

  it('refuses as values: an overseas certificate without passport data, a card too large for one QR code', async () => {
    const noPassport = await issueCertificateDocument(
      { ...OVERSEAS, passport: undefined },
      await pki.signing(),
    );
    expect(noPassport).toEqual({ ok: false, error: { kind: 'vds-nc-needs-passport' } });
    const doses = Array.from({ length: 40 }, (_, i) => ({
      ...DOMESTIC.doses[0]!,
      doseNumber: i + 1,
      lot: randomBytes(10).toString('hex'),
    }));
    const tooLarge = await issueCertificateDocument({ ...DOMESTIC, doses }, await pki.signing());
    expect(tooLarge).toMatchObject({ ok: false, error: { kind: 'shc-too-large' } });
  });

  it('returns the composed PDF, whose printed codes read back at 200 dpi are exactly the signed ones', async () => {
    const signing = await pki.signing();
    const codes = await issueCertificateCodes(OVERSEAS, signing);
    const pdf = await issueCertificateDocument(OVERSEAS, signing);
    if (!pdf.ok || !codes.ok) throw new Error('not issued');
    expect(Buffer.from(pdf.value.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const found = await scanPdf(pdf.value);
    if (!found.ok) throw new Error(found.error.kind);
    expect(found.value).toHaveLength(2);
    const verdicts = await verifyCertificate({ pdf: pdf.value }, pki.trust());
    expect(verdicts.ok && verdicts.value.map((v) => [v.kind, v.status]).sort()).toEqual([
      ['shc', 'VALID'],
      ['vds-nc', 'VALID'],
    ]);
    // ECDSA signatures are randomised, so two issuances differ only in their signatures: compare what is signed.
    const vds = found.value.find((t) => t.startsWith('{')) ?? '';
    expect(JSON.parse(vds).data).toEqual(JSON.parse(codes.value.vdsNc ?? '').data);
  });
});
