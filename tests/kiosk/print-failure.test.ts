/**
 * Printing goes wrong, with simulated devices and the real centre: A4 paper out → the money comes back, the
 * certificate is void in the centre's ledger and the resident sees PRINT_FAILED / no_paper; receipt paper out → the
 * certificate still counts and the centre hears receiptPrinted false; a cancel while paying → money back, void.
 */
import { existsSync, readdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import { DEMO_RESIDENTS } from '@kiosk/record-store/demo';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SnapshotStream } from '../support/sse.js';
import { eventsOf, startKioskRig, walkToConfirm, type KioskRig } from './kiosk-rig.js';

const resident = DEMO_RESIDENTS.find((r) => r.record.status === 'resident' && r.record.doses.length > 0);
if (!resident) throw new Error('the demo data has no resident with doses');

let rig: KioskRig;
let events: SnapshotStream;
beforeAll(async () => {
  rig = await startKioskRig();
});
afterAll(() => rig?.close());
afterEach(async () => {
  // Every test leaves the kiosk as it found it: no card, devices back to normal, idle.
  await rig.post('/api/dev/cards/remove');
  await rig.post('/api/dev/a4-printer', { fault: 'none' });
  await rig.post('/api/dev/receipt-printer', { fault: 'none' });
  await rig.post('/api/dev/payment', { autoPay: true });
  await events.step('idle');
  events.close();
});

/** Certificates in the demo paper tray. */
const printedCopies = (): number =>
  existsSync(rig.system.paperTray) ? readdirSync(rig.system.paperTray).length : 0;

/** The certificate's row in the centre's issuance ledger, once the outcome for it has been delivered. */
async function ledgerRow(outcomesBefore: number) {
  await rig.tap.until(() => rig.tap.outcomes.length > outcomesBefore);
  const reported = rig.tap.outcomes[outcomesBefore];
  if (!reported?.delivered) throw new Error('the outcome was not delivered');
  const db = new Database(rig.centerDb, { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare('SELECT status, outcome_reason AS reason FROM issuances WHERE certificate_id = ?')
      .get(reported.certificateId) as { status: string; reason: string | null } | undefined;
    return { reported, row };
  } finally {
    db.close();
  }
}

describe('when printing goes wrong', () => {
  it('A4 paper out: the money is refunded, the certificate is void, the resident is told why', async () => {
    events = eventsOf(rig);
    await walkToConfirm(rig, events, resident);
    const outcomes = rig.tap.outcomes.length;
    await rig.post('/api/dev/a4-printer', { fault: 'no_paper' });
    await rig.post('/api/intents', { type: 'confirm' });
    const failed = (await events.step('failed')).screen;
    expect(failed).toMatchObject({
      code: 'PRINT_FAILED',
      messageKey: 'error.print_failed',
      reason: 'no_paper',
      refundedYen: 120,
      cardPresent: true,
    });
    const { reported, row } = await ledgerRow(outcomes);
    expect(reported.body).toEqual({ outcome: 'failed', reason: 'no_paper' });
    expect(row).toEqual({ status: 'void', reason: 'no_paper' });
    expect(printedCopies()).toBe(0);
    await rig.post('/api/intents', { type: 'cancel' });
    await events.until((s) => s.screen.step === 'take_card' && !s.screen.printed);
  });

  it('receipt paper out: the certificate still counts, and the centre hears there was no receipt', async () => {
    events = eventsOf(rig);
    await walkToConfirm(rig, events, resident);
    const outcomes = rig.tap.outcomes.length;
    await rig.post('/api/dev/receipt-printer', { fault: 'no_paper' });
    await rig.post('/api/intents', { type: 'confirm' });
    const takeCard = (await events.step('take_card')).screen;
    expect(takeCard).toEqual({ step: 'take_card', printed: true, receiptFailed: true });
    const { reported, row } = await ledgerRow(outcomes);
    expect(reported.body).toEqual({ outcome: 'printed', receiptPrinted: false });
    expect(row).toEqual({ status: 'completed', reason: null });
    expect(printedCopies()).toBe(1);
    await rig.post('/api/dev/cards/remove');
    expect((await events.step('take_certificate')).screen).toEqual({
      step: 'take_certificate',
      receiptFailed: true,
    });
    await rig.post('/api/intents', { type: 'acknowledge' });
  });

  it('a cancel while paying gives the coins back and voids the certificate', async () => {
    events = eventsOf(rig);
    await rig.post('/api/dev/payment', { autoPay: false });
    await walkToConfirm(rig, events, resident);
    const outcomes = rig.tap.outcomes.length;
    await rig.post('/api/intents', { type: 'confirm' });
    await events.step('payment');
    expect((await rig.post('/api/dev/payment/insert', { yen: 100 })).status).toBe(200);
    await events.until((s) => s.screen.step === 'payment' && s.screen.insertedYen === 100);
    expect((await rig.post('/api/intents', { type: 'cancel' })).status).toBe(202);
    const told = (await events.step('failed')).screen;
    expect(told).toMatchObject({
      code: 'PAYMENT_FAILED',
      reason: 'cancelled',
      refundedYen: 100,
      cardPresent: true,
    });
    await rig.post('/api/intents', { type: 'cancel' });
    await events.until((s) => s.screen.step === 'take_card' && !s.screen.printed);
    const { reported, row } = await ledgerRow(outcomes);
    expect(reported.body).toEqual({ outcome: 'failed', reason: 'cancelled' });
    expect(row).toEqual({ status: 'void', reason: 'cancelled' });
    const dock = (await (await fetch(new URL('/api/dev/devices', rig.agent.url))).json()) as {
      insertedYen: number;
    };
    expect(dock.insertedYen).toBe(0);
  });
});
