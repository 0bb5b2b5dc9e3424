/**
 * The issuance ledger (発行記録): what was issued, where and when, and how it ended. It keeps the certificate ID,
 * municipality, kiosk, variant and copies only; never who it was for. The request digest lets a retried request be
 * recognised; it is a SHA-256 over the signed request body, which cannot be recomputed without the card's data.
 *
 * A certificate ID is reserved (a row in state `reserved`) before the certificate is composed, so that a retry —
 * concurrent, or after a centre restart — composes the same certificate rather than a second one. Each change of
 * state is written to the audit log in the same transaction: one commit per step, and the two never disagree.
 */
import type { ErrorCode, Result, Variant } from '@kiosk/protocol';
import type { CenterDb } from '../db.js';
import type { AuditLog } from './audit-log.js';

export type IssuanceStatus = 'reserved' | 'issued' | 'completed' | 'void';

export interface IssuanceEntry {
  readonly requestId: string;
  readonly requestDigest: string;
  readonly certificateId: string;
  readonly kioskId: string;
  readonly municipalityCode: string;
  readonly variant: Variant;
  readonly copies: number;
  readonly issuedOn: string;
  readonly status: IssuanceStatus;
  /** When the certificate ID was reserved: a retry is judged by the hours of the first attempt. */
  readonly createdAt: Date;
}

export type NewIssuance = Omit<IssuanceEntry, 'status' | 'createdAt'>;

interface Row {
  request_id: string;
  request_digest: string;
  certificate_id: string;
  kiosk_id: string;
  municipality_code: string;
  variant: Variant;
  copies: number;
  issued_on: string;
  status: IssuanceStatus;
  created_at: string;
}

const fromRow = (r: Row): IssuanceEntry => ({
  requestId: r.request_id,
  requestDigest: r.request_digest,
  certificateId: r.certificate_id,
  kioskId: r.kiosk_id,
  municipalityCode: r.municipality_code,
  variant: r.variant,
  copies: r.copies,
  issuedOn: r.issued_on,
  status: r.status,
  createdAt: new Date(r.created_at),
});

const auditFields = (r: Row) => ({
  kioskId: r.kiosk_id,
  municipalityCode: r.municipality_code,
  variant: r.variant,
  certificateId: r.certificate_id,
});

export interface IssuanceLedger {
  byRequestId(requestId: string): IssuanceEntry | undefined;
  /** Only the calling kiosk's own issuances: a kiosk never learns about another's. */
  byCertificateId(kioskId: string, certificateId: string): IssuanceEntry | undefined;
  /** Reserves the certificate ID for this request, or returns the entry an earlier attempt already reserved. */
  reserve(entry: NewIssuance, at: Date): IssuanceEntry;
  /** The certificate goes out to the kiosk: reserved → issued, audited once (a later status is left as it is). */
  markIssued(requestId: string, at: Date): void;
  /** printed → completed, failed → void; reporting the same outcome twice is harmless. */
  recordOutcome(
    kioskId: string,
    certificateId: string,
    outcome: 'printed' | 'failed',
    reason: string | undefined,
    at: Date,
  ): Result<
    { status: IssuanceStatus; entry: IssuanceEntry; changed: boolean },
    Extract<ErrorCode, 'ISSUANCE_NOT_FOUND' | 'ISSUANCE_ALREADY_FINAL'>
  >;
}

export function issuanceLedger(db: CenterDb, audit: AuditLog): IssuanceLedger {
  const byRequest = db.prepare<[string], Row>('SELECT * FROM issuances WHERE request_id = ?');
  const byCertificate = db.prepare<[string, string], Row>(
    'SELECT * FROM issuances WHERE certificate_id = ? AND kiosk_id = ?',
  );
  const insert = db.prepare(
    `INSERT INTO issuances (request_id, request_digest, certificate_id, kiosk_id, municipality_code, variant, copies,
       issued_on, status, created_at)
     VALUES (@requestId, @requestDigest, @certificateId, @kioskId, @municipalityCode, @variant, @copies, @issuedOn,
       'reserved', @createdAt)
     ON CONFLICT (request_id) DO NOTHING`,
  );
  const issued = db.prepare<[string], Row>(
    `UPDATE issuances SET status = 'issued' WHERE request_id = ? AND status = 'reserved' RETURNING *`,
  );
  const finish = db.prepare(
    `UPDATE issuances SET status = ?, outcome_reason = ?, outcome_at = ? WHERE certificate_id = ? AND status = 'issued'`,
  );
  return {
    byRequestId(requestId) {
      const row = byRequest.get(requestId);
      return row && fromRow(row);
    },
    byCertificateId(kioskId, certificateId) {
      const row = byCertificate.get(certificateId, kioskId);
      return row && fromRow(row);
    },
    reserve(entry, at) {
      insert.run({ ...entry, createdAt: at.toISOString() });
      const row = byRequest.get(entry.requestId);
      if (!row) throw new Error('the reserved issuance row is missing');
      return fromRow(row);
    },
    markIssued: db.transaction((requestId: string, at: Date) => {
      const row = issued.get(requestId);
      if (!row) return; // a concurrent retry got there first
      audit.append({ ...auditFields(row), at, event: 'issued' });
    }),
    recordOutcome(kioskId, certificateId, outcome, reason, at) {
      const row = byCertificate.get(certificateId, kioskId);
      // A reserved ID was never handed to the kiosk, so it cannot report on it.
      if (!row || row.status === 'reserved') return { ok: false, error: 'ISSUANCE_NOT_FOUND' };
      const entry = fromRow(row);
      const wanted: IssuanceStatus = outcome === 'printed' ? 'completed' : 'void';
      if (row.status === wanted) return { ok: true, value: { status: wanted, entry, changed: false } };
      if (row.status !== 'issued') return { ok: false, error: 'ISSUANCE_ALREADY_FINAL' };
      db.transaction(() => {
        finish.run(wanted, reason ?? null, at.toISOString(), certificateId);
        audit.append({
          ...auditFields(row),
          at,
          event: wanted === 'completed' ? 'completed' : 'void',
          code: reason,
        });
      })();
      return { ok: true, value: { status: wanted, entry, changed: true } };
    },
  };
}
