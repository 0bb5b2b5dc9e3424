/**
 * Which sqlite failures are the store being unavailable (locked, disk trouble) rather than a bug. Those become the
 * RECORD_STORE_UNAVAILABLE value; everything else (constraint violations, a closed database) still throws.
 */
import Database from 'better-sqlite3';

const UNAVAILABLE_CODES = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|PROTOCOL)/;

export function isUnavailable(error: unknown): boolean {
  return error instanceof Database.SqliteError && UNAVAILABLE_CODES.test(error.code);
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
