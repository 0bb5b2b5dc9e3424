import { describe, expect, it } from 'vitest';
import { openCenterDb } from '../db.js';
import { auditCodeOf, auditLog } from './audit-log.js';

describe('issuance audit log', () => {
  it('keeps events newest first with certificate, municipality, kiosk, variant, time and code', () => {
    const log = auditLog(openCenterDb(':memory:'));
    const at = new Date('2026-11-20T01:00:00Z');
    log.append({
      at,
      event: 'refused',
      kioskId: 'kiosk-0002',
      municipalityCode: '131113',
      variant: 'overseas',
      code: 'MUNICIPALITY_CLOSED',
    });
    log.append({
      at,
      event: 'issued',
      kioskId: 'kiosk-0001',
      municipalityCode: '131024',
      variant: 'domestic',
      certificateId: 'JP131024-AAAA-BBBB-CCCC',
    });
    expect(log.recent(10)).toEqual([
      {
        at,
        event: 'issued',
        kioskId: 'kiosk-0001',
        municipalityCode: '131024',
        variant: 'domestic',
        certificateId: 'JP131024-AAAA-BBBB-CCCC',
        code: undefined,
      },
      {
        at,
        event: 'refused',
        kioskId: 'kiosk-0002',
        municipalityCode: '131113',
        variant: 'overseas',
        certificateId: undefined,
        code: 'MUNICIPALITY_CLOSED',
      },
    ]);
    expect(log.recent(1)).toHaveLength(1);
  });

  it('logs refusals about the record under one code, so the log never says what a record holds', () => {
    expect(auditCodeOf('RESIDENT_DECEASED')).toBe('RECORD_INELIGIBLE');
    expect(auditCodeOf('NO_DOSES')).toBe('RECORD_INELIGIBLE');
    expect(auditCodeOf('PASSPORT_DATA_MISSING')).toBe('RECORD_INELIGIBLE');
    expect(auditCodeOf('CARD_SIGNATURE_INVALID')).toBe('CARD_SIGNATURE_INVALID');
  });
});
