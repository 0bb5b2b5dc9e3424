/**
 * The VDS-NC seal, judged by code that is not ours: a second RFC 8785 implementation (json-canonicalize) makes the
 * signed bytes, node:crypto checks the raw r‖s signature with the embedded DSC and the DSC against the CSCA.
 */
import { readFileSync } from 'node:fs';
import { verify, X509Certificate } from 'node:crypto';
import { canonicalize as secondJcs } from 'json-canonicalize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateContent } from '../content.js';
import { devSigning, DOMESTIC, OVERSEAS, type DevSigning } from '../test-support/signing-pki.js';
import { createVdsNc, type VdsNcSeal } from './vds-nc.js';

let pki: DevSigning;
beforeAll(async () => {
  pki = await devSigning();
});
afterAll(() => pki?.close());

async function seal(content: CertificateContent): Promise<{ text: string; seal: VdsNcSeal }> {
  const made = createVdsNc(content, (await pki.signing()).vds);
  if (!made.ok) throw new Error(made.error.kind);
  return { text: made.value, seal: JSON.parse(made.value) as VdsNcSeal };
}

/** base64url with or without padding, by hand: not through our own decoder. */
const b64url = (s: string) => Buffer.from(s.replaceAll('-', '+').replaceAll('_', '/'), 'base64');

describe('ICAO VDS-NC seal', () => {
  it('holds the ICAO header, the holder as in the passport and each dose under its product', async () => {
    const { seal: s } = await seal(OVERSEAS);
    expect(s.data).toEqual({
      hdr: { t: 'icao.vacc', v: 1, is: 'JPN' },
      msg: {
        uvci: 'Z9Y8X7W6V5T4',
        pid: { n: 'YOSHIDA HANAKO', dob: '1950-04-01', i: 'TK1234567' },
        ve: [
          {
            des: 'XM68M6',
            nam: 'Comirnaty',
            dis: 'RA01.0',
            vd: [
              { dvc: '2021-06-01', seq: 1, ctr: 'JPN', adm: 'Chuo City', lot: 'FF2153' },
              { dvc: '2021-06-22', seq: 2, ctr: 'JPN', adm: 'Chuo City', lot: 'FF4204' },
            ],
          },
          {
            des: 'XM68M6',
            nam: 'Spikevax',
            dis: 'RA01.0',
            vd: [{ dvc: '2022-01-15', seq: 3, ctr: 'JPN', adm: 'Chuo City', lot: '3005236' }],
          },
        ],
      },
    });
  });

  it('is signed ES256 as raw r‖s over the JCS form of data, verifiable with a second JCS implementation', async () => {
    const { seal: s } = await seal(OVERSEAS);
    expect(s.sig.alg).toBe('ES256');
    const signature = b64url(s.sig.sigvl);
    expect(signature).toHaveLength(64);
    const dsc = new X509Certificate(b64url(s.sig.cer));
    const signed = Buffer.from(secondJcs(s.data), 'utf8');
    expect(verify('sha256', signed, { key: dsc.publicKey, dsaEncoding: 'ieee-p1363' }, signature)).toBe(true);
  });

  it('embeds the DSC as base64url DER with its padding kept, and the DSC chains to the CSCA', async () => {
    const { seal: s } = await seal(OVERSEAS);
    const der = new X509Certificate(readFileSync(pki.paths.vds.dscCert)).raw;
    expect(s.sig.cer).toMatch(/^[A-Za-z0-9_-]+={0,2}$/);
    expect(s.sig.cer.length % 4).toBe(0);
    expect(b64url(s.sig.cer).equals(der)).toBe(true);
    const csca = new X509Certificate(readFileSync(pki.paths.vds.cscaCert));
    const dsc = new X509Certificate(b64url(s.sig.cer));
    expect(dsc.checkIssued(csca) && dsc.verify(csca.publicKey)).toBe(true);
  });

  it('keeps to ICAO field sizes: the UVCI is 12 characters, the name 39, the administering centre 20', async () => {
    const { seal: s } = await seal({
      ...OVERSEAS,
      municipality: {
        ...OVERSEAS.municipality,
        code: '122319',
        name: { ja: '東松島市', en: 'Higashimatsushima City' },
      },
      passport: {
        romanizedName: 'WOLFESCHLEGELSTEINHAUSENBERGERDORFF HUBERT BLAINE',
        nationality: 'DEU',
        passportNumber: 'C01X00T47',
      },
    });
    expect(s.data.msg.uvci).toHaveLength(12);
    expect(s.data.msg.pid.n).toBe('WOLFESCHLEGELSTEINHAUSENBERGERDORFF HUB');
    expect(s.data.msg.ve[0]?.vd[0]?.adm).toBe('122319');
  });

  it('needs passport data: without it there is no seal, as a typed error', () => {
    expect(createVdsNc(DOMESTIC, { dscKey: undefined as never, dscCertDer: new Uint8Array() })).toEqual({
      ok: false,
      error: { kind: 'vds-nc-needs-passport' },
    });
  });

  it('is plain ASCII JSON on one line, so any QR reader returns it byte for byte', async () => {
    const { text } = await seal(OVERSEAS);
    expect(text).toMatch(/^[\x20-\x7e]+$/);
  });
});
