import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_RESIDENTS, seedDemoData } from './demo/index.js';
import { httpRecordStore } from './http-client.js';
import type { RecordStore } from './record-store.js';
import { buildRecordStoreServer } from './server.js';
import { openSqliteRecordStore } from './store.js';
import { testMasterKey } from './test-support/keys.js';
import { makeTestPki, type TestPki } from './test-support/pki.js';
import { rawRequest } from './test-support/raw-request.js';

const sato = DEMO_RESIDENTS.find((r) => r.id === 'sato-hanako')!;
const CHUO = '131024';
const logLines: string[] = [];

let pki: TestPki;
let app: ReturnType<typeof buildRecordStoreServer>;
let base: string;
let client: RecordStore;

beforeAll(async () => {
  pki = makeTestPki();
  const store = openSqliteRecordStore({ file: ':memory:', masterKey: testMasterKey() });
  seedDemoData(store);
  app = buildRecordStoreServer({
    store,
    tls: { ...pki.server, ca: pki.ca },
    logger: { level: 'debug', stream: { write: (line: string) => logLines.push(line) } },
  });
  app.addHook('onClose', () => store.close());
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `https://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  client = httpRecordStore({ baseUrl: base, tls: { ...pki.center, ca: pki.ca } });
});

afterAll(async () => {
  await client?.close();
  await app?.close();
  pki?.remove();
});

const lookupUrl = (code: string) => `${base}/v1/municipalities/${code}/lookup`;

describe('with the centre client certificate', () => {
  it('looks a record up through httpRecordStore', async () => {
    expect(await client.lookup(CHUO, sato.card.myNumber)).toEqual({
      ok: true,
      value: { municipalityCode: CHUO, ...sato.record },
    });
  });

  it('answers RECORD_NOT_FOUND outside the partition', async () => {
    expect(await client.lookup('131113', sato.card.myNumber)).toEqual({
      ok: false,
      error: 'RECORD_NOT_FOUND',
    });
  });

  it('records an issuance idempotently', async () => {
    const request = {
      certificateId: 'TEST-HTTP-0001',
      requestId: '5f0e8d1c-2b3a-4c5d-8e6f-708192a3b4c5',
      issuedOn: '2024-03-01',
      variant: 'overseas' as const,
      kioskId: 'kiosk-0001',
      myNumber: sato.card.myNumber,
    };
    expect(await client.recordIssuance(CHUO, request)).toEqual({ ok: true, value: undefined });
    expect(await client.recordIssuance(CHUO, request)).toEqual({ ok: true, value: undefined });
    const found = await client.lookup(CHUO, sato.card.myNumber);
    expect(
      found.ok && found.value.issuances.filter((i) => i.certificateId === 'TEST-HTTP-0001'),
    ).toHaveLength(1);
    const elsewhere = await client.recordIssuance('122319', request);
    expect(elsewhere).toEqual({ ok: false, error: 'RECORD_NOT_FOUND' });
  });

  it('refuses bodies that break the schema with 400 REQUEST_INVALID', async () => {
    const center = { ca: pki.ca, ...pki.center };
    for (const body of [
      { myNumber: '1234' },
      { myNumber: Number(sato.card.myNumber) },
      {},
      '{"myNumber": "48',
    ]) {
      const answer = await rawRequest(lookupUrl(CHUO), { ...center, body });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        error: { code: 'REQUEST_INVALID', messageKey: 'error.request_invalid' },
      });
    }
    const badCode = await rawRequest(lookupUrl('13102'), {
      ...center,
      body: { myNumber: sato.card.myNumber },
    });
    expect(badCode.status).toBe(400);
  });

  it('throws from httpRecordStore when the service calls its request invalid (a caller bug)', async () => {
    await expect(client.lookup(CHUO, 'not-a-number')).rejects.toThrow(/REQUEST_INVALID/);
  });

  it('answers unknown routes with 404 NOT_FOUND', async () => {
    const answer = await rawRequest(`${base}/v1/nothing`, { ca: pki.ca, ...pki.center, body: {} });
    expect(answer).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
  });
});

describe('without an allowed client certificate', () => {
  const refused = { status: 401, body: { error: { code: 'LINE_CLIENT_CERT_REQUIRED' } } };
  const body = { myNumber: sato.card.myNumber };

  it('refuses a caller with no certificate', async () => {
    expect(await rawRequest(lookupUrl(CHUO), { ca: pki.ca, body })).toMatchObject(refused);
  });

  it('refuses a certificate from another CA, even with the right CN', async () => {
    expect(await rawRequest(lookupUrl(CHUO), { ca: pki.ca, ...pki.impostor, body })).toMatchObject(refused);
  });

  it('refuses a certificate from the CA whose CN is not allowed', async () => {
    expect(await rawRequest(lookupUrl(CHUO), { ca: pki.ca, ...pki.kiosk, body })).toMatchObject(refused);
  });

  it('refuses before looking at the body', async () => {
    expect(await rawRequest(lookupUrl(CHUO), { ca: pki.ca, body: '{' })).toMatchObject(refused);
  });

  it('still answers GET /health', async () => {
    expect(await rawRequest(`${base}/health`, { ca: pki.ca, method: 'GET' })).toEqual({
      status: 200,
      body: { status: 'ok' },
    });
  });
});

describe('the log', () => {
  it('records requests without My Numbers, names or bodies', async () => {
    // A broken body that quotes a My Number: JSON parse errors repeat their input.
    await rawRequest(lookupUrl(CHUO), {
      ca: pki.ca,
      ...pki.center,
      body: `{"myNumber": "${sato.card.myNumber}"`,
    });
    const log = logLines.join('');
    expect(log).toContain('"url":"/v1/municipalities/131024/lookup"');
    expect(log).toContain('"statusCode":400');
    for (const forbidden of [
      sato.card.myNumber,
      sato.record.familyName,
      sato.record.givenName,
      'SATO',
      'TK1234567',
    ]) {
      expect(log).not.toContain(forbidden);
    }
  });
});
