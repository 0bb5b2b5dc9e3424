import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordIssuanceRequest } from '@kiosk/protocol';
import { DEMO_RESIDENTS, seedDemoData } from './demo/index.js';
import { openSqliteRecordStore, type SqliteRecordStore } from './store.js';
import { testMasterKey } from './test-support/keys.js';

const CHUO = '131024';
const OTA = '131113';
const INZAI = '122319';
const byId = (id: string) => {
  const r = DEMO_RESIDENTS.find((x) => x.id === id);
  if (!r) throw new Error(`no demo resident ${id}`);
  return r;
};
const sato = byId('sato-hanako');
const takahashi = byId('takahashi-yumi-chuo');

const issuance = (over: Partial<RecordIssuanceRequest> = {}): RecordIssuanceRequest => ({
  certificateId: 'TEST-0000000001',
  requestId: '0b6f7c1e-3d2a-4f7b-9a51-6c2d8e9f0a11',
  issuedOn: '2024-01-15',
  variant: 'domestic',
  kioskId: 'kiosk-0001',
  myNumber: sato.card.myNumber,
  ...over,
});

let store: SqliteRecordStore;
beforeEach(() => {
  store = openSqliteRecordStore({ file: ':memory:', masterKey: testMasterKey() });
  seedDemoData(store);
});
afterEach(() => store.close());

describe('lookup', () => {
  it('returns every demo record as seeded', async () => {
    for (const r of DEMO_RESIDENTS) {
      const found = await store.lookup(r.municipalityCode, r.card.myNumber);
      expect(found).toEqual({ ok: true, value: { municipalityCode: r.municipalityCode, ...r.record } });
    }
  });

  it('answers RECORD_NOT_FOUND for an unknown My Number', async () => {
    expect(await store.lookup(CHUO, '123456789018')).toEqual({ ok: false, error: 'RECORD_NOT_FOUND' });
  });
});

describe('partition by municipality', () => {
  it('gives each municipality its own record for the same My Number', async () => {
    const chuo = await store.lookup(CHUO, takahashi.card.myNumber);
    const ota = await store.lookup(OTA, takahashi.card.myNumber);
    if (!chuo.ok || !ota.ok) throw new Error('both municipalities hold a record');
    expect(chuo.value).toMatchObject({
      municipalityCode: CHUO,
      status: 'resident',
      addresseeNumber: '1000245810',
    });
    expect(chuo.value.doses).toHaveLength(3);
    expect(ota.value).toMatchObject({
      municipalityCode: OTA,
      status: 'moved_out',
      addresseeNumber: '2000318877',
    });
    expect(ota.value.doses).toHaveLength(2);
  });

  it('finds nothing in a municipality that does not hold the resident', async () => {
    expect(await store.lookup(INZAI, takahashi.card.myNumber)).toEqual({
      ok: false,
      error: 'RECORD_NOT_FOUND',
    });
    expect(await store.lookup(OTA, sato.card.myNumber)).toEqual({ ok: false, error: 'RECORD_NOT_FOUND' });
    expect(await store.lookup('999999', sato.card.myNumber)).toEqual({
      ok: false,
      error: 'RECORD_NOT_FOUND',
    });
  });

  it('writes an issuance only into the municipality named', async () => {
    const ota = issuance({ myNumber: takahashi.card.myNumber, certificateId: 'TEST-OTA-0001' });
    expect(await store.recordIssuance(OTA, ota)).toEqual({ ok: true, value: undefined });
    const inChuo = await store.lookup(CHUO, takahashi.card.myNumber);
    const inOta = await store.lookup(OTA, takahashi.card.myNumber);
    expect(inChuo.ok && inChuo.value.issuances).toEqual([]);
    expect(inOta.ok && inOta.value.issuances.map((i) => i.certificateId)).toEqual(['TEST-OTA-0001']);
  });
});

describe('recordIssuance', () => {
  it('adds the issuance to the history once, however often it is repeated', async () => {
    const before = (await store.lookup(CHUO, sato.card.myNumber)) as {
      ok: true;
      value: { issuances: unknown[] };
    };
    for (let i = 0; i < 3; i++) expect((await store.recordIssuance(CHUO, issuance())).ok).toBe(true);
    const after = await store.lookup(CHUO, sato.card.myNumber);
    if (!after.ok) throw new Error('record found');
    expect(after.value.issuances).toHaveLength(before.value.issuances.length + 1);
    expect(after.value.issuances.at(-1)).toEqual({
      certificateId: 'TEST-0000000001',
      issuedOn: '2024-01-15',
      variant: 'domestic',
      channel: 'kiosk',
    });
  });

  it('answers RECORD_NOT_FOUND when the municipality does not hold the resident', async () => {
    expect(await store.recordIssuance(INZAI, issuance())).toEqual({ ok: false, error: 'RECORD_NOT_FOUND' });
    const unknown = issuance({ myNumber: '123456789018' });
    expect(await store.recordIssuance(CHUO, unknown)).toEqual({ ok: false, error: 'RECORD_NOT_FOUND' });
  });

  it('treats one certificate ID on two residents as a bug', async () => {
    await store.recordIssuance(CHUO, issuance());
    const other = issuance({ myNumber: byId('suzuki-ichiro').card.myNumber });
    await expect(store.recordIssuance(CHUO, other)).rejects.toThrow(/another resident/);
  });
});

describe('seed and registration', () => {
  it('seeds idempotently', () => {
    expect(seedDemoData(store)).toMatchObject({
      residentsCreated: 0,
      residentsAlreadyThere: DEMO_RESIDENTS.length,
    });
  });

  it('refuses a My Number with a wrong check digit', () => {
    const record = { municipalityCode: CHUO, ...sato.record, addresseeNumber: '1999999999' };
    expect(() => store.registerResident('123456789010', record)).toThrow(RangeError);
  });

  it('refuses a master key that is not 32 bytes', () => {
    expect(() => openSqliteRecordStore({ file: ':memory:', masterKey: Buffer.alloc(16) })).toThrow(
      RangeError,
    );
  });
});
