import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_RESIDENTS, seedDemoData } from './demo/index.js';
import { deriveMunicipalityKeys } from './keys.js';
import { openMyNumber } from './my-number-sealing.js';
import { openSqliteRecordStore } from './store.js';
import { testMasterKey } from './test-support/keys.js';

const myNumbers = [...new Set(DEMO_RESIDENTS.map((r) => r.card.myNumber))];
const masterKey = testMasterKey();
let dir: string;
let file: string;

interface SealedRow {
  municipality_code: string;
  addressee_number: string;
  my_number_hmac: Buffer;
  my_number_enc: Buffer;
}

const withPlainSqlite = <T>(work: (db: Database.Database) => T): T => {
  const db = new Database(file, { readonly: true });
  try {
    return work(db);
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'record-store-at-rest-'));
  file = join(dir, 'store.sqlite');
  const store = openSqliteRecordStore({ file, masterKey });
  seedDemoData(store);
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('at rest', () => {
  it('holds no My Number in any column of any table', () => {
    const cells = withPlainSqlite((db) => {
      const tables = db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
        .pluck()
        .all() as string[];
      return tables.flatMap((t) => db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][]).flat();
    });
    expect(cells.length).toBeGreaterThan(100);
    for (const cell of cells) {
      const text = Buffer.isBuffer(cell) ? cell.toString('latin1') : String(cell);
      for (const n of myNumbers) expect(text).not.toContain(n);
    }
  });

  it('holds no My Number anywhere in the database files', () => {
    for (const path of [file, `${file}-wal`, `${file}-shm`].filter((p) => existsSync(p))) {
      const bytes = readFileSync(path).toString('latin1');
      for (const n of myNumbers) expect(bytes).not.toContain(n);
    }
  });

  it('decrypts a stored My Number only with its own municipality key and row', () => {
    const moved = DEMO_RESIDENTS.find((r) => r.id === 'takahashi-yumi-chuo');
    if (!moved) throw new Error('demo resident present');
    const rows = withPlainSqlite(
      (db) =>
        db
          .prepare('SELECT municipality_code, addressee_number, my_number_hmac, my_number_enc FROM residents')
          .all() as SealedRow[],
    );
    const chuo = rows.find((r) => r.addressee_number === moved.record.addresseeNumber);
    const ota = rows.find((r) => r.addressee_number === '2000318877');
    if (!chuo || !ota) throw new Error('both rows present');

    const chuoKeys = deriveMunicipalityKeys(masterKey, '131024');
    const otaKeys = deriveMunicipalityKeys(masterKey, '131113');
    expect(openMyNumber(chuoKeys, '131024', chuo.addressee_number, chuo.my_number_enc)).toBe(
      moved.card.myNumber,
    );
    expect(openMyNumber(otaKeys, '131113', ota.addressee_number, ota.my_number_enc)).toBe(
      moved.card.myNumber,
    );

    expect(() => openMyNumber(otaKeys, '131024', chuo.addressee_number, chuo.my_number_enc)).toThrow();
    expect(() => openMyNumber(chuoKeys, '131024', ota.addressee_number, chuo.my_number_enc)).toThrow();
    const strangerKeys = deriveMunicipalityKeys(testMasterKey(), '131024');
    expect(() => openMyNumber(strangerKeys, '131024', chuo.addressee_number, chuo.my_number_enc)).toThrow();
  });

  it('indexes the same My Number differently in each municipality', () => {
    const hmacs = withPlainSqlite(
      (db) => db.prepare('SELECT my_number_hmac FROM residents').pluck().all() as Buffer[],
    ).map((b) => b.toString('hex'));
    expect(new Set(hmacs).size).toBe(DEMO_RESIDENTS.length);
  });
});
