/**
 * What the session machine needs from the outside: devices, the line and the counters. Tests and the demo pass
 * their own.
 */
import type {
  CertificateKind,
  IssuanceRequest,
  IssuanceResponse,
  Menu,
  OutcomeRequest,
  Result,
} from '@kiosk/protocol';
import type { A4Printer } from '../devices/a4-printer/a4-printer.js';
import type { CardReader } from '../devices/card-reader/card-reader.js';
import type { PaymentDevice } from '../devices/payment/payment.js';
import type { ReceiptPrinter } from '../devices/receipt-printer/receipt-printer.js';
import type { Counting } from '../health/counters.js';
import type { Timers } from '../health/timers.js';
import type { LineError } from '../line/client.js';

export interface LineApi {
  menu(kind: CertificateKind): Promise<Result<Menu, LineError>>;
  issue(request: IssuanceRequest): Promise<Result<IssuanceResponse, LineError>>;
  outcome(certificateId: string, outcome: OutcomeRequest): Promise<Result<unknown, LineError>>;
}

export interface Devices {
  readonly cardReader: CardReader;
  readonly a4Printer: A4Printer;
  readonly receiptPrinter: ReceiptPrinter;
  readonly payment: PaymentDevice;
}

export interface SessionDeps {
  readonly devices: Devices;
  readonly line: LineApi;
  readonly kioskId: string;
  readonly idleTimeoutSeconds: number;
  readonly demo: boolean;
  readonly newRequestId: () => string;
  readonly log: (message: string) => void;
  /** What happened, for the heartbeat: prints, failures, sessions. */
  readonly counters: Counting;
  /** For the outcome retries; the real timers unless a test passes fake ones. */
  readonly timers?: Timers;
}
