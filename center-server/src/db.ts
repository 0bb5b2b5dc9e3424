/**
 * The centre's own sqlite database: kiosk registry, participation settings, issuance ledger, revoked certificate
 * IDs. It holds no applicant data: no My Number, name, birth date or certificate content; see docs/privacy.md.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE kiosks (
     kiosk_id TEXT PRIMARY KEY,
     status TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'revoked')),
     registered_at TEXT NOT NULL
   );
   CREATE TABLE municipalities (
     code TEXT PRIMARY KEY,
     name_ja TEXT NOT NULL,
     name_en TEXT NOT NULL,
     participating INTEGER NOT NULL DEFAULT 1,
     variants TEXT NOT NULL DEFAULT '["domestic","overseas"]',
     fee_yen INTEGER NOT NULL DEFAULT 120,
     opens TEXT NOT NULL DEFAULT '06:30',
     closes TEXT NOT NULL DEFAULT '23:00',
     notices TEXT NOT NULL DEFAULT '[]'
   );
   CREATE TABLE issuances (
     request_id TEXT PRIMARY KEY,
     request_digest TEXT NOT NULL,
     certificate_id TEXT NOT NULL UNIQUE,
     kiosk_id TEXT NOT NULL,
     municipality_code TEXT NOT NULL,
     variant TEXT NOT NULL,
     copies INTEGER NOT NULL,
     issued_on TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('issued', 'completed', 'void')),
     outcome_reason TEXT,
     created_at TEXT NOT NULL,
     outcome_at TEXT
   );`,
  // Revoked certificates: the ID only (which carries no applicant data), why, and when.
  `CREATE TABLE revocations (
     certificate_id TEXT PRIMARY KEY,
     reason TEXT NOT NULL,
     revoked_at TEXT NOT NULL
   );`,
  // A certificate ID is reserved before composing (so retries reuse it), and the issuance audit log: what happened
  // to which certificate at which kiosk, refusals included, never who it was for.
  `CREATE TABLE issuances_v2 (
     request_id TEXT PRIMARY KEY,
     request_digest TEXT NOT NULL,
     certificate_id TEXT NOT NULL UNIQUE,
     kiosk_id TEXT NOT NULL,
     municipality_code TEXT NOT NULL,
     variant TEXT NOT NULL,
     copies INTEGER NOT NULL,
     issued_on TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('reserved', 'issued', 'completed', 'void')),
     outcome_reason TEXT,
     created_at TEXT NOT NULL,
     outcome_at TEXT
   );
   INSERT INTO issuances_v2 SELECT * FROM issuances;
   DROP TABLE issuances;
   ALTER TABLE issuances_v2 RENAME TO issuances;
   CREATE INDEX issuances_by_municipality_day ON issuances (municipality_code, issued_on);
   CREATE TABLE issuance_audit (
     id INTEGER PRIMARY KEY,
     at TEXT NOT NULL,
     event TEXT NOT NULL CHECK (event IN ('issued', 'refused', 'completed', 'void')),
     kiosk_id TEXT NOT NULL,
     municipality_code TEXT NOT NULL,
     variant TEXT NOT NULL,
     certificate_id TEXT,
     code TEXT
   );
   CREATE INDEX issuance_audit_by_time ON issuance_audit (at);`,
  // Participation rules: the centre's default hours; a municipality's own hours (NULL = the default, so the existing
  // 06:30–23:00 rows become NULL), whether 年末年始 closes it, per-weekday hours (both NULL = closed that weekday),
  // closure dates and maintenance windows (municipality NULL = every municipality).
  `CREATE TABLE participation_defaults (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     opens TEXT NOT NULL,
     closes TEXT NOT NULL
   );
   INSERT INTO participation_defaults (id, opens, closes) VALUES (1, '06:30', '23:00');
   CREATE TABLE municipalities_next (
     code TEXT PRIMARY KEY,
     name_ja TEXT NOT NULL,
     name_en TEXT NOT NULL,
     participating INTEGER NOT NULL DEFAULT 1,
     variants TEXT NOT NULL DEFAULT '["domestic","overseas"]',
     fee_yen INTEGER NOT NULL DEFAULT 120,
     opens TEXT,
     closes TEXT,
     new_year_closure INTEGER NOT NULL DEFAULT 1,
     notices TEXT NOT NULL DEFAULT '[]',
     CHECK ((opens IS NULL) = (closes IS NULL))
   );
   INSERT INTO municipalities_next (code, name_ja, name_en, participating, variants, fee_yen, opens, closes, notices)
     SELECT code, name_ja, name_en, participating, variants, fee_yen,
       CASE WHEN opens = '06:30' AND closes = '23:00' THEN NULL ELSE opens END,
       CASE WHEN opens = '06:30' AND closes = '23:00' THEN NULL ELSE closes END,
       notices
     FROM municipalities;
   DROP TABLE municipalities;
   ALTER TABLE municipalities_next RENAME TO municipalities;
   CREATE TABLE municipality_weekday_hours (
     code TEXT NOT NULL REFERENCES municipalities (code) ON DELETE CASCADE,
     weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
     opens TEXT,
     closes TEXT,
     PRIMARY KEY (code, weekday),
     CHECK ((opens IS NULL) = (closes IS NULL))
   );
   CREATE TABLE municipality_closures (
     code TEXT NOT NULL REFERENCES municipalities (code) ON DELETE CASCADE,
     date TEXT NOT NULL,
     reason_ja TEXT NOT NULL,
     reason_en TEXT NOT NULL,
     PRIMARY KEY (code, date)
   );
   CREATE TABLE maintenance_windows (
     id INTEGER PRIMARY KEY,
     municipality_code TEXT REFERENCES municipalities (code) ON DELETE CASCADE,
     starts_at TEXT NOT NULL,
     ends_at TEXT NOT NULL,
     reason_ja TEXT NOT NULL,
     reason_en TEXT NOT NULL,
     CHECK (ends_at > starts_at)
   );`,
];

export type CenterDb = Database.Database;

export function openCenterDb(file: string): CenterDb {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] ?? '');
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return db;
}
