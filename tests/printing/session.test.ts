/**
 * A whole kiosk session printing through a real cupsd (its own, private): the certificate lands in the cups-pdf
 * output and no copy stays in the spool; when the printer reports media-empty the resident is refunded, told "no
 * paper", and the centre voids the certificate.
 */
import { readdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import { DEMO_RESIDENTS } from '@kiosk/record-store/demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsOf, startKioskRig, walkToConfirm, type KioskRig } from '../kiosk/kiosk-rig.js';
import { startPrivateCupsd, type PrivateCupsd } from './support/cupsd.js';

const resident = DEMO_RESIDENTS.find((r) => r.record.status === 'resident' && r.record.doses.length > 0);
if (!resident) throw new Error('the demo data has no resident with doses');

let cupsd: PrivateCupsd;
const rigs: KioskRig[] = [];

beforeAll(async () => {
  cupsd = await startPrivateCupsd();
  await cupsd.addPdfQueue('kiosk-a4');
  await cupsd.addFakeQueue('kiosk-a4-empty', 'kiosk-no-paper');
});
afterAll(async () => {
  for (const rig of rigs) await rig.close();
  await cupsd?.stop();
});

async function kioskPrintingTo(queue: string): Promise<KioskRig> {
  const rig = await startKioskRig({ KIOSK_A4_PRINTER: `cups:${queue}`, KIOSK_CUPS_SERVER: cupsd.socket });
  rigs.push(rig);
  return rig;
}

function ledgerStatus(rig: KioskRig, certificateId: string) {
  const db = new Database(rig.centerDb, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT status, outcome_reason AS reason FROM issuances WHERE certificate_id = ?')
      .get(certificateId);
  } finally {
    db.close();
  }
}

describe('a kiosk session printing through CUPS', () => {
  it('prints the certificate, completes it at the centre, and leaves no copy in the spool', async () => {
    const rig = await kioskPrintingTo('kiosk-a4');
    const events = eventsOf(rig);
    await walkToConfirm(rig, events, resident);
    await rig.post('/api/intents', { type: 'confirm' });
    await events.until((s) => s.screen.step === 'take_card' || s.screen.step === 'failed');
    await rig.tap.until(() => rig.tap.outcomes.length > 0);
    const [reported] = rig.tap.outcomes;
    expect(reported?.body).toMatchObject({ outcome: 'printed' });
    expect(ledgerStatus(rig, reported?.certificateId ?? '')).toEqual({ status: 'completed', reason: null });
    expect(readdirSync(cupsd.paperDir).filter((f) => f.endsWith('.pdf'))).toHaveLength(1);
    expect(cupsd.spoolFiles()).toEqual([]);
    await rig.post('/api/dev/cards/remove');
    events.close();
  });

  it('media-empty: the job fails, the money is refunded, the resident is told no paper, the centre voids it', async () => {
    const rig = await kioskPrintingTo('kiosk-a4-empty');
    const events = eventsOf(rig);
    await walkToConfirm(rig, events, resident);
    await rig.post('/api/intents', { type: 'confirm' });
    const failed = (await events.step('failed')).screen;
    expect(failed).toMatchObject({ code: 'PRINT_FAILED', reason: 'no_paper', refundedYen: 120 });
    await rig.tap.until(() => rig.tap.outcomes.length > 0);
    const [reported] = rig.tap.outcomes;
    expect(reported?.body).toEqual({ outcome: 'failed', reason: 'no_paper' });
    expect(ledgerStatus(rig, reported?.certificateId ?? '')).toEqual({ status: 'void', reason: 'no_paper' });
    expect(cupsd.spoolFiles()).toEqual([]);
    await rig.post('/api/dev/cards/remove');
    events.close();
  });
});
