/**
 * The certificate the centre issues, judged by third-party code: the PDF is rasterised at 200 dpi by poppler and
 * its QR codes read by zbar; the SMART Health Card verified by jose against the JWKS the running centre serves;
 * the VDS-NC by node:crypto over a second JCS implementation, its DSC against the CSCA. The decoded content must
 * be the record. Then the project's own verifier, as a command, against the same running centre.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { devPkiPaths } from '@kiosk/certs';
import { LineClient } from '@kiosk/kiosk-agent';
import type { IssuanceRequest, IssuanceResponse, Variant } from '@kiosk/protocol';
import { DEMO_RESIDENTS } from '@kiosk/record-store/demo';
import type { JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicGet } from './support/public-get.js';
import { kioskTls, startTestSystem, type TestSystem } from './support/system.js';
import {
  claimedIssuer,
  qrCodesInPdf,
  shcJws,
  verifiedShcPayload,
  verifiedVdsNcData,
} from './support/third-party-codes.js';
import { issuanceRequest } from './support/issuance.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const resident = DEMO_RESIDENTS.find((r) => r.id === 'sato-hanako');
if (!resident?.record.passport) throw new Error('the demo data lacks Sato Hanako with passport data');
const { record } = resident;
const passport = resident.record.passport;

let system: TestSystem;
let line: LineClient;
let lineCa: string;

beforeAll(async () => {
  system = await startTestSystem({ agent: false });
  line = new LineClient({ baseUrl: system.centerUrl, kioskId: 'kiosk-0001', tls: kioskTls(system) });
  lineCa = readFileSync(devPkiPaths(system.certsDir).lineCa.cert, 'utf8');
});
afterAll(async () => {
  line?.close();
  await system?.close();
});

async function issue(variant: Variant): Promise<IssuanceResponse & { pdfBytes: Uint8Array }> {
  const request: IssuanceRequest = issuanceRequest(system.certsDir, resident!, { variant });

  const issued = await line.issue(request);
  if (!issued.ok) throw new Error(issued.error.code);
  return { ...issued.value, pdfBytes: new Uint8Array(Buffer.from(issued.value.pdf, 'base64')) };
}

/** As a verifier does: read the issuer from the card, fetch its keys from the issuer, then verify. */
async function verifiedShc(qr: string) {
  const jws = shcJws(qr);
  const iss = claimedIssuer(jws);
  expect(iss).toBe(system.center.issuerUrl);
  const jwks = await publicGet(`${iss}/.well-known/jwks.json`, lineCa);
  return verifiedShcPayload(jws, jwks.json as JSONWebKeySet);
}

const CVX = { コミナティ筋注: '208', スパイクバックス筋注: '207' } as Record<string, string>;

describe('the issued certificate, read and verified by third-party code', () => {
  it('publishes the signing keys at {issuer}/.well-known/jwks.json to anyone: no client certificate, CORS open', async () => {
    const res = await publicGet(`${system.center.issuerUrl}/.well-known/jwks.json`, lineCa);
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const { keys } = res.json as { keys: Record<string, string>[] };
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
      expect(key).not.toHaveProperty('d');
    }
  });

  it('prints on the domestic certificate one SHC, valid for the JWKS served, naming the resident in kanji', async () => {
    const issued = await issue('domestic');
    const codes = qrCodesInPdf(issued.pdfBytes);
    expect(codes).toHaveLength(1);
    const payload = await verifiedShc(codes[0] ?? '');
    const [patient, ...doses] = payload.vc.credentialSubject.fhirBundle.entry.map((e) => e.resource);
    expect(patient).toEqual({
      resourceType: 'Patient',
      name: [{ family: record.familyName, given: [record.givenName] }],
      birthDate: record.birthDate,
    });
    expect(doses.map((d) => [d['occurrenceDateTime'], d['lotNumber'], d['vaccineCode']])).toEqual(
      record.doses.map((d) => [
        d.date,
        d.lot,
        { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: CVX[d.product] }] },
      ]),
    );
  });

  it('prints on the overseas certificate an SHC in the passport name and a VDS-NC that chains to the CSCA', async () => {
    const issued = await issue('overseas');
    const codes = qrCodesInPdf(issued.pdfBytes);
    expect(codes).toHaveLength(2);
    const shc = codes.find((c) => c.startsWith('shc:/')) ?? '';
    const vds = codes.find((c) => c.startsWith('{')) ?? '';
    const payload = await verifiedShc(shc);
    const [family, ...given] = passport.romanizedName.split(' ');
    expect(payload.vc.credentialSubject.fhirBundle.entry[0]?.resource['name']).toEqual([{ family, given }]);

    const data = verifiedVdsNcData(vds, readFileSync(devPkiPaths(system.certsDir).vds.cscaCert, 'utf8'));
    expect(data.hdr).toEqual({ t: 'icao.vacc', v: 1, is: 'JPN' });
    expect(data.msg.uvci).toBe(issued.certificateId.replace(/[^A-Z0-9]/g, '').slice(-12));
    expect(data.msg.pid).toEqual({
      n: passport.romanizedName,
      dob: record.birthDate,
      i: passport.passportNumber,
    });
    const doses = data.msg.ve.flatMap((e) => e.vd.map((d) => [d['seq'], d['dvc'], d['lot'], d['ctr']]));
    expect(doses).toEqual(record.doses.map((d) => [d.doseNumber, d.date, d.lot, 'JPN']));
  });

  it('npm run verify: VALID against the running centre, INVALID once the certificate is revoked', async () => {
    const issued = await issue('overseas');
    const file = join(system.dir, `${issued.certificateId}.pdf`);
    writeFileSync(file, issued.pdfBytes);
    const verifyCli = () =>
      promisify(execFile)(
        'npm',
        [
          'run',
          '--silent',
          'verify',
          '--',
          file,
          '--jwks',
          `${system.center.issuerUrl}/.well-known/jwks.json`,
          '--revoked',
          `${system.center.issuerUrl}/.well-known/revoked.json`,
          '--csca',
          devPkiPaths(system.certsDir).vds.cscaCert,
        ],
        // The dev centre's TLS certificate is issued by the line CA, which the verifier must be told to trust.
        { cwd: ROOT, env: { ...process.env, NODE_EXTRA_CA_CERTS: devPkiPaths(system.certsDir).lineCa.cert } },
      ).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
    const valid = await verifyCli();
    expect(valid.out).toContain('SMART Health Card: VALID');
    expect(valid.out).toContain('ICAO VDS-NC: VALID');
    expect(valid.code).toBe(0);

    system.center.revocations.revoke(issued.certificateId, 'test: reported lost');
    const revoked = await verifyCli();
    expect(revoked.out).toContain('SMART Health Card: INVALID: revoked');
    expect(revoked.out).toContain('ICAO VDS-NC: INVALID: revoked');
    expect(revoked.code).toBe(1);
  });
});
