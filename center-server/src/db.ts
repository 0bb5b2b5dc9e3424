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
