/**
 * The issuance audit log (監査ログ): one row per event — issued, refused, completed, void — naming the certificate ID,
 * municipality, kiosk, variant, time and outcome code. Nothing about who the certificate was for.
 */
import type { ErrorCode, Variant } from '@kiosk/protocol';
import type { CenterDb } from '../db.js';

export type AuditEvent = 'issued' | 'refused' | 'completed' | 'void';

export interface AuditEntry {
  readonly at: Date;
  readonly event: AuditEvent;
  readonly kioskId: string;
  readonly municipalityCode: string;
  readonly variant: Variant;
  readonly certificateId?: string | undefined;
  /** The refusal's error code, or the device reason of a failed print. */
  readonly code?: string | undefined;
}

/**
 * Refusals that would say something about the person's record (closed, no doses, no passport) are logged under one
 * code: the audit log shows that an issuance was refused for the record, not what the record says.
 */
const RECORD_REFUSALS: ReadonlySet<ErrorCode> = new Set([
  'RESIDENT_DECEASED',
  'NO_DOSES',
  'PASSPORT_DATA_MISSING',
]);
export const auditCodeOf = (code: ErrorCode): string =>
  RECORD_REFUSALS.has(code) ? 'RECORD_INELIGIBLE' : code;

export interface AuditLog {
  append(entry: AuditEntry): void;
  /** The newest entries first, for the consoles and for tests. */
  recent(limit: number): AuditEntry[];
}

interface Row {
  at: string;
  event: AuditEvent;
  kiosk_id: string;
  municipality_code: string;
  variant: Variant;
  certificate_id: string | null;
  code: string | null;
}

export function auditLog(db: CenterDb): AuditLog {
  const insert = db.prepare(
    `INSERT INTO issuance_audit (at, event, kiosk_id, municipality_code, variant, certificate_id, code)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const recent = db.prepare<[number], Row>('SELECT * FROM issuance_audit ORDER BY id DESC LIMIT ?');
  return {
    append(e) {
      insert.run(
        e.at.toISOString(),
        e.event,
        e.kioskId,
        e.municipalityCode,
        e.variant,
        e.certificateId ?? null,
        e.code ?? null,
      );
    },
    recent(limit) {
      return recent.all(limit).map((r) => ({
        at: new Date(r.at),
        event: r.event,
        kioskId: r.kiosk_id,
        municipalityCode: r.municipality_code,
        variant: r.variant,
        certificateId: r.certificate_id ?? undefined,
        code: r.code ?? undefined,
      }));
    },
  };
}
