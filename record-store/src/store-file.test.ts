import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_RESIDENTS, seedDemoData } from './demo/index.js';
import { MIGRATIONS } from './schema.js';
import { openSqliteRecordStore } from './store.js';
import { testMasterKey } from './test-support/keys.js';

const sato = DEMO_RESIDENTS[0]!;
let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'record-store-file-'));
  file = join(dir, 'store.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the sqlite file', () => {
  it('is in WAL mode at the latest schema version, and reopens with its data', async () => {
    const masterKey = testMasterKey();
    const first = openSqliteRecordStore({ file, masterKey });
    seedDemoData(first);
    await first.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();

    const again = openSqliteRecordStore({ file, masterKey });
    expect((await again.lookup(sato.municipalityCode, sato.card.myNumber)).ok).toBe(true);
    await again.close();
  });

  it('refuses a database from a newer schema', () => {
    const db = new Database(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openSqliteRecordStore({ file, masterKey: testMasterKey() })).toThrow(/newer/);
  });

  it('answers RECORD_STORE_UNAVAILABLE while another writer holds the lock', async () => {
    const store = openSqliteRecordStore({ file, masterKey: testMasterKey(), busyTimeoutMs: 0 });
    seedDemoData(store);
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    const request = {
      certificateId: 'TEST-BUSY-0001',
      requestId: '1a2b3c4d-0000-4000-8000-000000000001',
      issuedOn: '2024-02-01',
      variant: 'domestic' as const,
      kioskId: 'kiosk-0001',
      myNumber: sato.card.myNumber,
    };
    expect(await store.recordIssuance(sato.municipalityCode, request)).toEqual({
      ok: false,
      error: 'RECORD_STORE_UNAVAILABLE',
    });
    other.exec('ROLLBACK');
    other.close();
    expect((await store.recordIssuance(sato.municipalityCode, request)).ok).toBe(true);
    await store.close();
  });
});
