/**
 * Faults between the centre and the record store, and a centre that dies mid-issuance: the kiosk always gets an
 * answer with a stable code in bounded time, and however a request is retried it yields one certificate.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDevPki, readTlsMaterial } from '@kiosk/certs';
import { startCenter, type CenterConfig, type RunningCenter } from '@kiosk/center-server';
import { LineClient } from '@kiosk/kiosk-agent';
import { DEMO_RESIDENTS, type DemoResident } from '@kiosk/record-store/demo';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { issuanceRequest } from '../support/issuance.js';
import { OPEN_HOURS_NOW } from '../support/system.js';
import { demoCentreEnv, spawnCentre } from './centre-process.js';
import { startRecordStoreRig, type RecordStoreRig } from './record-store-rig.js';

let dir: string;
let certsDir: string;
let rig: RecordStoreRig;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-faults-'));
  certsDir = join(dir, 'certs');
  await generateDevPki({ dir: certsDir, kiosks: 2, log: () => {} });
  rig = await startRecordStoreRig(certsDir, join(dir, 'record-store.sqlite'));
});
afterEach(async () => {
  rig.release();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  await rig?.close();
  rmSync(dir, { recursive: true, force: true });
});

const resident: DemoResident = (() => {
  const found = DEMO_RESIDENTS.find((r) => r.record.status === 'resident' && r.record.doses.length > 0);
  if (!found) throw new Error('the demo data lacks a resident with doses');
  return found;
})();

let centres = 0;
async function centre(
  recordStore: CenterConfig['recordStore'],
  documentIssuer?: CenterConfig['documentIssuer'],
): Promise<RunningCenter> {
  const center = await startCenter({
    documentIssuer,
    host: '127.0.0.1',
    port: 0,
    dbFile: join(dir, `center-${++centres}.sqlite`),
    certsDir,
    recordStore,
    seedDemo: true,
    now: OPEN_HOURS_NOW,
  });
  cleanups.push(() => center.close());
  return center;
}

function kiosk(url: string): LineClient {
  const line = new LineClient({
    baseUrl: url,
    kioskId: 'kiosk-0001',
    tls: readTlsMaterial(certsDir, { kiosk: 'kiosk-0001' }),
  });
  cleanups.push(() => line.close());
  return line;
}

/** How many times the record store holds this certificate ID in the resident's issuance history. */
async function historyCount(certificateId: string): Promise<number> {
  const record = await rig.store.lookup(resident.municipalityCode, resident.card.myNumber);
  if (!record.ok) throw new Error(record.error);
  return record.value.issuances.filter((i) => i.certificateId === certificateId).length;
}

/** A TCP server that accepts connections and never answers: a record store that hangs. */
async function blackHole(): Promise<string> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => sockets.add(s));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  );
  const address = server.address();
  return `https://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `https://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

describe('record store faults', () => {
  it('answers RECORD_STORE_UNAVAILABLE when the record store is down', async () => {
    const center = await centre({ kind: 'http', url: await closedPort() });
    const answer = await kiosk(center.url).issue(issuanceRequest(certsDir, resident));
    expect(answer).toMatchObject({ ok: false, error: { code: 'RECORD_STORE_UNAVAILABLE' } });
  });

  it('answers RECORD_STORE_UNAVAILABLE when the record store hangs, after its timeout rather than never', async () => {
    const center = await centre({ kind: 'http', url: await blackHole(), timeoutMs: 300 });
    const answer = await kiosk(center.url).issue(issuanceRequest(certsDir, resident));
    expect(answer).toMatchObject({ ok: false, error: { code: 'RECORD_STORE_UNAVAILABLE' } });
  });

  it('keeps the certificate ID of a write-back that timed out: the retry completes the same certificate', async () => {
    const center = await centre({ kind: 'http', url: rig.url, timeoutMs: 300 });
    const line = kiosk(center.url);
    const request = issuanceRequest(certsDir, resident);
    rig.hold();
    const held = rig.nextHeld();
    const first = await line.issue(request);
    expect(first).toMatchObject({ ok: false, error: { code: 'RECORD_STORE_UNAVAILABLE' } });
    const reserved = (await held).certificateId;
    rig.release(); // the late write lands after the centre gave up

    const retry = await line.issue(request);
    expect(retry).toMatchObject({ ok: true, value: { certificateId: reserved } });
    expect(await historyCount(reserved)).toBe(1);
  });
});

describe('idempotency', () => {
  it('answers concurrent retries of one request with one certificate', async () => {
    const center = await centre({ kind: 'http', url: rig.url });
    const line = kiosk(center.url);
    const request = issuanceRequest(certsDir, resident);
    const answers = await Promise.all(Array.from({ length: 6 }, () => line.issue(request)));
    const ids = new Set(answers.map((a) => (a.ok ? a.value.certificateId : a.error.code)));
    expect(ids.size).toBe(1);
    const [certificateId] = [...ids];
    expect(certificateId).toMatch(/^[0-9]{6}-/);
    expect(await historyCount(certificateId ?? '')).toBe(1);
  });

  it('resolves a request retried after the centre was killed mid-issuance to one certificate', async () => {
    const env = { ...demoCentreEnv(certsDir, join(dir, 'center-restart.sqlite')), RECORD_STORE_URL: rig.url };
    const request = issuanceRequest(certsDir, resident);
    const before = await spawnCentre(env);
    cleanups.push(() => before.stop('SIGKILL'));
    rig.hold();
    const held = rig.nextHeld();
    const first = kiosk(before.url).issue(request);
    const reserved = (await held).certificateId;
    await before.stop('SIGKILL'); // the centre dies while its write-back is on the wire
    expect(await first).toMatchObject({ ok: false, error: { code: 'LINE_UNREACHABLE' } });
    rig.release();

    const after = await spawnCentre(env);
    cleanups.push(() => after.stop('SIGTERM'));
    const retry = await kiosk(after.url).issue(request);
    expect(retry).toMatchObject({ ok: true, value: { certificateId: reserved } });
    expect(await historyCount(reserved)).toBe(1);
  });
});

describe('certificates that cannot be made', () => {
  it('refuses a name no certificate font can print with NAME_NOT_PRINTABLE, and writes nothing back', async () => {
    const unprintable: DemoResident = {
      ...resident,
      id: 'unprintable',
      card: { ...resident.card, myNumber: '123456789018' },
      record: { ...resident.record, addresseeNumber: '7000000001', givenName: '花\u{E000}', issuances: [] },
    };
    rig.store.registerResident(unprintable.card.myNumber, {
      ...unprintable.record,
      municipalityCode: unprintable.municipalityCode,
    });
    const center = await centre({ kind: 'http', url: rig.url });
    const answer = await kiosk(center.url).issue(issuanceRequest(certsDir, unprintable));
    expect(answer).toMatchObject({ ok: false, error: { code: 'NAME_NOT_PRINTABLE' } });
    const record = await rig.store.lookup(unprintable.municipalityCode, unprintable.card.myNumber);
    expect(record.ok && record.value.issuances).toEqual([]);
  });

  it('answers CERTIFICATE_COMPOSE_FAILED for a certificate too large for its code, INTERNAL_ERROR for a bug', async () => {
    const tooLarge = await centre({ kind: 'http', url: rig.url }, async () => ({
      ok: false,
      error: { kind: 'shc-too-large', length: 1400, max: 1195 },
    }));
    const refused = await kiosk(tooLarge.url).issue(issuanceRequest(certsDir, resident));
    expect(refused).toMatchObject({ ok: false, error: { code: 'CERTIFICATE_COMPOSE_FAILED' } });

    const buggy = await centre({ kind: 'http', url: rig.url }, () =>
      Promise.reject(new Error('a bug with details nobody outside should see')),
    );
    const failed = await kiosk(buggy.url).issue(issuanceRequest(certsDir, resident));
    expect(failed).toMatchObject({ ok: false, error: { code: 'INTERNAL_ERROR' } });
    expect(JSON.stringify(failed)).not.toContain('details nobody');
  });
});
