import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { VaccinationRecord } from '@kiosk/protocol';
import { isValidMyNumber } from '../my-number.js';
import { openSqliteRecordStore } from '../store.js';
import { testMasterKey } from '../test-support/keys.js';
import { insertResidentsInBatches } from './bulk-insert.js';
import { generateResidents, syntheticMyNumber } from './generate.js';

const CODES = ['131024', '131113'];

describe('generateResidents', () => {
  it('yields valid, distinct residents that match the protocol schema', () => {
    const all = [...generateResidents(2000, { municipalityCodes: CODES, seed: 7 })];
    expect(all).toHaveLength(2000);
    for (const { myNumber, record } of all) {
      expect(isValidMyNumber(myNumber)).toBe(true);
      expect(Value.Check(VaccinationRecord, record)).toBe(true);
      expect(CODES).toContain(record.municipalityCode);
      record.doses.forEach((d, i) => expect(d.doseNumber).toBe(i + 1));
    }
    expect(new Set(all.map((e) => e.myNumber)).size).toBe(2000);
    expect(new Set(all.map((e) => e.record.addresseeNumber)).size).toBe(2000);
    expect(new Set(all.map((e) => e.record.municipalityCode))).toEqual(new Set(CODES));
  });

  it('is deterministic per seed and differs across seeds', () => {
    const take = (seed: number) => [...generateResidents(50, { municipalityCodes: CODES, seed })];
    expect(take(1)).toEqual(take(1));
    expect(take(1)).not.toEqual(take(2));
  });

  it('gives valid misses past n that no generated resident has', () => {
    const have = new Set(
      [...generateResidents(500, { municipalityCodes: CODES, seed: 3 })].map((e) => e.myNumber),
    );
    for (let i = 500; i < 1500; i++) {
      const miss = syntheticMyNumber(i, 3);
      expect(isValidMyNumber(miss)).toBe(true);
      expect(have.has(miss)).toBe(false);
    }
  });
});

describe('insertResidentsInBatches', () => {
  it('inserts in batches and the residents can be looked up', async () => {
    const store = openSqliteRecordStore({ file: ':memory:', masterKey: testMasterKey() });
    for (const code of CODES) store.addMunicipality({ code, name: { ja: code, en: code } });
    const batches: number[] = [];
    const created = insertResidentsInBatches(
      store,
      generateResidents(250, { municipalityCodes: CODES, seed: 9 }),
      {
        batchSize: 100,
        onBatch: (n) => batches.push(n),
      },
    );
    expect(created).toBe(250);
    expect(batches).toEqual([100, 200, 250]);
    const [first] = generateResidents(1, { municipalityCodes: CODES, seed: 9 });
    const found = await store.lookup(CODES[0] as string, first?.myNumber ?? '');
    expect(found.ok && found.value).toEqual(first?.record);
    await store.close();
  });
});
