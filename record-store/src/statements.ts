/**
 * Every statement the store runs, prepared once when the store opens. Each one that reads or writes residents,
 * doses or issuances names municipality_code in its WHERE clause or its inserted values: that is the partition.
 */
import type { Database, Statement } from 'better-sqlite3';

export interface ResidentRow {
  id: number;
  municipality_code: string;
  addressee_number: string;
  vaccination_ticket_number: string | null;
  family_name: string;
  given_name: string;
  family_name_kana: string | null;
  given_name_kana: string | null;
  birth_date: string;
  sex: string;
  status: string;
  romanized_name: string | null;
  nationality: string | null;
  passport_number: string | null;
  other_names: string | null;
}

export interface DoseRow {
  dose_number: number;
  date: string;
  vaccine_type: string;
  product: string;
  manufacturer: string;
  lot: string;
}

export interface IssuanceRow {
  certificate_id: string;
  issued_on: string;
  variant: string;
  channel: string;
  resident_id: number;
}

export type ResidentInsert = Omit<ResidentRow, 'id'> & { my_number_hmac: Buffer; my_number_enc: Buffer };
export type DoseInsert = DoseRow & { municipality_code: string; resident_id: number };
export interface IssuanceInsert {
  certificate_id: string;
  municipality_code: string;
  resident_id: number;
  request_id: string | null;
  issued_on: string;
  variant: string;
  channel: string;
  kiosk_id: string | null;
}

export interface Statements {
  upsertMunicipality: Statement<[{ code: string; name_ja: string; name_en: string }]>;
  municipalityExists: Statement<[string], { code: string }>;
  residentByIndex: Statement<[string, Buffer], ResidentRow>;
  residentIdByAddressee: Statement<[string, string], { id: number }>;
  insertResident: Statement<[ResidentInsert]>;
  dosesOf: Statement<[string, number], DoseRow>;
  insertDose: Statement<[DoseInsert]>;
  issuancesOf: Statement<[string, number], IssuanceRow>;
  issuanceByCertificate: Statement<[string, string], IssuanceRow>;
  insertIssuance: Statement<[IssuanceInsert]>;
}

const RESIDENT_COLUMNS = `id, municipality_code, addressee_number, vaccination_ticket_number, family_name, given_name,
  family_name_kana, given_name_kana, birth_date, sex, status, romanized_name, nationality, passport_number, other_names`;

export function prepareStatements(db: Database): Statements {
  return {
    upsertMunicipality: db.prepare(
      `INSERT INTO municipalities (code, name_ja, name_en) VALUES (@code, @name_ja, @name_en)
       ON CONFLICT (code) DO UPDATE SET name_ja = excluded.name_ja, name_en = excluded.name_en`,
    ),
    municipalityExists: db.prepare(`SELECT code FROM municipalities WHERE code = ?`),
    residentByIndex: db.prepare(
      `SELECT ${RESIDENT_COLUMNS} FROM residents WHERE municipality_code = ? AND my_number_hmac = ?`,
    ),
    residentIdByAddressee: db.prepare(
      `SELECT id FROM residents WHERE municipality_code = ? AND addressee_number = ?`,
    ),
    insertResident: db.prepare(
      `INSERT INTO residents (municipality_code, addressee_number, my_number_hmac, my_number_enc,
         vaccination_ticket_number, family_name, given_name, family_name_kana, given_name_kana, birth_date, sex,
         status, romanized_name, nationality, passport_number, other_names)
       VALUES (@municipality_code, @addressee_number, @my_number_hmac, @my_number_enc, @vaccination_ticket_number,
         @family_name, @given_name, @family_name_kana, @given_name_kana, @birth_date, @sex, @status,
         @romanized_name, @nationality, @passport_number, @other_names)`,
    ),
    dosesOf: db.prepare(
      `SELECT dose_number, date, vaccine_type, product, manufacturer, lot FROM doses
       WHERE municipality_code = ? AND resident_id = ? ORDER BY dose_number`,
    ),
    insertDose: db.prepare(
      `INSERT INTO doses (municipality_code, resident_id, dose_number, date, vaccine_type, product, manufacturer, lot)
       VALUES (@municipality_code, @resident_id, @dose_number, @date, @vaccine_type, @product, @manufacturer, @lot)`,
    ),
    issuancesOf: db.prepare(
      `SELECT certificate_id, issued_on, variant, channel, resident_id FROM issuances
       WHERE municipality_code = ? AND resident_id = ? ORDER BY issued_on, id`,
    ),
    issuanceByCertificate: db.prepare(
      `SELECT certificate_id, issued_on, variant, channel, resident_id FROM issuances
       WHERE municipality_code = ? AND certificate_id = ?`,
    ),
    insertIssuance: db.prepare(
      `INSERT INTO issuances (certificate_id, municipality_code, resident_id, request_id, issued_on, variant, channel,
         kiosk_id)
       VALUES (@certificate_id, @municipality_code, @resident_id, @request_id, @issued_on, @variant, @channel,
         @kiosk_id)`,
    ),
  };
}
