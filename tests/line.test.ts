/**
 * The line between kiosk and centre, over real TLS: who may call, how requests are signed, what is refused and
 * with which stable code, and that a retried issuance never makes a second certificate.
 */
import { contentDigest, signRequest } from '@kiosk/protocol/line-signature';
import { LineClient } from '@kiosk/kiosk-agent';
import { DEMO_RESIDENTS, type DemoResident } from '@kiosk/record-store/demo';
import type { IssuanceRequest } from '@kiosk/protocol';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from './support/https.js';
import { issuanceRequest } from './support/issuance.js';
import { kioskTls, startTestSystem, type TestSystem } from './support/system.js';

let system: TestSystem;
let line: LineClient;

beforeAll(async () => {
  system = await startTestSystem({ agent: false });
  line = new LineClient({ baseUrl: system.centerUrl, kioskId: 'kiosk-0001', tls: kioskTls(system) });
});
afterAll(async () => {
  line?.close();
  await system?.close();
});

function residentWhere(test: (r: DemoResident) => boolean): DemoResident {
  const found = DEMO_RESIDENTS.find(test);
  if (!found) throw new Error('the demo data lacks a resident this test needs');
  return found;
}

function issuanceFor(resident: DemoResident, variant: 'domestic' | 'overseas' = 'domestic'): IssuanceRequest {
  return issuanceRequest(system.certsDir, resident, { variant });
}

/** Signs a request as kiosk-0001 would, optionally with the wrong key or a clock that is off. */
function signedHeaders(
  target: string,
  body: Buffer,
  key = createPrivateKey(kioskTls(system).key),
  created?: number,
) {
  const authority = new URL(system.centerUrl).host;
  const headers: Record<string, string> = {
    host: authority,
    'content-type': 'application/json',
    'content-digest': contentDigest(body),
  };
  return {
    ...headers,
    ...signRequest({ method: 'POST', authority, target, headers }, true, {
      keyId: 'kiosk-0001',
      privateKey: key,
      created,
    }),
  };
}

const living = () => residentWhere((r) => r.record.status === 'resident' && r.record.doses.length > 0);

describe('who may use the line', () => {
  it('refuses a request without a client certificate with LINE_CLIENT_CERT_REQUIRED', async () => {
    const body = Buffer.from(JSON.stringify(issuanceFor(living())));
    const response = await rawRequest(`${system.centerUrl}/v1/issuances`, {
      method: 'POST',
      headers: signedHeaders('/v1/issuances', body),
      body,
      tls: { ca: kioskTls(system).ca },
    });
    expect(response.status).toBe(401);
    expect(response.json).toMatchObject({
      error: { code: 'LINE_CLIENT_CERT_REQUIRED', messageKey: 'error.line_client_cert_required' },
    });
  });

  it('refuses a request signed with another key than the client certificate with LINE_SIGNATURE_INVALID', async () => {
    const body = Buffer.from(JSON.stringify(issuanceFor(living())));
    const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const response = await rawRequest(`${system.centerUrl}/v1/issuances`, {
      method: 'POST',
      headers: signedHeaders('/v1/issuances', body, stranger),
      body,
      tls: kioskTls(system),
    });
    expect(response.status).toBe(401);
    expect(response.json).toMatchObject({ error: { code: 'LINE_SIGNATURE_INVALID' } });
  });

  it('refuses an unsigned request with LINE_SIGNATURE_MISSING', async () => {
    const response = await rawRequest(`${system.centerUrl}/v1/menu?kind=vaccination`, {
      method: 'GET',
      tls: kioskTls(system),
    });
    expect(response).toMatchObject({ status: 401, json: { error: { code: 'LINE_SIGNATURE_MISSING' } } });
  });

  it('accepts a signed request once and refuses its replay with LINE_REPLAY', async () => {
    const body = Buffer.from(
      JSON.stringify({
        kioskTime: new Date().toISOString(),
        softwareVersion: 'test',
        uptimeSeconds: 1,
        devices: [],
        counters: {},
      }),
    );
    const headers = signedHeaders('/v1/heartbeats', body);
    const send = () =>
      rawRequest(`${system.centerUrl}/v1/heartbeats`, {
        method: 'POST',
        headers,
        body,
        tls: kioskTls(system),
      });
    expect((await send()).status).toBe(200);
    expect(await send()).toMatchObject({ status: 401, json: { error: { code: 'LINE_REPLAY' } } });
  });

  it('refuses a signature made with a clock 10 minutes off with LINE_SIGNATURE_STALE', async () => {
    const body = Buffer.from(JSON.stringify(issuanceFor(living())));
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    const response = await rawRequest(`${system.centerUrl}/v1/issuances`, {
      method: 'POST',
      headers: signedHeaders('/v1/issuances', body, undefined, tenMinutesAgo),
      body,
      tls: kioskTls(system),
    });
    expect(response).toMatchObject({ status: 401, json: { error: { code: 'LINE_SIGNATURE_STALE' } } });
  });

  it('refuses a body that is not the one signed with CONTENT_DIGEST_MISMATCH', async () => {
    const body = Buffer.from(JSON.stringify(issuanceFor(living())));
    const other = Buffer.from(JSON.stringify(issuanceFor(living(), 'overseas')));
    const response = await rawRequest(`${system.centerUrl}/v1/issuances`, {
      method: 'POST',
      headers: signedHeaders('/v1/issuances', body),
      body: other,
      tls: kioskTls(system),
    });
    expect(response.json).toMatchObject({ error: { code: 'CONTENT_DIGEST_MISMATCH' } });
  });
});

describe('issuance over the line', () => {
  it('offers the participating municipalities in the menu', async () => {
    const menu = await line.menu('vaccination');
    expect(menu.ok && menu.value.municipalities.map((m) => m.code)).toEqual(['122319', '131024', '131113']);
  });

  it('answers a retried request with the same certificate, never a second one', async () => {
    const request = issuanceFor(living());
    const first = await line.issue(request);
    const again = await line.issue(request);
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(again.value.certificateId).toBe(first.value.certificateId);
    expect(await line.outcome(first.value.certificateId, { outcome: 'printed' })).toMatchObject({
      ok: true,
      value: { status: 'completed' },
    });
  });

  it('refuses the same request id with another body with IDEMPOTENCY_CONFLICT', async () => {
    const request = issuanceFor(living());
    expect((await line.issue(request)).ok).toBe(true);
    expect(await line.issue({ ...request, copies: 2 })).toMatchObject({
      ok: false,
      error: { code: 'IDEMPOTENCY_CONFLICT' },
    });
  });

  it('voids a certificate whose print failed, and will not reissue it', async () => {
    const request = issuanceFor(living());
    const issued = await line.issue(request);
    if (!issued.ok) throw new Error(issued.error.code);
    expect(
      await line.outcome(issued.value.certificateId, { outcome: 'failed', reason: 'no_paper' }),
    ).toMatchObject({ ok: true, value: { status: 'void' } });
    expect(await line.issue(request)).toMatchObject({ ok: false, error: { code: 'ISSUANCE_ALREADY_FINAL' } });
  });

  it.each([
    ['a deceased resident', (r: DemoResident) => r.record.status === 'deceased', 'RESIDENT_DECEASED'],
    [
      'a resident with no doses',
      (r: DemoResident) => r.record.status === 'resident' && r.record.doses.length === 0,
      'NO_DOSES',
    ],
  ])('refuses %s with a stable code', async (_name, test, code) => {
    expect(await line.issue(issuanceFor(residentWhere(test)))).toMatchObject({ ok: false, error: { code } });
  });

  it('refuses the overseas variant without passport data with PASSPORT_DATA_MISSING', async () => {
    const resident = residentWhere(
      (r) => r.record.status === 'resident' && r.record.doses.length > 0 && !r.record.passport,
    );
    expect(await line.issue(issuanceFor(resident, 'overseas'))).toMatchObject({
      ok: false,
      error: { code: 'PASSPORT_DATA_MISSING' },
    });
  });

  it('refuses a card whose data was altered with CARD_DIGEST_MISMATCH', async () => {
    const resident = living();
    const request = issuanceFor(resident);
    const ef0002 = Buffer.from(request.card.ef0002, 'base64');
    // Another address of the same length: well-formed, but not what the card signed.
    const address = Buffer.from(resident.card.address);
    const forged = Buffer.from(resident.card.address.replace(/.$/u, (c) => (c === '丁' ? '町' : '丁')));
    expect(forged.length).toBe(address.length);
    forged.copy(ef0002, ef0002.indexOf(address));
    const tampered = { ...request, card: { ...request.card, ef0002: ef0002.toString('base64') } };
    expect(await line.issue(tampered)).toMatchObject({ ok: false, error: { code: 'CARD_DIGEST_MISMATCH' } });
  });

  it('looks the resident up only in the chosen municipality (RECORD_NOT_FOUND elsewhere)', async () => {
    const resident = living();
    const elsewhere = ['131024', '131113', '122319'].find(
      (code) =>
        !DEMO_RESIDENTS.some(
          (r) => r.card.myNumber === resident.card.myNumber && r.municipalityCode === code,
        ),
    );
    if (!elsewhere) throw new Error('no municipality without this resident');
    expect(await line.issue({ ...issuanceFor(resident), municipalityCode: elsewhere })).toMatchObject({
      ok: false,
      error: { code: 'RECORD_NOT_FOUND' },
    });
  });
});

describe('the kiosk registry', () => {
  const menuOf = async (kioskId: string) => {
    const client = new LineClient({ baseUrl: system.centerUrl, kioskId, tls: kioskTls(system, kioskId) });
    try {
      return await client.menu('vaccination');
    } finally {
      client.close();
    }
  };

  it('refuses a suspended kiosk on its next request, and serves it again once resumed', async () => {
    expect((await menuOf('kiosk-0002')).ok).toBe(true);
    system.center.registry.setStatus('kiosk-0002', 'suspended');
    expect(await menuOf('kiosk-0002')).toMatchObject({ ok: false, error: { code: 'LINE_KIOSK_SUSPENDED' } });
    expect((await menuOf('kiosk-0001')).ok).toBe(true);
    system.center.registry.setStatus('kiosk-0002', 'active');
    expect((await menuOf('kiosk-0002')).ok).toBe(true);
  });

  it('refuses a revoked kiosk at once', async () => {
    system.center.registry.setStatus('kiosk-0002', 'revoked');
    expect(await menuOf('kiosk-0002')).toMatchObject({ ok: false, error: { code: 'LINE_KIOSK_REVOKED' } });
    system.center.registry.setStatus('kiosk-0002', 'active');
  });

  it('refuses a kiosk whose certificate is genuine but which was never registered', async () => {
    const db = new Database(join(system.dir, 'center.sqlite'));
    db.prepare('DELETE FROM kiosks WHERE kiosk_id = ?').run('kiosk-0002');
    db.close();
    expect(await menuOf('kiosk-0002')).toMatchObject({ ok: false, error: { code: 'LINE_KIOSK_UNKNOWN' } });
    system.center.registry.register('kiosk-0002');
  });
});
