/** The receipt printer (ESC/POS). A receipt carries no personal data; its failure never voids a certificate. */
import type { DeviceStatus, Result } from '@kiosk/protocol';

export interface Receipt {
  readonly kioskId: string;
  readonly certificateKind: string;
  readonly copies: number;
  readonly feeYen: number;
  readonly printedAt: Date;
}

export interface ReceiptPrinter {
  status(): DeviceStatus;
  print(receipt: Receipt): Promise<Result<void, 'no_paper' | 'offline' | 'error'>>;
}

/** The demo's receipt printer: accepts every receipt and prints nothing. */
export class SimulatedReceiptPrinter implements ReceiptPrinter {
  readonly printed: Receipt[] = [];

  status(): DeviceStatus {
    return { kind: 'ready' };
  }

  async print(receipt: Receipt): Promise<Result<void, never>> {
    this.printed.push(receipt);
    return { ok: true, value: undefined };
  }
}
