/** The session with the card: PIN entry on a pinpad reader, the error codes of card failures, memory hygiene. */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IssuanceRequest, Menu, SessionSnapshot, SessionStep } from '@kiosk/protocol';
import { errorBody } from '@kiosk/protocol';
import { keyIdentifier, myNumberCheckDigit } from '@kiosk/protocol/card-data';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SimulatedA4Printer } from '../devices/a4-printer/simulated.js';
import type { CardFiles, CardReader } from '../devices/card-reader/card-reader.js';
import { SimulatedCardReader } from '../devices/card-reader/simulated.js';
import { VirtualCard, type CardFaults, type KeypadEntry } from '../devices/card-reader/virtual/index.js';
import { SimulatedCoinAcceptor } from '../devices/payment/simulated.js';
import { SimulatedReceiptPrinter } from '../devices/receipt-printer/receipt-printer.js';
import { HealthCounters } from '../health/counters.js';
import { KioskSession } from './machine.js';
import type { LineApi } from './ports.js';

const issuerKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
const issuer = { key: issuerKey.privateKey, aki: keyIdentifier(issuerKey.publicKey) };
const cardKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
// Canaries: if either string shows up in a log line or a snapshot, the session leaked it.
const CANARY_PIN = '7391';
const CANARY_MY_NUMBER = `90817263544${myNumberCheckDigit('90817263544')}`;
const holder = {
  myNumber: CANARY_MY_NUMBER,
  name: '鈴木 一郎',
  address: '東京都大田区蒲田五丁目13番14号',
  birthDate: '1948-02-29',
  sex: 'male' as const,
};
const menu: Menu = {
  kind: 'vaccination',
  serverTime: '2026-11-20T01:00:00Z',
  maxCopies: 3,
  municipalities: [
    {
      code: '131113',
      name: { ja: '大田区', en: 'Ota City' },
      open: true,
      variants: ['domestic'],
      feeYen: 120,
      notices: [],
    },
  ],
};

class Line implements LineApi {
  refuse = false;
  async menu() {
    return { ok: true as const, value: menu };
  }
  async issue(request: IssuanceRequest) {
    if (this.refuse) return { ok: false as const, error: errorBody('RECORD_NOT_FOUND').error };
    const pdf = Buffer.from('%PDF-1.7 test').toString('base64');
    const value = {
      requestId: request.requestId,
      certificateId: '131113-ABCDEFGH1234',
      issuedOn: '2026-11-20',
    };
    return { ok: true as const, value: { ...value, feeYen: 120, copies: request.copies, pdf } };
  }
  async outcome() {
    return { ok: true as const, value: {} };
  }
}

/** Key presses on the simulated pinpad, handed out as the reader asks for them. */
class Keypad {
  private readonly typed: KeypadEntry[] = [];
  private waiting: ((entry: KeypadEntry) => void) | undefined;
  press(entry: KeypadEntry): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting) waiting(entry);
    else this.typed.push(entry);
  }
  next = (): Promise<KeypadEntry> => {
    const entry = this.typed.shift();
    return entry ? Promise.resolve(entry) : new Promise((resolve) => (this.waiting = resolve));
  };
}

let tray: string;
let reader: SimulatedCardReader;
let keypad: Keypad;
let line: Line;
let session: KioskSession;
let logged: string[];
let snapshots: SessionSnapshot[];
/** Every set of files the reader handed the session. */
let held: CardFiles[];

/** The reader as the session sees it, keeping a reference to every set of files it hands out. */
function keeping(inner: CardReader): CardReader {
  return {
    status: () => inner.status(),
    onStatus: (listener) => inner.onStatus(listener),
    close: () => inner.close(),
    async openTextApplication() {
      const app = await inner.openTextApplication();
      if (!app.ok) return app;
      const a = app.value;
      return {
        ok: true,
        value: {
          pinEntry: a.pinEntry,
          pinTriesLeft: () => a.pinTriesLeft(),
          verifyPin: (pin) => a.verifyPin(pin),
          verifyPinOnReader: (options) => a.verifyPinOnReader(options),
          readFiles: async () => {
            const files = await a.readFiles();
            if (files.ok) held.push(files.value);
            return files;
          },
        },
      };
    },
  };
}

function build(options: { pinpad?: boolean } = {}) {
  session?.close();
  reader = new SimulatedCardReader(options.pinpad ? { pinpad: keypad.next } : {});
  session = new KioskSession({
    devices: {
      cardReader: keeping(reader),
      a4Printer: new SimulatedA4Printer({ paperTray: tray }),
      receiptPrinter: new SimulatedReceiptPrinter(),
      payment: new SimulatedCoinAcceptor({ autoPay: true }),
    },
    line,
    kioskId: 'kiosk-0001',
    idleTimeoutSeconds: 60,
    demo: true,
    newRequestId: () => '00000000-0000-4000-8000-000000000001',
    log: (message) => logged.push(message),
    counters: new HealthCounters(),
  });
  session.subscribe((snapshot) => snapshots.push(snapshot));
}

const newCard = (faults?: CardFaults) =>
  new VirtualCard({ holder, issuer, pin: CANARY_PIN, cardKey, faults });

/** Resolves with the first snapshot's screen that matches (the current one included). */
function reach<S extends SessionStep['step']>(
  step: S,
  test: (screen: Extract<SessionStep, { step: S }>) => boolean = () => true,
): Promise<Extract<SessionStep, { step: S }>> {
  return new Promise((resolve) => {
    const check = (s: SessionSnapshot) => {
      const screen = s.screen as Extract<SessionStep, { step: S }>;
      if (s.screen.step === step && test(screen)) {
        stop();
        resolve(screen);
      }
    };
    const stop = session.subscribe(check);
    check(session.snapshot());
  });
}

const allZero = (files: CardFiles): boolean =>
  [files.ef0001, files.ef0002, files.ef0003, files.ef0004].every(
    (f) => f.length > 0 && f.every((b) => b === 0),
  );

beforeEach(() => {
  tray = mkdtempSync(join(tmpdir(), 'tray-'));
  keypad = new Keypad();
  line = new Line();
  logged = [];
  snapshots = [];
  held = [];
  build();
});
afterEach(() => {
  session.close();
  vi.restoreAllMocks();
  rmSync(tray, { recursive: true, force: true });
});

describe('PIN entry on the reader’s keypad', () => {
  beforeEach(() => build({ pinpad: true }));

  it('asks on the reader, refuses a PIN from the screen, and goes on when the card accepts it', async () => {
    session.handle({ type: 'start', kind: 'vaccination' });
    reader.insert(newCard());
    const asked = await reach('enter_pin');
    expect(asked).toMatchObject({ onReaderKeypad: true, triesLeft: 3, lastAttemptWrong: false });
    expect(session.handle({ type: 'submit_pin', pin: CANARY_PIN })).toEqual({
      ok: false,
      error: 'INTENT_NOT_ALLOWED',
    });
    keypad.press({ kind: 'digits', digits: '0000' });
    await reach('enter_pin', (s) => s.lastAttemptWrong && s.triesLeft === 2 && s.onReaderKeypad);
    keypad.press({ kind: 'digits', digits: CANARY_PIN });
    await reach('choose');
  });

  it('ends the session when the resident cancels on the keypad', async () => {
    session.handle({ type: 'start', kind: 'vaccination' });
    reader.insert(newCard());
    await reach('enter_pin');
    keypad.press({ kind: 'cancel' });
    expect(await reach('take_card')).toEqual({ step: 'take_card', printed: false });
    reader.remove();
    await reach('idle');
  });
});

describe('card failures in the session', () => {
  const failsWith = async (card: VirtualCard, code: string, pin = CANARY_PIN) => {
    build();
    session.handle({ type: 'start', kind: 'vaccination' });
    reader.insert(card);
    const step = await Promise.race([reach('enter_pin'), reach('failed')]);
    if (step.step === 'enter_pin') session.handle({ type: 'submit_pin', pin });
    expect((await reach('failed')).code).toBe(code);
  };

  it('maps each to its error code', async () => {
    await failsWith(newCard({ noTextAp: true }), 'CARD_UNSUPPORTED');
    await failsWith(newCard({ locked: true }), 'CARD_PIN_BLOCKED');
    await failsWith(newCard({ truncatedEf: 2 }), 'CARD_DATA_MALFORMED');
    expect(logged).toContain('card: malformed: EF0002: file ends early');
  });
});

describe('memory hygiene', () => {
  it('leaks neither the PIN nor the My Number into logs, the console or snapshots', async () => {
    const consoleLines: unknown[][] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const)
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleLines.push(args));
    session.handle({ type: 'start', kind: 'vaccination' });
    reader.insert(newCard());
    await reach('enter_pin');
    session.handle({ type: 'submit_pin', pin: '0000' });
    await reach('enter_pin', (s) => s.lastAttemptWrong);
    session.handle({ type: 'submit_pin', pin: CANARY_PIN });
    await reach('choose');
    session.handle({ type: 'choose', municipalityCode: '131113', variant: 'domestic', copies: 1 });
    await reach('confirm');
    session.handle({ type: 'confirm' });
    await reach('take_card');
    reader.remove();
    await reach('take_certificate');
    session.handle({ type: 'acknowledge' });
    await reach('idle');
    // A failing session too: a card whose data is refused at the kiosk.
    reader.insert(newCard({ truncatedEf: 3 }));
    session.handle({ type: 'start', kind: 'vaccination' });
    await reach('enter_pin');
    session.handle({ type: 'submit_pin', pin: CANARY_PIN });
    await reach('failed');

    const everything = JSON.stringify([logged, consoleLines.map((args) => args.map(String)), snapshots]);
    expect(logged.length).toBeGreaterThan(0);
    expect(everything).not.toContain(CANARY_PIN);
    expect(everything).not.toContain(CANARY_MY_NUMBER);
  });

  it('zero-fills the card files after an issuance', async () => {
    session.handle({ type: 'start', kind: 'vaccination' });
    reader.insert(newCard());
    await reach('enter_pin');
    session.handle({ type: 'submit_pin', pin: CANARY_PIN });
    await reach('choose');
    expect(held).toHaveLength(1);
    expect(held.every(allZero)).toBe(false);
    session.handle({ type: 'choose', municipalityCode: '131113', variant: 'domestic', copies: 1 });
    await reach('confirm');
    session.handle({ type: 'confirm' });
    await reach('take_card');
    expect(held.every(allZero)).toBe(true);
  });

  it('zero-fills them when the session is cancelled, the card taken away or the centre refuses', async () => {
    const toChoose = async () => {
      session.handle({ type: 'start', kind: 'vaccination' });
      if (reader.status().kind !== 'card_present') reader.insert(newCard());
      await reach('enter_pin');
      session.handle({ type: 'submit_pin', pin: CANARY_PIN });
      await reach('choose');
    };
    await toChoose();
    session.handle({ type: 'cancel' });
    await reach('take_card');
    reader.remove();
    await reach('idle');

    await toChoose();
    reader.remove();
    await reach('idle');

    line.refuse = true;
    await toChoose();
    session.handle({ type: 'choose', municipalityCode: '131113', variant: 'domestic', copies: 1 });
    await reach('confirm');
    session.handle({ type: 'confirm' });
    await reach('failed');

    expect(held).toHaveLength(3);
    expect(held.every(allZero)).toBe(true);
  });
});
