/**
 * The sqlite schema as an ordered list of migrations; PRAGMA user_version counts the ones applied.
 * Residents, doses and issuances all carry municipality_code, and doses/issuances reference their resident through
 * (municipality_code, id), so a row can never point into another municipality's partition.
 */
import type { Database } from 'better-sqlite3';

export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE municipalities (
    code    TEXT PRIMARY KEY CHECK (length(code) = 6),
    name_ja TEXT NOT NULL,
    name_en TEXT NOT NULL
  ) STRICT;

  CREATE TABLE residents (
    id                        INTEGER PRIMARY KEY,
    municipality_code         TEXT NOT NULL REFERENCES municipalities (code),
    addressee_number          TEXT NOT NULL,  -- 宛名番号
    my_number_hmac            BLOB NOT NULL,  -- HMAC-SHA256 under the municipality's key
    my_number_enc             BLOB NOT NULL,  -- AES-256-GCM: iv ‖ tag ‖ ciphertext
    vaccination_ticket_number TEXT,           -- 接種券番号
    family_name               TEXT NOT NULL,
    given_name                TEXT NOT NULL,
    family_name_kana          TEXT,
    given_name_kana           TEXT,
    birth_date                TEXT NOT NULL,
    sex                       TEXT NOT NULL CHECK (sex IN ('male', 'female', 'unknown')),
    status                    TEXT NOT NULL CHECK (status IN ('resident', 'moved_out', 'deceased')),
    romanized_name            TEXT,           -- ローマ字氏名
    nationality               TEXT,
    passport_number           TEXT,
    other_names               TEXT,           -- 旧姓・別姓・別名
    UNIQUE (municipality_code, id),
    UNIQUE (municipality_code, addressee_number),
    UNIQUE (municipality_code, my_number_hmac)
  ) STRICT;

  CREATE TABLE doses (
    municipality_code TEXT NOT NULL,
    resident_id       INTEGER NOT NULL,
    dose_number       INTEGER NOT NULL CHECK (dose_number >= 1),
    date              TEXT NOT NULL,
    vaccine_type      TEXT NOT NULL,
    product           TEXT NOT NULL,
    manufacturer      TEXT NOT NULL,
    lot               TEXT NOT NULL,
    PRIMARY KEY (municipality_code, resident_id, dose_number),
    FOREIGN KEY (municipality_code, resident_id) REFERENCES residents (municipality_code, id)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE issuances (
    id                INTEGER PRIMARY KEY,
    certificate_id    TEXT NOT NULL UNIQUE,
    municipality_code TEXT NOT NULL,
    resident_id       INTEGER NOT NULL,
    request_id        TEXT,
    issued_on         TEXT NOT NULL,
    variant           TEXT NOT NULL CHECK (variant IN ('domestic', 'overseas')),
    channel           TEXT NOT NULL CHECK (channel IN ('kiosk', 'counter')),
    kiosk_id          TEXT,
    FOREIGN KEY (municipality_code, resident_id) REFERENCES residents (municipality_code, id)
  ) STRICT;

  CREATE INDEX issuances_by_resident ON issuances (municipality_code, resident_id);
  `,
];

/** Applies the migrations this database has not seen yet, each in its own transaction. */
export function migrate(db: Database): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  if (applied > MIGRATIONS.length) {
    throw new Error(
      `record-store database is at schema ${applied}, newer than this code (${MIGRATIONS.length})`,
    );
  }
  MIGRATIONS.slice(applied).forEach((sql, i) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${applied + i + 1}`);
    })();
  });
}
