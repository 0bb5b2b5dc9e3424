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
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SimulatedA4Printer } from '../devices/a4-printer/simulated.js';
import type { A4Printer } from '../devices/a4-printer/a4-printer.js';
import type { ReceiptPrinter } from '../devices/receipt-printer/receipt-printer.js';
import { SimulatedCardReader } from '../devices/card-reader/simulated.js';
import { VirtualCard } from '../devices/card-reader/virtual/index.js';
import { SimulatedCoinAcceptor } from '../devices/payment/simulated.js';
import { SimulatedReceiptPrinter } from '../devices/receipt-printer/receipt-printer.js';
import { HealthCounters } from '../health/counters.js';
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
      opensAt: '2026-11-21T06:30:00+09:00',
      closedReason: 'hours',
      variants: ['domestic'],
      feeYen: 120,
      notices: [],
    },
  ],
};

/** A line that answers like the centre and remembers what it was sent. */
class RecordingLine implements LineApi {
  readonly issued: IssuanceRequest[] = [];
  readonly outcomes: {
    certificateId: string;
    outcome: string;
    reason?: string | undefined;
    receiptPrinted?: boolean | undefined;
  }[] = [];
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
  async outcome(
    certificateId: string,
    body: { outcome: string; reason?: string | undefined; receiptPrinted?: boolean | undefined },
  ) {
    this.outcomes.push({ certificateId, ...body });
    return { ok: true as const, value: {} };
  }
}

let tray: string;
let reader: SimulatedCardReader;
let payment: SimulatedCoinAcceptor;
let line: RecordingLine;
let session: KioskSession;
let card: VirtualCard;
let counters: HealthCounters;

function build(
  a4Printer: A4Printer = new SimulatedA4Printer({ paperTray: tray }),
  receiptPrinter: ReceiptPrinter = new SimulatedReceiptPrinter(),
) {
  session?.close();
  session = new KioskSession({
    devices: { cardReader: reader, a4Printer, receiptPrinter, payment },
    line,
    kioskId: 'kiosk-0001',
    idleTimeoutSeconds: 60,
    demo: true,
    newRequestId: () => '00000000-0000-4000-8000-000000000001',
    log: () => {},
    counters,
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
  payment = new SimulatedCoinAcceptor({ autoPay: true });
  counters = new HealthCounters();
  line = new RecordingLine();
  card = new VirtualCard({ holder, issuer, pin: '1234' });
  build();
});
afterEach(() => {
  vi.useRealTimers();
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
    expect(counters.snapshot()).toMatchObject({
      sessions: 1,
      certificates_printed: 1,
      receipts_printed: 1,
      sheets_since_refill: 2,
    });
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

  it('lists a closed municipality with why and when it reopens, and no such hints on an open one', async () => {
    session.handle({ type: 'start', kind: 'vaccination' });
    reader.insert(card);
    await reach('enter_pin');
    session.handle({ type: 'submit_pin', pin: '1234' });
    const [chuo, ota] = (await reach('choose')).municipalities;
    expect(ota).toMatchObject({ open: false, opensAt: '2026-11-21T06:30:00+09:00', closedReason: 'hours' });
    expect(chuo?.open).toBe(true);
    expect(chuo).not.toHaveProperty('closedReason');
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

  it('a failed print is refunded and reported failed, and the resident is told why', async () => {
    const printer = new SimulatedA4Printer({ paperTray: tray });
    // One sheet left: the second copy runs out of paper midway through the job.
    printer.loadPaper(1);
    build(printer);
    await toConfirm();
    session.handle({ type: 'confirm' });
    const failed = await reach('failed');
    expect(failed).toMatchObject({ code: 'PRINT_FAILED', reason: 'no_paper', refundedYen: 240 });
    expect(payment.returnedYen).toBe(240);
    expect(payment.settledYen).toBe(0);
    expect(line.outcomes).toEqual([
      { certificateId: '131024-ABCDEFGH1234', outcome: 'failed', reason: 'no_paper' },
    ]);
    expect(counters.snapshot()).toMatchObject({ print_failures: 1, certificates_printed: 0, sessions: 1 });
  });

  it('shows the coins as they go in and the change, then prints', async () => {
    payment.autoPay = false;
    await toConfirm();
    session.handle({ type: 'confirm' });
    expect(await reach('payment')).toMatchObject({ insertedYen: 0, order: { feeYen: 240 } });
    const seen: SessionStep[] = [];
    session.subscribe((s) => seen.push(s.screen));
    payment.insert(100);
    payment.insert(500);
    await reach('take_card');
    expect(seen.filter((screen) => screen.step === 'payment')).toMatchObject([
      { insertedYen: 100 },
      { insertedYen: 600 },
      { insertedYen: 600, changeYen: 360 },
    ]);
    expect({ settled: payment.settledYen, change: payment.changeYen }).toEqual({ settled: 240, change: 360 });
  });

  it('a cancel while paying gives the money back, says so, voids the certificate and asks for the card', async () => {
    payment.autoPay = false;
    await toConfirm();
    session.handle({ type: 'confirm' });
    await reach('payment');
    payment.insert(100);
    expect(session.handle({ type: 'cancel' }).ok).toBe(true);
    expect(await reach('failed')).toMatchObject({
      code: 'PAYMENT_FAILED',
      reason: 'cancelled',
      refundedYen: 100,
      cardPresent: true,
    });
    expect(payment.returnedYen).toBe(100);
    expect(readdirSync(tray)).toHaveLength(0);
    expect(line.outcomes).toEqual([
      { certificateId: '131024-ABCDEFGH1234', outcome: 'failed', reason: 'cancelled' },
    ]);
    expect(counters.snapshot().payments_cancelled).toBe(1);
  });

  it('a resident who walks away while paying gets the money back when the idle timeout ends it', async () => {
    payment.autoPay = false;
    await toConfirm();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    session.handle({ type: 'confirm' });
    await reach('payment');
    payment.insert(50);
    vi.advanceTimersByTime(60_000);
    await reach('take_card');
    expect(payment.returnedYen).toBe(50);
    expect(line.outcomes[0]).toMatchObject({ outcome: 'failed', reason: 'cancelled' });
  });

  it('a receipt that does not print still completes the certificate, and the screens warn', async () => {
    build(undefined, {
      status: () => ({ kind: 'no_paper' }),
      print: async () => ({ ok: false, error: 'no_paper' }),
    });
    await toConfirm();
    session.handle({ type: 'confirm' });
    expect(await reach('take_card')).toEqual({ step: 'take_card', printed: true, receiptFailed: true });
    expect(payment.settledYen).toBe(240);
    expect(line.outcomes).toEqual([
      { certificateId: '131024-ABCDEFGH1234', outcome: 'printed', receiptPrinted: false },
    ]);
    reader.remove();
    expect(await reach('take_certificate')).toEqual({ step: 'take_certificate', receiptFailed: true });
    expect(counters.snapshot()).toMatchObject({ certificates_printed: 1, receipt_failures: 1 });
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
    expect(payment.settledYen + payment.returnedYen).toBe(0);
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
