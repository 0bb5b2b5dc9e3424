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
import { isUnavailable, isUniqueViolation } from './sqlite-errors.js';
import { prepareStatements } from './statements.js';

export interface MunicipalityEntry {
  /** 全国地方公共団体コード, 6 digits. */
  code: string;
  name: Localized;
}

export type Registration = 'created' | 'already_registered';

/** One resident to register: the My Number travels beside the record because the record never holds it. */
export type ResidentEntry = { myNumber: string; record: VaccinationRecord };
export type BulkRegistration = { created: number; alreadyRegistered: number };

/** The entry (by position) whose My Number is already registered under another 宛名番号 in its municipality. */
export interface MyNumberTaken {
  code: 'MY_NUMBER_ALREADY_REGISTERED';
  index: number;
}

/** The store plus the administration the seed (and a municipality's import) needs. */
export interface SqliteRecordStore extends RecordStore {
  /** Adds the municipality or renames it. */
  addMunicipality(municipality: MunicipalityEntry): void;
  /** Adds a resident with doses and issuance history; a resident whose 宛名番号 is already there is left as is. */
  registerResident(myNumber: string, record: VaccinationRecord): Registration;
  /**
   * Registers every entry in one transaction, with the same rule per entry as registerResident. If one My Number is
   * already taken in its municipality nothing is written.
   */
  registerResidents(entries: Iterable<ResidentEntry>): Result<BulkRegistration, MyNumberTaken>;
  hasMunicipality(code: string): boolean;
}

export interface SqliteRecordStoreOptions {
  /** Path of the sqlite file, or ':memory:'. */
  file: string;
  /** 32-byte master secret; every municipality's keys are derived from it. */
  masterKey: Buffer;
  /** How long a write waits for another writer's lock before the store reads as unavailable; default 1000 ms. */
  busyTimeoutMs?: number;
  /** sqlite page cache in MiB; default sqlite's own (2 MiB). Large stores insert and look up faster with more. */
  cacheMb?: number;
}

export function openSqliteRecordStore(options: SqliteRecordStoreOptions): SqliteRecordStore {
  const keysFor = municipalityKeyring(options.masterKey);
  const db = new Database(options.file, { timeout: options.busyTimeoutMs ?? 1000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  if (options.cacheMb !== undefined) db.pragma(`cache_size = ${-Math.round(options.cacheMb * 1024)}`);
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

  // Not a transaction itself, so the bulk path runs many of these in one transaction without savepoints.
  const insertResident = (myNumber: string, record: VaccinationRecord): Registration => {
    if (!isValidMyNumber(myNumber)) throw new RangeError('registerResident: not a valid My Number');
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
  };
  const register = db.transaction(insertResident);

  const registerMany = db.transaction((entries: Iterable<ResidentEntry>): BulkRegistration => {
    const summary = { created: 0, alreadyRegistered: 0 };
    let index = 0;
    for (const { myNumber, record } of entries) {
      try {
        if (insertResident(myNumber, record) === 'created') summary.created++;
        else summary.alreadyRegistered++;
      } catch (e) {
        // The addressee number was checked above, so a unique violation here is the My Number index.
        if (isUniqueViolation(e)) throw new TakenError(index);
        throw e;
      }
      index++;
    }
    return summary;
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
    registerResident: (myNumber, record) => register(myNumber, record),
    registerResidents(entries) {
      try {
        return ok(registerMany(entries)); // a throw inside rolls the whole batch back
      } catch (e) {
        if (e instanceof TakenError) return err({ code: 'MY_NUMBER_ALREADY_REGISTERED', index: e.index });
        throw e;
      }
    },
    hasMunicipality(code) {
      return s.municipalityExists.get(code) !== undefined;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

// Carries the failing entry out of the transaction, which must throw to roll back.
class TakenError extends Error {
  constructor(readonly index: number) {
    super('My Number already registered');
  }
}
