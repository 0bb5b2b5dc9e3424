import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  errorBody,
  type IssuanceRequest,
  type Menu,
  type SessionSnapshot,
  type SessionStep,
} from '@kiosk/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SimulatedA4Printer } from '../devices/a4-printer/simulated.js';
import type { A4Printer } from '../devices/a4-printer/a4-printer.js';
import { SimulatedCardReader } from '../devices/card-reader/simulated.js';
import { VirtualCard } from '../devices/card-reader/virtual/index.js';
import { SimulatedPayment } from '../devices/payment/simulated.js';
import { SimulatedReceiptPrinter } from '../devices/receipt-printer/receipt-printer.js';
import { KioskSession } from './machine.js';
import type { LineApi } from './ports.js';
import { testIssuer as issuer, testHolder as holder } from '../devices/card-reader/virtual/test-card.js';

const menu: Menu = {
  kind: 'vaccination',
  serverTime: '2026-11-20T01:00:00Z',
  maxCopies: 3,
  municipalities: [
    {
      code: '131024',
      name: { ja: '中央区', en: 'Chuo City' },
      open: true,
      variants: ['domestic', 'overseas'],
      feeYen: 120,
      notices: [],
    },
    {
      code: '131113',
      name: { ja: '大田区', en: 'Ota City' },
      open: false,
      variants: ['domestic'],
      feeYen: 120,
      notices: [],
    },
  ],
};

/** A line that answers like the centre and remembers what it was sent. */
class RecordingLine implements LineApi {
  readonly issued: IssuanceRequest[] = [];
  readonly outcomes: { certificateId: string; outcome: string; reason?: string | undefined }[] = [];
  failIssuance: 'RECORD_NOT_FOUND' | undefined;
  async menu() {
    return { ok: true as const, value: menu };
  }
  async issue(request: IssuanceRequest) {
    this.issued.push(request);
    if (this.failIssuance) return { ok: false as const, error: errorBody(this.failIssuance).error };
    return {
      ok: true as const,
      value: {
        requestId: request.requestId,
        certificateId: '131024-ABCDEFGH1234',
        issuedOn: '2026-11-20',
        feeYen: 120 * request.copies,
        copies: request.copies,
        pdf: Buffer.from('%PDF-1.7 test').toString('base64'),
      },
    };
  }
  async outcome(certificateId: string, body: { outcome: string; reason?: string | undefined }) {
    this.outcomes.push({ certificateId, ...body });
    return { ok: true as const, value: {} };
  }
}

let tray: string;
let reader: SimulatedCardReader;
let payment: SimulatedPayment;
let line: RecordingLine;
let session: KioskSession;
let card: VirtualCard;

function build(a4Printer: A4Printer = new SimulatedA4Printer(tray)) {
  session = new KioskSession({
    devices: { cardReader: reader, a4Printer, receiptPrinter: new SimulatedReceiptPrinter(), payment },
    line,
    kioskId: 'kiosk-0001',
    idleTimeoutSeconds: 60,
    demo: true,
    newRequestId: () => '00000000-0000-4000-8000-000000000001',
    log: () => {},
  });
}

/** Resolves with the first snapshot whose step is `step` (the current one included). */
function reach<S extends SessionStep['step']>(step: S): Promise<Extract<SessionStep, { step: S }>> {
  return new Promise((resolve) => {
    const check = (s: SessionSnapshot) => {
      if (s.screen.step === step) {
        stop();
        resolve(s.screen as Extract<SessionStep, { step: S }>);
      }
    };
    const stop = session.subscribe(check);
    check(session.snapshot());
  });
}

beforeEach(() => {
  tray = mkdtempSync(join(tmpdir(), 'tray-'));
  reader = new SimulatedCardReader();
  payment = new SimulatedPayment();
  line = new RecordingLine();
  card = new VirtualCard({ holder, issuer, pin: '1234' });
  build();
});
afterEach(() => {
  session.close();
  rmSync(tray, { recursive: true, force: true });
});

async function toConfirm() {
  expect(session.handle({ type: 'start', kind: 'vaccination' }).ok).toBe(true);
  await reach('insert_card');
  reader.insert(card);
  expect((await reach('enter_pin')).triesLeft).toBe(3);
  session.handle({ type: 'submit_pin', pin: '1234' });
  await reach('choose');
  expect(
    session.handle({ type: 'choose', municipalityCode: '131024', variant: 'domestic', copies: 2 }).ok,
  ).toBe(true);
  return reach('confirm');
}

describe('kiosk session', () => {
  it('walks one issuance: card, PIN, menu, confirm, print, take card, take certificate', async () => {
    const confirm = await toConfirm();
    expect(confirm.order.feeYen).toBe(240);
    session.handle({ type: 'confirm' });
    expect((await reach('take_card')).printed).toBe(true);
    expect(readdirSync(tray)).toHaveLength(2);
    expect(payment.settledYen).toBe(240);
    expect(line.outcomes).toEqual([
      { certificateId: '131024-ABCDEFGH1234', outcome: 'printed', receiptPrinted: true },
    ]);
    expect(line.issued[0]?.card.ef0001).toBe(Buffer.from(card.files.ef0001).toString('base64'));
    reader.remove();
    await reach('take_certificate');
    session.handle({ type: 'acknowledge' });
    await reach('idle');
  });

  it('counts wrong PINs down and stops at a blocked card without trying again', async () => {
    session.handle({ type: 'start', kind: 'vaccination' });
    reader.insert(card);
    await reach('enter_pin');
    for (const triesLeft of [2, 1]) {
      const asked = new Promise<void>((resolve) => {
        const stop = session.subscribe((s) => {
          if (
            s.screen.step === 'enter_pin' &&
            s.screen.lastAttemptWrong &&
            s.screen.triesLeft === triesLeft
          ) {
            stop();
            resolve();
          }
        });
      });
      expect(session.handle({ type: 'submit_pin', pin: '0000' }).ok).toBe(true);
      await asked;
    }
    session.handle({ type: 'submit_pin', pin: '0000' });
    const failed = await reach('failed');
    expect(failed.code).toBe('CARD_PIN_BLOCKED');
    expect(failed.cardPresent).toBe(true);
    expect(card.pinTriesLeft).toBe(0);
    expect(line.issued).toHaveLength(0);
  });

  it('refuses choices the menu does not offer and intents out of step', async () => {
    expect(session.handle({ type: 'confirm' })).toEqual({ ok: false, error: 'INTENT_NOT_ALLOWED' });
    await toConfirm();
    session.handle({ type: 'back' });
    await reach('choose');
    expect(
      session.handle({ type: 'choose', municipalityCode: '131113', variant: 'domestic', copies: 1 }).ok,
    ).toBe(false);
    expect(
      session.handle({ type: 'choose', municipalityCode: '131024', variant: 'domestic', copies: 4 }).ok,
    ).toBe(false);
  });

  it('a failed print is refunded and reported failed', async () => {
    build({ status: () => ({ kind: 'no_paper' }), print: async () => ({ ok: false, error: 'no_paper' }) });
    await toConfirm();
    session.handle({ type: 'confirm' });
    const failed = await reach('failed');
    expect(failed.code).toBe('PRINT_FAILED');
    expect(payment.refundedYen).toBe(240);
    expect(payment.settledYen).toBe(0);
    expect(line.outcomes).toEqual([
      { certificateId: '131024-ABCDEFGH1234', outcome: 'failed', reason: 'no_paper' },
    ]);
  });

  it('a refusal from the centre charges nothing and asks for the card back', async () => {
    line.failIssuance = 'RECORD_NOT_FOUND';
    await toConfirm();
    session.handle({ type: 'confirm' });
    const failed = await reach('failed');
    expect(failed).toMatchObject({
      code: 'RECORD_NOT_FOUND',
      messageKey: 'error.record_not_found',
      cardPresent: true,
    });
    expect(payment.settledYen + payment.refundedYen).toBe(0);
    session.handle({ type: 'cancel' });
    expect((await reach('take_card')).printed).toBe(false);
    reader.remove();
    await reach('idle');
  });

  it('taking the card away before confirming ends the session', async () => {
    await toConfirm();
    reader.remove();
    await reach('idle');
    expect(line.issued).toHaveLength(0);
  });
});
