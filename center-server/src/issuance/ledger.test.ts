import { describe, expect, it } from 'vitest';
import { openCenterDb } from '../db.js';
import { auditLog } from './audit-log.js';
import { issuanceLedger, type NewIssuance } from './ledger.js';

const entry = (over: Partial<NewIssuance> = {}): NewIssuance => ({
  requestId: '0b1c2d3e-4f50-4a6b-8c7d-8e9fa0b1c2d3',
  requestDigest: 'a'.repeat(64),
  certificateId: 'JP131024-AAAA-BBBB-CCCC',
  kioskId: 'kiosk-0001',
  municipalityCode: '131024',
  variant: 'domestic',
  copies: 1,
  issuedOn: '2026-11-20',
  ...over,
});
function newLedger() {
  const db = openCenterDb(':memory:');
  const audit = auditLog(db);
  return Object.assign(issuanceLedger(db, audit), { audit });
}
const t0 = new Date('2026-11-20T01:00:00Z');
const t1 = new Date('2026-11-20T01:05:00Z');

describe('issuance ledger', () => {
  it('reserves a certificate ID once per request: a second reservation returns the first', () => {
    const ledger = newLedger();
    const first = ledger.reserve(entry(), t0);
    const second = ledger.reserve(entry({ certificateId: 'JP131024-DDDD-EEEE-FFFF' }), t1);
    expect(first).toMatchObject({
      certificateId: 'JP131024-AAAA-BBBB-CCCC',
      status: 'reserved',
      createdAt: t0,
    });
    expect(second).toEqual(first);
  });

  it('takes no outcome for a reserved ID: the kiosk never received it', () => {
    const ledger = newLedger();
    ledger.reserve(entry(), t0);
    expect(ledger.recordOutcome('kiosk-0001', 'JP131024-AAAA-BBBB-CCCC', 'printed', undefined, t1)).toEqual({
      ok: false,
      error: 'ISSUANCE_NOT_FOUND',
    });
  });

  it('moves issued → completed or void once, and a late markIssued never reopens it', () => {
    const ledger = newLedger();
    ledger.reserve(entry(), t0);
    ledger.markIssued(entry().requestId, t0);
    const printed = ledger.recordOutcome('kiosk-0001', 'JP131024-AAAA-BBBB-CCCC', 'printed', undefined, t1);
    expect(printed).toMatchObject({ ok: true, value: { status: 'completed', changed: true } });
    const again = ledger.recordOutcome('kiosk-0001', 'JP131024-AAAA-BBBB-CCCC', 'printed', undefined, t1);
    expect(again).toMatchObject({ ok: true, value: { status: 'completed', changed: false } });
    expect(ledger.recordOutcome('kiosk-0001', 'JP131024-AAAA-BBBB-CCCC', 'failed', 'jam', t1)).toEqual({
      ok: false,
      error: 'ISSUANCE_ALREADY_FINAL',
    });
    ledger.markIssued(entry().requestId, t0); // a slower concurrent retry finishing late
    expect(ledger.byRequestId(entry().requestId)?.status).toBe('completed');
    // Each change audited once, in the same transaction as the change.
    expect(ledger.audit.recent(10).map((e) => [e.event, e.certificateId])).toEqual([
      ['completed', 'JP131024-AAAA-BBBB-CCCC'],
      ['issued', 'JP131024-AAAA-BBBB-CCCC'],
    ]);
  });

  it('answers only the kiosk that issued it', () => {
    const ledger = newLedger();
    ledger.reserve(entry(), t0);
    ledger.markIssued(entry().requestId, t0);
    expect(ledger.byCertificateId('kiosk-0002', 'JP131024-AAAA-BBBB-CCCC')).toBeUndefined();
    expect(ledger.recordOutcome('kiosk-0002', 'JP131024-AAAA-BBBB-CCCC', 'failed', 'jam', t1)).toEqual({
      ok: false,
      error: 'ISSUANCE_NOT_FOUND',
    });
  });
});
