/** A simulated coin acceptor for the demo: the exact fee is "inserted" at once. */
import type { DeviceStatus, Result } from '@kiosk/protocol';
import type { PaymentDevice } from './payment.js';

export class SimulatedPayment implements PaymentDevice {
  private held = 0;
  /** Money kept for printed certificates, and money given back; the demo and tests read these. */
  settledYen = 0;
  refundedYen = 0;

  status(): DeviceStatus {
    return { kind: 'ready' };
  }

  async collect(amountYen: number): Promise<Result<{ paidYen: number }, 'PAYMENT_FAILED'>> {
    this.held = amountYen;
    return { ok: true, value: { paidYen: amountYen } };
  }

  async refund(): Promise<void> {
    this.refundedYen += this.held;
    this.held = 0;
  }

  async settle(): Promise<void> {
    this.settledYen += this.held;
    this.held = 0;
  }
}
