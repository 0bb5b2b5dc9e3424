/** The receipt printer (ESC/POS). A receipt carries no personal data; its failure never voids a certificate. */
import type { DeviceStatus, Result } from '@kiosk/protocol';

/** What the resident's receipt (領収書 / ご利用明細) says. Nothing here may identify the resident. */
export interface Receipt {
  readonly kioskId: string;
  /** The certificate kind's code (`vaccination`…); the layout turns it into the printed title. */
  readonly certificateKind: string;
  readonly copies: number;
  /** The total paid, in yen. */
  readonly feeYen: number;
  readonly printedAt: Date;
  /** The kind's variant code (`domestic` / `overseas`), when the kind has variants. */
  readonly variant?: string;
  /** The issued certificates' IDs, for the resident's enquiries: an ID, never a name or a card number. */
  readonly certificateIds?: readonly string[];
}

/** Why a receipt was not printed. */
export type ReceiptFailure = 'no_paper' | 'cover_open' | 'offline' | 'error';

export interface ReceiptPrinter {
  status(): DeviceStatus;
  print(receipt: Receipt): Promise<Result<void, ReceiptFailure>>;
}

/** The demo's receipt printer: accepts every receipt and prints nothing, unless the demo dock took its paper out. */
export class SimulatedReceiptPrinter implements ReceiptPrinter {
  /** How many receipts it "printed": a count, not the receipts, so a long-running demo holds no more memory. */
  printedCount = 0;
  fault: 'none' | 'no_paper' = 'none';

  status(): DeviceStatus {
    return this.fault === 'no_paper' ? { kind: 'no_paper' } : { kind: 'ready' };
  }

  async print(_receipt: Receipt): Promise<Result<void, ReceiptFailure>> {
    if (this.fault === 'no_paper') return { ok: false, error: 'no_paper' };
    this.printedCount += 1;
    return { ok: true, value: undefined };
  }
}
