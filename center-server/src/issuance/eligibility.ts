/** Whether a record can be printed as the requested variant (接種証明書の交付要件). */
import type { ErrorCode, Result, VaccinationRecord, Variant } from '@kiosk/protocol';

export type IneligibleReason = Extract<ErrorCode, 'RESIDENT_DECEASED' | 'NO_DOSES' | 'PASSPORT_DATA_MISSING'>;

export function checkEligibility(
  record: VaccinationRecord,
  variant: Variant,
): Result<void, IneligibleReason> {
  if (record.status === 'deceased') return { ok: false, error: 'RESIDENT_DECEASED' };
  if (record.doses.length === 0) return { ok: false, error: 'NO_DOSES' };
  // The overseas variant prints passport data registered at an earlier counter issuance; the kiosk never asks for it.
  if (variant === 'overseas' && !record.passport) return { ok: false, error: 'PASSPORT_DATA_MISSING' };
  return { ok: true, value: undefined };
}
