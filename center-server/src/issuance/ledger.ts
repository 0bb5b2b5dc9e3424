/**
 * The issuance ledger (発行記録): what was issued, where and when, and how it ended. It keeps the certificate ID,
 * municipality, kiosk, variant and copies only; never who it was for. The request digest lets a retried request be
 * recognised; it is a SHA-256 over the signed request body, which cannot be recomputed without the card's data.
 */
import type { ErrorCode, Result, Variant } from '@kiosk/protocol';
import type { CenterDb } from '../db.js';

export type IssuanceStatus = 'issued' | 'completed' | 'void';

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
}

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
});

export interface IssuanceLedger {
  byRequestId(requestId: string): IssuanceEntry | undefined;
  /** Only the calling kiosk's own issuances: a kiosk never learns about another's. */
  byCertificateId(kioskId: string, certificateId: string): IssuanceEntry | undefined;
  recordIssued(entry: Omit<IssuanceEntry, 'status'>): void;
  /** printed → completed, failed → void; reporting the same outcome twice is harmless. */
  recordOutcome(
    kioskId: string,
    certificateId: string,
    outcome: 'printed' | 'failed',
    reason: string | undefined,
  ): Result<IssuanceStatus, Extract<ErrorCode, 'ISSUANCE_NOT_FOUND' | 'ISSUANCE_ALREADY_FINAL'>>;
}

export function issuanceLedger(db: CenterDb): IssuanceLedger {
  const byRequest = db.prepare<[string], Row>('SELECT * FROM issuances WHERE request_id = ?');
  const byCertificate = db.prepare<[string, string], Row>(
    'SELECT * FROM issuances WHERE certificate_id = ? AND kiosk_id = ?',
  );
  const insert = db.prepare(
    `INSERT INTO issuances (request_id, request_digest, certificate_id, kiosk_id, municipality_code, variant, copies,
       issued_on, status, created_at)
     VALUES (@requestId, @requestDigest, @certificateId, @kioskId, @municipalityCode, @variant, @copies, @issuedOn,
       'issued', @createdAt)`,
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
    recordIssued(entry) {
      insert.run({ ...entry, createdAt: new Date().toISOString() });
    },
    recordOutcome(kioskId, certificateId, outcome, reason) {
      const row = byCertificate.get(certificateId, kioskId);
      if (!row) return { ok: false, error: 'ISSUANCE_NOT_FOUND' };
      const wanted: IssuanceStatus = outcome === 'printed' ? 'completed' : 'void';
      if (row.status === wanted) return { ok: true, value: wanted };
      if (row.status !== 'issued') return { ok: false, error: 'ISSUANCE_ALREADY_FINAL' };
      finish.run(wanted, reason ?? null, new Date().toISOString(), certificateId);
      return { ok: true, value: wanted };
    },
  };
}
