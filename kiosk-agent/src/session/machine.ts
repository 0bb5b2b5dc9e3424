/**
 * The kiosk session (交付セッション): one explicit state machine, the only place that decides what happens next.
 * The UI renders `snapshot()` and sends intents; devices and the line report back. Card data and the certificate
 * live in this object's memory for one session only; the card files are zero-filled when it ends or fails.
 */
import {
  errorBody,
  type CertificateKind,
  type ErrorCode,
  type Intent,
  type Language,
  type Menu,
  type MenuChoice,
  type MenuMunicipality,
  type Order,
  type Result,
  type SessionSnapshot,
  type SessionStep,
} from '@kiosk/protocol';
import {
  cardErrorCode,
  describeCardError,
  wipeCardFiles,
  type CardError,
  type CardFiles,
  type CardReaderStatus,
  type PinResult,
  type TextApplication,
} from '../devices/card-reader/card-reader.js';
import { deviceStatuses } from '../health/device-statuses.js';
import { runIssuance } from './issuance-steps.js';
import { OutcomeReporter } from './outcome-reporter.js';
import type { SessionDeps } from './ports.js';

/** Steps where the session waits for the resident, and so where the idle timeout runs. */
const WAITING: ReadonlySet<SessionStep['step']> = new Set([
  'insert_card',
  'enter_pin',
  'choose',
  'confirm',
  'payment',
  'take_certificate',
  'failed',
]);
/** Steps a resident may cancel: everything before the request goes to the centre, and paying (money back). */
const CANCELLABLE: ReadonlySet<SessionStep['step']> = new Set([
  'insert_card',
  'enter_pin',
  'choose',
  'confirm',
  'payment',
  'failed',
]);

export type IntentRefusal = Extract<ErrorCode, 'INTENT_NOT_ALLOWED'>;

/** What one session holds in memory, all of it wiped by `reset()`. */
interface Working {
  kind?: CertificateKind;
  textAp?: TextApplication;
  files?: CardFiles;
  menu?: Menu;
}

export class KioskSession {
  private screen: SessionStep = { step: 'idle' };
  private language: Language = 'ja';
  private revision = 0;
  private working: Working = {};
  /** Bumped by every reset: work started in an earlier session must not touch this one. */
  private epoch = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  /** The idle timeout, not the resident, ended the payment: nobody is there to read what came back. */
  private paymentTimedOut = false;
  private idleDeadline: number | undefined;
  private readonly listeners = new Set<(snapshot: SessionSnapshot) => void>();
  private readonly unsubscribeReader: () => void;
  private readonly outcomes: OutcomeReporter;

  constructor(private readonly deps: SessionDeps) {
    this.unsubscribeReader = deps.devices.cardReader.onStatus((status) => this.onCardReader(status));
    this.outcomes = new OutcomeReporter({
      line: deps.line,
      counters: deps.counters,
      log: deps.log,
      timers: deps.timers,
    });
  }

  snapshot(): SessionSnapshot {
    return {
      revision: this.revision,
      language: this.language,
      screen: this.screen,
      devices: deviceStatuses(this.deps.devices),
      ...(this.idleDeadline === undefined
        ? {}
        : { idleTimeoutSeconds: Math.max(0, Math.ceil((this.idleDeadline - Date.now()) / 1000)) }),
      demo: this.deps.demo,
    };
  }

  /** A device's status changed (paper out, back…): the UI gets a fresh snapshot. */
  devicesChanged(): void {
    this.publish();
  }

  subscribe(listener: (snapshot: SessionSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Handles one resident intent; refuses those that make no sense at the current step. */
  handle(intent: Intent): Result<void, IntentRefusal> {
    const step = this.screen.step;
    switch (intent.type) {
      case 'set_language':
        this.language = intent.language;
        this.publish();
        return done;
      case 'start':
        if (step !== 'idle') return refused;
        this.deps.counters.count('sessions');
        this.working = { kind: intent.kind };
        if (this.deps.devices.cardReader.status().kind === 'card_present') void this.openCard();
        else this.show({ step: 'insert_card', kind: intent.kind });
        return done;
      case 'submit_pin':
        // With a pinpad reader the PIN is typed on the reader and never passes through the kiosk.
        if (this.screen.step !== 'enter_pin' || this.screen.onReaderKeypad) return refused;
        void this.verifyPin(intent.pin);
        return done;
      case 'choose':
        return this.choose(intent);
      case 'confirm':
        if (this.screen.step !== 'confirm') return refused;
        void this.issue(this.screen.order);
        return done;
      case 'back':
        if (step !== 'confirm' || !this.working.menu) return refused;
        this.showMenu(this.working.menu);
        return done;
      case 'cancel':
        if (!CANCELLABLE.has(step)) return refused;
        // While paying, the payment device gives the money back and the issuance ends itself (see `issue`).
        if (step === 'payment') return this.deps.devices.payment.cancel() ? done : refused;
        this.endSession();
        return done;
      case 'acknowledge':
        if (step !== 'take_certificate') return refused;
        this.reset();
        return done;
    }
  }

  close(): void {
    this.outcomes.stop();
    this.dropWorking();
    this.unsubscribeReader();
    this.clearIdleTimer();
    this.listeners.clear();
  }

  // ── Steps ────────────────────────────────────────────────────────────────────────────────────────────
  private async openCard(): Promise<void> {
    const epoch = this.epoch;
    this.show({ step: 'reading_card' });
    const textAp = await this.deps.devices.cardReader.openTextApplication();
    if (epoch !== this.epoch) return;
    if (!textAp.ok) return this.failCard(textAp.error);
    const tries = await textAp.value.pinTriesLeft();
    if (epoch !== this.epoch) return;
    if (!tries.ok) return this.failCard(tries.error);
    if (tries.value === 0) return this.fail('CARD_PIN_BLOCKED');
    this.working.textAp = textAp.value;
    this.askPin(textAp.value, tries.value, false);
  }

  /** Shows the PIN step; with a pinpad reader, also starts PIN entry on the reader. */
  private askPin(textAp: TextApplication, triesLeft: number, lastAttemptWrong: boolean): void {
    const onReaderKeypad = textAp.pinEntry === 'reader_keypad';
    this.show({ step: 'enter_pin', triesLeft, onReaderKeypad, lastAttemptWrong });
    if (onReaderKeypad) void this.verifyPinOnReader(textAp);
  }

  private async verifyPin(pin: string): Promise<void> {
    const epoch = this.epoch;
    const textAp = this.working.textAp;
    if (!textAp) return this.fail('CARD_NOT_PRESENT');
    this.show({ step: 'reading_card' });
    const verified = await textAp.verifyPin(pin);
    if (epoch !== this.epoch) return;
    if (!verified.ok) return this.failCard(verified.error);
    return this.afterPin(textAp, verified.value);
  }

  private async verifyPinOnReader(textAp: TextApplication): Promise<void> {
    const epoch = this.epoch;
    // The reader gives up when the session would: a PIN typed after that must not reach the card.
    const timeoutSeconds = Math.min(255, this.deps.idleTimeoutSeconds);
    const entered = await textAp.verifyPinOnReader({ timeoutSeconds });
    if (epoch !== this.epoch) return;
    if (!entered.ok) return this.failCard(entered.error);
    const result = entered.value;
    if (result.kind === 'cancelled' || result.kind === 'timed_out') {
      this.deps.log(`PIN entry on the reader ended: ${result.kind}`);
      return this.endSession();
    }
    return this.afterPin(textAp, result);
  }

  private async afterPin(textAp: TextApplication, pinResult: PinResult): Promise<void> {
    const epoch = this.epoch;
    if (pinResult.kind === 'blocked') return this.fail('CARD_PIN_BLOCKED');
    if (pinResult.kind === 'wrong') return this.askPin(textAp, pinResult.triesLeft, true);
    if (this.screen.step !== 'reading_card') this.show({ step: 'reading_card' });
    const files = await textAp.readFiles();
    if (epoch !== this.epoch) {
      if (files.ok) wipeCardFiles(files.value);
      return;
    }
    if (!files.ok) return this.failCard(files.error);
    this.working.files = files.value;
    this.show({ step: 'loading_menu' });
    const menu = await this.deps.line.menu(this.working.kind ?? 'vaccination');
    if (epoch !== this.epoch) return;
    if (!menu.ok) return this.fail(menu.error.code);
    this.working.menu = menu.value;
    this.showMenu(menu.value);
  }

  private choose(intent: Extract<Intent, { type: 'choose' }>): Result<void, IntentRefusal> {
    const menu = this.working.menu;
    if (this.screen.step !== 'choose' || !menu) return refused;
    const municipality = menu.municipalities.find((m) => m.code === intent.municipalityCode);
    // The UI only offers what the menu allows; anything else is refused, never trusted.
    if (
      !municipality?.open ||
      !municipality.variants.includes(intent.variant) ||
      intent.copies > menu.maxCopies
    ) {
      return refused;
    }
    this.show({
      step: 'confirm',
      order: {
        municipalityCode: municipality.code,
        municipalityName: municipality.name,
        variant: intent.variant,
        copies: intent.copies,
        feeYen: municipality.feeYen * intent.copies,
      },
    });
    return done;
  }

  private async issue(order: Order): Promise<void> {
    const files = this.working.files;
    if (!files) return this.fail('CARD_NOT_PRESENT');
    // From here on the card's data has done its job: it goes to the centre once and is wiped.
    const kind = this.working.kind ?? 'vaccination';
    this.working = { kind };
    this.paymentTimedOut = false;
    let outcome;
    try {
      const deps = { ...this.deps, outcomes: this.outcomes };
      outcome = await runIssuance(deps, { order, files, kind }, (screen) => this.show(screen));
    } finally {
      wipeCardFiles(files);
    }
    if (!outcome.ok) {
      const failure = outcome.error;
      switch (failure.kind) {
        case 'refused':
          return this.fail(failure.code);
        case 'cancelled':
          // The resident who cancelled is told what came back; after a timeout the kiosk just asks for the card.
          if (this.paymentTimedOut || failure.refundedYen === 0) return this.endSession();
          return this.fail('PAYMENT_FAILED', { reason: 'cancelled', refundedYen: failure.refundedYen });
        case 'payment_failed':
          return this.fail('PAYMENT_FAILED', { reason: failure.reason, refundedYen: failure.refundedYen });
        case 'print_failed':
          return this.fail('PRINT_FAILED', { reason: failure.reason, refundedYen: failure.refundedYen });
      }
    }
    // Without a receipt the certificate still counts; the screens say so until the session ends.
    const receiptFailed = outcome.value.receiptPrinted ? {} : { receiptFailed: true };
    if (this.deps.devices.cardReader.status().kind === 'card_present')
      this.show({ step: 'take_card', printed: true, ...receiptFailed });
    else this.show({ step: 'take_certificate', ...receiptFailed });
  }

  // ── Endings ──────────────────────────────────────────────────────────────────────────────────────────
  private onCardReader(status: CardReaderStatus): void {
    const step = this.screen.step;
    if (status.kind === 'card_present') {
      if (step === 'insert_card') void this.openCard();
      else this.publish();
      return;
    }
    if (step === 'take_card') {
      const { printed, receiptFailed } = this.screen;
      if (printed) this.show({ step: 'take_certificate', ...(receiptFailed ? { receiptFailed } : {}) });
      else this.reset();
    } else if (step === 'failed') {
      this.show({ ...this.screen, cardPresent: false });
    } else if (['enter_pin', 'reading_card', 'loading_menu', 'choose', 'confirm'].includes(step)) {
      // The resident took the card away before confirming: that ends the session.
      this.reset();
    } else {
      this.publish();
    }
  }

  private showMenu(menu: Menu): void {
    this.show({
      step: 'choose',
      municipalities: menu.municipalities.map(toChoice),
      maxCopies: menu.maxCopies,
    });
  }

  private failCard(error: CardError): void {
    // Card errors carry status words and file names only, never the PIN or card data.
    this.deps.log(`card: ${describeCardError(error)}`);
    this.fail(cardErrorCode(error));
  }

  /** `reason` and `refundedYen` let the UI say what happened to the money ("no paper: your ¥120 is returned"). */
  private fail(code: ErrorCode, extra: { reason?: string; refundedYen?: number | undefined } = {}): void {
    this.dropWorking();
    const cardPresent = this.deps.devices.cardReader.status().kind === 'card_present';
    const { reason, refundedYen } = extra;
    this.show({
      step: 'failed',
      code,
      messageKey: errorBody(code).error.messageKey,
      cardPresent,
      ...(reason === undefined ? {} : { reason }),
      ...(refundedYen === undefined ? {} : { refundedYen }),
    });
  }

  /** Cancel or give up: the card must come off the reader before the kiosk is free again. */
  private endSession(): void {
    if (this.deps.devices.cardReader.status().kind === 'card_present') {
      this.dropWorking();
      this.epoch++;
      this.show({ step: 'take_card', printed: false });
    } else {
      this.reset();
    }
  }

  private reset(): void {
    this.epoch++;
    this.dropWorking();
    this.show({ step: 'idle' });
  }

  /** Forgets the session's working data; the card files are zero-filled, not just dropped. */
  private dropWorking(): void {
    if (this.working.files) wipeCardFiles(this.working.files);
    this.working = {};
  }

  // ── Publishing and the idle timeout ──────────────────────────────────────────────────────────────────
  private show(screen: SessionStep): void {
    this.screen = screen;
    this.clearIdleTimer();
    if (WAITING.has(screen.step)) {
      const ms = this.deps.idleTimeoutSeconds * 1000;
      this.idleDeadline = Date.now() + ms;
      this.idleTimer = setTimeout(() => this.onIdleTimeout(), ms);
      this.idleTimer.unref();
    }
    this.publish();
  }

  private onIdleTimeout(): void {
    this.idleTimer = undefined;
    this.idleDeadline = undefined;
    this.deps.log(`session timed out at step ${this.screen.step}`);
    // A resident who walks away while paying gets the money back in the tray; the issuance then ends itself.
    if (this.screen.step === 'payment') {
      this.paymentTimedOut = true;
      this.deps.devices.payment.cancel();
      return;
    }
    // A card left on the reader keeps the kiosk asking for it to be taken; anything else returns to the start.
    if (this.screen.step === 'take_certificate') this.reset();
    else this.endSession();
  }

  private clearIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    this.idleDeadline = undefined;
  }

  private publish(): void {
    this.revision++;
    const snapshot = this.snapshot();
    for (const listener of this.listeners) listener(snapshot);
  }
}

const done: Result<void, never> = { ok: true, value: undefined };
const refused: Result<never, IntentRefusal> = { ok: false, error: 'INTENT_NOT_ALLOWED' };

/** The menu as the resident sees it; a closed one keeps why and when it reopens so the screen can say so. */
function toChoice(m: MenuMunicipality): MenuChoice {
  const { code, name, open, variants, feeYen, notices, opensAt, closedReason } = m;
  return {
    code,
    name,
    open,
    variants,
    feeYen,
    notices,
    ...(open || opensAt === undefined ? {} : { opensAt }),
    ...(open || closedReason === undefined ? {} : { closedReason }),
  };
}
