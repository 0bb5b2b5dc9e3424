/**
 * The payment device (coin acceptor, IC money…). The fee is collected before printing and kept (settled) only once
 * the certificate is on paper; a failed print, a cancel or a device fault gives the money back.
 */
import type { DeviceStatus, Result } from '@kiosk/protocol';

/** What the device is doing; one transaction at a time. */
export type PaymentStatus =
  | { readonly kind: 'idle' }
  /** Taking money (投入中): `insertedYen` of `dueYen` so far. */
  | { readonly kind: 'collecting'; readonly dueYen: number; readonly insertedYen: number }
  /** Paid in full and holding the fee until it is settled or refunded. */
  | { readonly kind: 'holding'; readonly heldYen: number }
  | { readonly kind: 'offline' }
  | { readonly kind: 'error'; readonly detail: string };

export interface PaymentProgress {
  readonly insertedYen: number;
}

export interface Paid {
  readonly insertedYen: number;
  /** Paid back at once when more than the fee went in (おつり). */
  readonly changeYen: number;
}

/** Why a collection ended without the fee; whatever had gone in is given back (`returnedYen`). */
export interface CollectFailure {
  readonly reason: 'cancelled' | 'offline' | 'error';
  readonly returnedYen: number;
}

export interface PaymentDevice {
  status(): PaymentStatus;
  onStatus(listener: (status: PaymentStatus) => void): () => void;
  /** Takes money until `dueYen` is paid, reporting each insertion; overpayment comes back as change. */
  collect(
    dueYen: number,
    onProgress: (progress: PaymentProgress) => void,
  ): Promise<Result<Paid, CollectFailure>>;
  /** Ends a running collection: it resolves as `cancelled` with the money returned. False if none is running. */
  cancel(): boolean;
  /** Gives back the fee being held: the certificate did not print. */
  refund(): Promise<Result<{ refundedYen: number }, 'offline' | 'error'>>;
  /** Keeps the fee being held: the certificate is on paper. */
  settle(): Promise<void>;
}

/** The payment device's status as the UI and the heartbeat see every device. */
export function paymentHealth(status: PaymentStatus): DeviceStatus {
  switch (status.kind) {
    case 'idle':
      return { kind: 'ready' };
    case 'collecting':
    case 'holding':
      return { kind: 'busy' };
    case 'offline':
      return { kind: 'offline' };
    case 'error':
      return { kind: 'error', detail: status.detail };
  }
}
