import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import {
  createServer as createTcpServer,
  type AddressInfo,
  type Server as TcpServer,
  type Socket,
} from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_RESIDENTS } from './demo/index.js';
import { httpRecordStore } from './http-client.js';
import { makeTestPki, type TestPki } from './test-support/pki.js';

const sato = DEMO_RESIDENTS[0]!;
let pki: TestPki;
const closers: (() => Promise<void>)[] = [];

const listen = async <S extends TcpServer | HttpsServer>(server: S): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

/** A TLS service with the right certificate that answers every request with the given status and body. */
const fakeService = (status: number, body: unknown) =>
  listen(
    createHttpsServer({ ...pki.server }, (_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
      res.end(JSON.stringify(body));
    }),
  );

const clientFor = (baseUrl: string, reasons: string[] = [], timeoutMs = 3000) =>
  httpRecordStore({
    baseUrl,
    tls: { ...pki.center, ca: pki.ca },
    timeoutMs,
    onUnavailable: (reason) => reasons.push(reason),
  });

beforeAll(() => {
  pki = makeTestPki();
});
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
  pki.remove();
});

describe('httpRecordStore reads as RECORD_STORE_UNAVAILABLE', () => {
  it('when nothing listens', async () => {
    const gone = createTcpServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const port = (gone.address() as AddressInfo).port;
    await new Promise<void>((resolve) => gone.close(() => resolve()));
    const reasons: string[] = [];
    const client = clientFor(`https://127.0.0.1:${port}`, reasons);
    expect(await client.lookup('131024', sato.card.myNumber)).toEqual({
      ok: false,
      error: 'RECORD_STORE_UNAVAILABLE',
    });
    expect(reasons).toEqual(['ECONNREFUSED']);
    await client.close();
  });

  it('when the service does not answer within the deadline', async () => {
    const held: Socket[] = [];
    const silent = createTcpServer((socket) => held.push(socket)); // accepts, then says nothing
    const base = await listen(silent);
    closers.unshift(async () => held.forEach((s) => s.destroy()));
    const reasons: string[] = [];
    const client = clientFor(base, reasons, 100);
    const issuance = {
      certificateId: 'TEST-SLOW-0001',
      requestId: '00000000-0000-4000-8000-000000000000',
      issuedOn: '2024-01-01',
      variant: 'domestic' as const,
      kioskId: 'kiosk-0001',
      myNumber: sato.card.myNumber,
    };
    expect(await client.recordIssuance('131024', issuance)).toEqual({
      ok: false,
      error: 'RECORD_STORE_UNAVAILABLE',
    });
    expect(reasons).toEqual(['timed out']);
    await client.close();
  });

  it('when a 200 answer does not match the VaccinationRecord schema', async () => {
    const reasons: string[] = [];
    const client = clientFor(
      await fakeService(200, { municipalityCode: '131024', familyName: '佐藤' }),
      reasons,
    );
    expect(await client.lookup('131024', sato.card.myNumber)).toEqual({
      ok: false,
      error: 'RECORD_STORE_UNAVAILABLE',
    });
    expect(reasons).toEqual(['lookup answer does not match VaccinationRecord']);
    await client.close();
  });

  it('when a 404 is not RECORD_NOT_FOUND (a wrong base URL)', async () => {
    const client = clientFor(
      await fakeService(404, { error: { code: 'NOT_FOUND', messageKey: 'x', message: 'x' } }),
    );
    expect(await client.lookup('131024', sato.card.myNumber)).toEqual({
      ok: false,
      error: 'RECORD_STORE_UNAVAILABLE',
    });
    await client.close();
  });

  it('when the service fails', async () => {
    const reasons: string[] = [];
    const client = clientFor(
      await fakeService(503, { error: { code: 'RECORD_STORE_UNAVAILABLE' } }),
      reasons,
    );
    expect(await client.lookup('131024', sato.card.myNumber)).toEqual({
      ok: false,
      error: 'RECORD_STORE_UNAVAILABLE',
    });
    expect(reasons).toEqual(['HTTP 503 RECORD_STORE_UNAVAILABLE']);
    await client.close();
  });
});
