/**
 * Revoked certificates, by certificate ID. Entries are never removed, so the count is also the version number of
 * the published lists (the SHC CRL's `ctr` and the JWKs' `crlVersion`), which only ever grows.
 */
import type { CenterDb } from '../db.js';

export interface Revocations {
  /** Revoking twice keeps the first reason and time. */
  revoke(certificateId: string, reason: string, now?: Date): void;
  certificateIds(): string[];
  /** 0 while nothing is revoked. */
  version(): number;
}

export function revocations(db: CenterDb): Revocations {
  const insert = db.prepare(
    'INSERT INTO revocations (certificate_id, reason, revoked_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const all = db.prepare<[], { certificate_id: string }>(
    'SELECT certificate_id FROM revocations ORDER BY revoked_at, certificate_id',
  );
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM revocations');
  return {
    revoke(certificateId, reason, now = new Date()) {
      insert.run(certificateId, reason, now.toISOString());
    },
    certificateIds: () => all.all().map((r) => r.certificate_id),
    version: () => count.get()?.n ?? 0,
  };
}
