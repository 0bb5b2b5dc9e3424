/**
 * The sqlite record store: one file (or ':memory:'), WAL, partitioned by municipality code, My Numbers kept only as
 * an HMAC index and an AES-GCM ciphertext under that municipality's keys.
 */
import Database from 'better-sqlite3';
import { err, ok } from '@kiosk/protocol';
import type { Localized, RecordIssuanceRequest, Result, VaccinationRecord } from '@kiosk/protocol';
import { municipalityKeyring } from './keys.js';
import { isValidMyNumber } from './my-number.js';
import { myNumberIndex, sealMyNumber } from './my-number-sealing.js';
import type { RecordStore, RecordStoreError } from './record-store.js';
import { doseColumns, recordFromRows, residentColumns } from './rows.js';
import { migrate } from './schema.js';
import { isUnavailable } from './sqlite-errors.js';
import { prepareStatements } from './statements.js';

export interface MunicipalityEntry {
  /** 全国地方公共団体コード, 6 digits. */
  code: string;
  name: Localized;
}

export type Registration = 'created' | 'already_registered';

/** The store plus the administration the seed (and a municipality's import) needs. */
export interface SqliteRecordStore extends RecordStore {
  /** Adds the municipality or renames it. */
  addMunicipality(municipality: MunicipalityEntry): void;
  /** Adds a resident with doses and issuance history; a resident whose 宛名番号 is already there is left as is. */
  registerResident(myNumber: string, record: VaccinationRecord): Registration;
}

export interface SqliteRecordStoreOptions {
  /** Path of the sqlite file, or ':memory:'. */
  file: string;
  /** 32-byte master secret; every municipality's keys are derived from it. */
  masterKey: Buffer;
  /** How long a write waits for another writer's lock before the store reads as unavailable; default 1000 ms. */
  busyTimeoutMs?: number;
}

export function openSqliteRecordStore(options: SqliteRecordStoreOptions): SqliteRecordStore {
  const keysFor = municipalityKeyring(options.masterKey);
  const db = new Database(options.file, { timeout: options.busyTimeoutMs ?? 1000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  const s = prepareStatements(db);

  const residentOf = (code: string, myNumber: string) =>
    s.residentByIndex.get(code, myNumberIndex(keysFor(code), myNumber));

  // One read transaction, so the resident, doses and issuances come from the same snapshot.
  const readRecord = db.transaction((code: string, myNumber: string): VaccinationRecord | undefined => {
    const resident = residentOf(code, myNumber);
    if (!resident) return undefined;
    return recordFromRows(resident, s.dosesOf.all(code, resident.id), s.issuancesOf.all(code, resident.id));
  });

  const writeIssuance = db.transaction((code: string, req: RecordIssuanceRequest): boolean => {
    const resident = residentOf(code, req.myNumber);
    if (!resident) return false;
    const earlier = s.issuanceByCertificate.get(code, req.certificateId);
    if (earlier) {
      // A retry of the same write is fine; the same certificate ID on another resident is a bug in the caller.
      if (earlier.resident_id !== resident.id)
        throw new Error('certificate ID already recorded for another resident');
      return true;
    }
    s.insertIssuance.run({
      certificate_id: req.certificateId,
      municipality_code: code,
      resident_id: resident.id,
      request_id: req.requestId,
      issued_on: req.issuedOn,
      variant: req.variant,
      channel: 'kiosk',
      kiosk_id: req.kioskId,
    });
    return true;
  });

  const register = db.transaction((myNumber: string, record: VaccinationRecord): Registration => {
    const code = record.municipalityCode;
    if (s.residentIdByAddressee.get(code, record.addresseeNumber)) return 'already_registered';
    const keys = keysFor(code);
    const { lastInsertRowid } = s.insertResident.run({
      ...residentColumns(record),
      my_number_hmac: myNumberIndex(keys, myNumber),
      my_number_enc: sealMyNumber(keys, code, record.addresseeNumber, myNumber),
    });
    const residentId = Number(lastInsertRowid);
    for (const dose of record.doses) s.insertDose.run(doseColumns(code, residentId, dose));
    for (const i of record.issuances) {
      s.insertIssuance.run({
        certificate_id: i.certificateId,
        municipality_code: code,
        resident_id: residentId,
        request_id: null,
        issued_on: i.issuedOn,
        variant: i.variant,
        channel: i.channel,
        kiosk_id: null,
      });
    }
    return 'created';
  });

  // Busy or broken storage is an answer ("try later"), not a crash.
  const guarded = <T>(work: () => Result<T, RecordStoreError>): Result<T, RecordStoreError> => {
    try {
      return work();
    } catch (e) {
      if (isUnavailable(e)) return err('RECORD_STORE_UNAVAILABLE');
      throw e;
    }
  };

  return {
    async lookup(code, myNumber) {
      return guarded(() => {
        const record = readRecord(code, myNumber);
        return record ? ok(record) : err('RECORD_NOT_FOUND');
      });
    },
    async recordIssuance(code, request) {
      return guarded(() => (writeIssuance(code, request) ? ok(undefined) : err('RECORD_NOT_FOUND')));
    },
    addMunicipality({ code, name }) {
      s.upsertMunicipality.run({ code, name_ja: name.ja, name_en: name.en });
    },
    registerResident(myNumber, record) {
      if (!isValidMyNumber(myNumber)) throw new RangeError('registerResident: not a valid My Number');
      return register(myNumber, record);
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
