/**
 * Kiosk UI ↔ kiosk agent, on loopback only. The agent owns the session state machine; the UI renders the snapshot
 * it receives on the event stream and sends the resident's intents. The UI holds no business rules.
 */
import { Type, type Static } from 'typebox';
import { CertificateKind, Language, Localized, MunicipalityCode, Variant } from './common.js';
import { ErrorCodeSchema } from './errors.js';

export const AGENT_PATHS = {
  /** text/event-stream of AgentEvent, the current snapshot first. */
  events: '/api/events',
  state: '/api/state',
  intents: '/api/intents',
  /** Demo dock (dev builds only): list demo cards, put one on the simulated reader, take it off. */
  devCards: '/api/dev/cards',
  devCardInsert: '/api/dev/cards/insert',
  devCardRemove: '/api/dev/cards/remove',
  /** Demo dock (dev builds only): the simulated payment device and printers. GET the state, POST a change. */
  devDevices: '/api/dev/devices',
  devCoinInsert: '/api/dev/payment/insert',
  devPayment: '/api/dev/payment',
  devA4Printer: '/api/dev/a4-printer',
  devReceiptPrinter: '/api/dev/receipt-printer',
} as const;

// ── Devices ───────────────────────────────────────────────────────────────────────────────────────────
/** Every device reports one of these; `detail` is a short reason for operators, never applicant data. */
export const DeviceStatus = Type.Union([
  Type.Object({ kind: Type.Literal('ready') }),
  Type.Object({ kind: Type.Literal('busy') }),
  Type.Object({ kind: Type.Literal('no_paper') }),
  Type.Object({ kind: Type.Literal('paper_low') }),
  Type.Object({ kind: Type.Literal('cover_open') }),
  Type.Object({ kind: Type.Literal('jam') }),
  Type.Object({ kind: Type.Literal('no_reader') }),
  Type.Object({ kind: Type.Literal('offline') }),
  Type.Object({ kind: Type.Literal('error'), detail: Type.String() }),
]);
export type DeviceStatus = Static<typeof DeviceStatus>;

export const DeviceStatuses = Type.Object({
  cardReader: DeviceStatus,
  a4Printer: DeviceStatus,
  receiptPrinter: DeviceStatus,
  payment: DeviceStatus,
});
export type DeviceStatuses = Static<typeof DeviceStatuses>;

// ── Session state ─────────────────────────────────────────────────────────────────────────────────────
const MenuChoice = Type.Object({
  code: MunicipalityCode,
  name: Localized,
  open: Type.Boolean(),
  /** When a closed one opens next (ISO 8601 with +09:00), as the centre's menu says; absent if not within 14 days. */
  opensAt: Type.Optional(Type.String()),
  /** Why it is closed now, so the UI can say so: outside its hours, 年末年始, a closure day, maintenance. */
  closedReason: Type.Optional(
    Type.Union([
      Type.Literal('hours'),
      Type.Literal('new_year'),
      Type.Literal('closure_date'),
      Type.Literal('maintenance'),
    ]),
  ),
  variants: Type.Array(Variant),
  feeYen: Type.Integer(),
  notices: Type.Array(Localized),
});
export type MenuChoice = Static<typeof MenuChoice>;

const Order = Type.Object({
  municipalityCode: MunicipalityCode,
  municipalityName: Localized,
  variant: Variant,
  copies: Type.Integer({ minimum: 1 }),
  feeYen: Type.Integer({ minimum: 0, description: 'Total' }),
});
export type Order = Static<typeof Order>;

const step = <S extends string>(name: S) => Type.Literal(name);

/** What the resident sees now. One variant per screen; the names are the session machine's states. */
export const SessionStep = Type.Union([
  Type.Object({ step: step('idle') }),
  Type.Object({ step: step('insert_card'), kind: CertificateKind }),
  Type.Object({
    step: step('enter_pin'),
    triesLeft: Type.Integer({ minimum: 0 }),
    /** True when the reader has its own keypad: the UI tells the resident to type there. */
    onReaderKeypad: Type.Boolean(),
    lastAttemptWrong: Type.Boolean(),
  }),
  Type.Object({ step: step('reading_card') }),
  Type.Object({ step: step('loading_menu') }),
  Type.Object({ step: step('choose'), municipalities: Type.Array(MenuChoice), maxCopies: Type.Integer() }),
  Type.Object({ step: step('confirm'), order: Order }),
  Type.Object({ step: step('issuing'), order: Order }),
  Type.Object({
    step: step('payment'),
    order: Order,
    /** Money inserted so far (投入金額), live as coins go in; the resident may cancel and gets it all back. */
    insertedYen: Type.Integer({ minimum: 0 }),
    /** Change (おつり) being paid out, once more than the fee was inserted. */
    changeYen: Type.Optional(Type.Integer({ minimum: 0 })),
  }),
  Type.Object({ step: step('printing'), order: Order }),
  Type.Object({
    step: step('take_card'),
    printed: Type.Boolean(),
    /** The certificate printed but the receipt (領収書) did not: the UI says so; staff can hand one out. */
    receiptFailed: Type.Optional(Type.Boolean()),
  }),
  Type.Object({ step: step('take_certificate'), receiptFailed: Type.Optional(Type.Boolean()) }),
  Type.Object({
    step: step('failed'),
    code: ErrorCodeSchema,
    messageKey: Type.String(),
    /** The card is still on the reader: the UI asks for it to be taken before anything else. */
    cardPresent: Type.Boolean(),
    /** The device's reason for PRINT_FAILED or PAYMENT_FAILED (no_paper, jam, offline, …), for the message shown. */
    reason: Type.Optional(Type.String({ pattern: '^[a-z_]+$' })),
    /** Money given back to the resident (返金), when any had been paid. */
    refundedYen: Type.Optional(Type.Integer({ minimum: 0 })),
  }),
]);
export type SessionStep = Static<typeof SessionStep>;
export type SessionStepName = SessionStep['step'];

export const SessionSnapshot = Type.Object({
  /** Increases with every change, so the UI can drop stale snapshots. */
  revision: Type.Integer({ minimum: 0 }),
  language: Language,
  screen: SessionStep,
  devices: DeviceStatuses,
  /** Seconds until the idle timeout wipes the session, when one is running. */
  idleTimeoutSeconds: Type.Optional(Type.Integer({ minimum: 0 })),
  /** True when the agent runs with the demo dock (simulated devices). */
  demo: Type.Boolean(),
});
export type SessionSnapshot = Static<typeof SessionSnapshot>;

// ── Intents (resident → agent) ────────────────────────────────────────────────────────────────────────
export const Intent = Type.Union([
  Type.Object({ type: Type.Literal('set_language'), language: Language }),
  Type.Object({ type: Type.Literal('start'), kind: CertificateKind }),
  /** Four digits, sent once on "OK"; the agent passes them to the card and forgets them. */
  Type.Object({ type: Type.Literal('submit_pin'), pin: Type.String({ pattern: '^[0-9]{4}$' }) }),
  Type.Object({
    type: Type.Literal('choose'),
    municipalityCode: MunicipalityCode,
    variant: Variant,
    copies: Type.Integer({ minimum: 1, maximum: 10 }),
  }),
  Type.Object({ type: Type.Literal('confirm') }),
  Type.Object({ type: Type.Literal('back') }),
  Type.Object({ type: Type.Literal('cancel') }),
  /** "I have my certificate": ends the session. */
  Type.Object({ type: Type.Literal('acknowledge') }),
]);
export type Intent = Static<typeof Intent>;

// ── Events (agent → UI) ───────────────────────────────────────────────────────────────────────────────
export const AgentEvent = Type.Union([
  Type.Object({ type: Type.Literal('snapshot'), snapshot: SessionSnapshot }),
  Type.Object({ type: Type.Literal('device'), device: Type.String(), status: DeviceStatus }),
]);
export type AgentEvent = Static<typeof AgentEvent>;

// ── Demo dock ─────────────────────────────────────────────────────────────────────────────────────────
export const DemoCard = Type.Object({
  id: Type.String(),
  label: Type.String({
    description: 'Who the card belongs to and what it shows, e.g. "Sato Hanako: 3 doses"',
  }),
  pin: Type.String({ description: 'Demo PIN, shown in the dock so a demo user can type it' }),
});
export type DemoCard = Static<typeof DemoCard>;
export const DemoCardInsert = Type.Object({ id: Type.String() });
export const DemoDock = Type.Object({
  cards: Type.Array(DemoCard),
  inserted: Type.Union([Type.String(), Type.Null()]),
});
export type DemoDock = Static<typeof DemoDock>;

/** What the simulated coin acceptor takes: 10, 50, 100, 500 yen coins and 1000 yen notes. */
export const DEMO_COINS_YEN = [10, 50, 100, 500, 1000] as const;
export const DemoCoinInsert = Type.Object({
  yen: Type.Union([
    Type.Literal(10),
    Type.Literal(50),
    Type.Literal(100),
    Type.Literal(500),
    Type.Literal(1000),
  ]),
});
export type DemoCoinInsert = Static<typeof DemoCoinInsert>;
/** Auto-pay: the simulated acceptor takes the exact fee by itself, so a demo needs no coins. */
export const DemoPaymentSet = Type.Object({ autoPay: Type.Boolean() });
export type DemoPaymentSet = Static<typeof DemoPaymentSet>;
/** Faults a demo user can put on the simulated printers; `none` puts the paper back (or clears the jam). */
export const DemoA4Fault = Type.Union([Type.Literal('none'), Type.Literal('no_paper'), Type.Literal('jam')]);
export type DemoA4Fault = Static<typeof DemoA4Fault>;
export const DemoReceiptFault = Type.Union([Type.Literal('none'), Type.Literal('no_paper')]);
export type DemoReceiptFault = Static<typeof DemoReceiptFault>;
export const DemoA4PrinterSet = Type.Object({ fault: DemoA4Fault });
export const DemoReceiptPrinterSet = Type.Object({ fault: DemoReceiptFault });
export const DemoDevices = Type.Object({
  autoPay: Type.Boolean(),
  /** The denominations the coin slot takes. */
  coinsYen: Type.Array(Type.Integer()),
  /** Money in the acceptor for the current payment. */
  insertedYen: Type.Integer({ minimum: 0 }),
  a4Printer: DemoA4Fault,
  receiptPrinter: DemoReceiptFault,
});
export type DemoDevices = Static<typeof DemoDevices>;
