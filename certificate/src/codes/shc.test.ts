/**
 * The SMART Health Card, judged by third-party code: jose verifies the JWS against the published JWKS, node's zlib
 * inflates it, and the decoded bundle must say what the record says.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { compactVerify, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateContent } from '../content.js';
import { devSigning, DOMESTIC, ISSUER, NOW, OVERSEAS, type DevSigning } from '../test-support/signing-pki.js';
import { shcRid } from './rid.js';
import { createShc, type ShcPayload } from './shc.js';
import { jwsFromShcQr, shcNumeric, shcQrText } from './shc-numeric.js';

let pki: DevSigning;
beforeAll(async () => {
  pki = await devSigning();
});
afterAll(() => pki?.close());

async function issue(content: CertificateContent) {
  const signing = await pki.signing();
  const shc = await createShc(content, { key: signing.keyRing.active, issuer: ISSUER, now: NOW });
  if (!shc.ok) throw new Error(shc.error.kind);
  return shc.value;
}

async function decode(jws: string) {
  const jwks = JSON.parse(readFileSync(pki.paths.signing.jwks, 'utf8')) as { keys: JWK[] };
  const { kid } = decodeProtectedHeader(jws);
  const jwk = jwks.keys.find((k) => k.kid === kid);
  if (!jwk) throw new Error(`kid ${kid} is not in jwks.json`);
  const { payload } = await compactVerify(jws, await importJWK(jwk, 'ES256'));
  return JSON.parse(inflateRawSync(payload).toString('utf8')) as ShcPayload;
}

describe('SHC numeric encoding', () => {
  it('writes each character as two digits of its code minus 45, and reads them back', () => {
    expect(shcNumeric('-.0Az_')).toBe('000103207750');
    const jws = 'eyJhbGciOiJFUzI1NiJ9.e30.c2ln-_';
    expect(jwsFromShcQr(shcQrText(jws))).toBe(jws);
    expect(shcQrText(jws).startsWith('shc:/')).toBe(true);
  });

  it('refuses what is not an SHC: odd digit count, non-digits, values above z', () => {
    expect(jwsFromShcQr('shc:/123')).toBeUndefined();
    expect(jwsFromShcQr('shc:/12a4')).toBeUndefined();
    expect(jwsFromShcQr('shc:/78')).toBeUndefined();
    expect(jwsFromShcQr('http://x')).toBeUndefined();
  });
});

describe('SMART Health Card', () => {
  it('is a compact JWS, ES256 with zip DEF and kid = the RFC 7638 thumbprint of a published key', async () => {
    const { jws, qr } = await issue(DOMESTIC);
    expect(jws.split('.')).toHaveLength(3);
    expect(jws.length).toBeLessThanOrEqual(1195);
    expect(qr).toBe(shcQrText(jws));
    const header = decodeProtectedHeader(jws);
    expect(header).toEqual({ alg: 'ES256', zip: 'DEF', kid: (await pki.signing()).keyRing.active.kid });
  });

  it('carries the record as a minimal FHIR bundle: Patient in kanji, one Immunization per dose with its CVX code', async () => {
    const payload = await decode((await issue(DOMESTIC)).jws);
    expect(payload.iss).toBe(ISSUER);
    expect(payload.nbf).toBe(Math.floor(NOW.getTime() / 1000));
    expect(payload.vc.type).toEqual([
      'https://smarthealth.cards#health-card',
      'https://smarthealth.cards#immunization',
      'https://smarthealth.cards#covid19',
    ]);
    expect(payload.vc.rid).toBe(shcRid(DOMESTIC.certificateId));
    const bundle = payload.vc.credentialSubject.fhirBundle;
    expect(payload.vc.credentialSubject.fhirVersion).toBe('4.0.1');
    expect(bundle.entry[0]).toEqual({
      fullUrl: 'resource:0',
      resource: {
        resourceType: 'Patient',
        name: [{ family: '𠮷田', given: ['花子'] }],
        birthDate: '1950-04-01',
      },
    });
    expect(bundle.entry.slice(1)).toEqual(
      DOMESTIC.doses.map((dose, i) => ({
        fullUrl: `resource:${i + 1}`,
        resource: {
          resourceType: 'Immunization',
          status: 'completed',
          vaccineCode: {
            coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: ['208', '208', '207'][i] }],
          },
          patient: { reference: 'resource:0' },
          occurrenceDateTime: dose.date,
          performer: [{ actor: { display: '中央区' } }],
          lotNumber: dose.lot,
        },
      })),
    );
    // The SHC profile leaves these out to keep the card in one QR code.
    expect(JSON.stringify(bundle)).not.toMatch(/"(id|meta|text)"/);
    for (const { resource } of bundle.entry) {
      if (resource.resourceType === 'Immunization')
        expect(resource.vaccineCode.coding[0]).not.toHaveProperty('display');
    }
  });

  it('names the holder as in the passport on the overseas certificate', async () => {
    const bundle = (await decode((await issue(OVERSEAS)).jws))['vc'].credentialSubject.fhirBundle;
    expect(bundle.entry[0]?.resource).toMatchObject({ name: [{ family: 'YOSHIDA', given: ['HANAKO'] }] });
    expect(bundle.entry[1]?.resource).toMatchObject({ performer: [{ actor: { display: 'Chuo City' } }] });
  });

  it('refuses with a typed error when the card would not fit one QR code', async () => {
    // Random lot numbers, so that compression cannot make the card small again.
    const many = Array.from({ length: 40 }, (_, i) => ({
      ...DOMESTIC.doses[0]!,
      doseNumber: i + 1,
      lot: randomBytes(10).toString('hex'),
    }));
    const signing = await pki.signing();
    const shc = await createShc(
      { ...DOMESTIC, doses: many },
      { key: signing.keyRing.active, issuer: ISSUER, now: NOW },
    );
    expect(shc.ok).toBe(false);
    if (!shc.ok) expect(shc.error).toMatchObject({ kind: 'shc-too-large', max: 1195 });
  });
});
