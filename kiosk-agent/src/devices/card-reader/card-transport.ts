/**
 * The APDU link to a card, whatever carries it: pcscd (a real or vpcd reader) or the in-process simulator.
 * The text application's logic is written once against this, so the demo and the real reader behave alike.
 */
import type { Result } from '@kiosk/protocol';

/** A response APDU split into data and status word (SW1 SW2). */
export interface ResponseApdu {
  readonly data: Uint8Array;
  readonly sw: number;
}

export type TransportError =
  | { readonly kind: 'card_removed' }
  | { readonly kind: 'timeout'; readonly ms: number }
  | { readonly kind: 'reader_error'; readonly detail: string };

export interface CardTransport {
  /** Sends one command APDU and returns the card's response; `timeoutMs` bounds this one command. */
  transmit(command: Uint8Array, timeoutMs?: number): Promise<Result<ResponseApdu, TransportError>>;
  /** PC/SC Part 10 features the reader offers (feature tag → control code); empty when none or unsupported. */
  features(): Promise<ReadonlyMap<number, number>>;
  /** SCardControl, for Part 10 features such as VERIFY_PIN_DIRECT. */
  control(code: number, data: Uint8Array, timeoutMs?: number): Promise<Result<Uint8Array, TransportError>>;
  /** Ends the exclusive connection. */
  disconnect(): Promise<void>;
}
