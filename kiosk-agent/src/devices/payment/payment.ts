/** The payment device (coin acceptor, IC money…). The fee is collected before printing and refunded if it fails. */
import type { DeviceStatus, Result } from '@kiosk/protocol';

export interface PaymentDevice {
  status(): DeviceStatus;
  /** Waits until `amountYen` has been paid. */
  collect(amountYen: number): Promise<Result<{ paidYen: number }, 'PAYMENT_FAILED'>>;
  /** Returns everything collected in the current transaction. */
  refund(): Promise<void>;
  /** Keeps the money: the certificate was printed. */
  settle(): Promise<void>;
}
