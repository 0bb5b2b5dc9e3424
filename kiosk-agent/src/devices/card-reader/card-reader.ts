/**
 * The card reader, as the session machine sees it: whether a card is on it, and the card's text application
 * (券面事項入力補助AP). A PC/SC implementation and a simulated one implement this; the factory picks one.
 */
import type { Result } from '@kiosk/protocol';
import type { CardError } from './card-error.js';

export type { CardError } from './card-error.js';
export { cardErrorCode, describeCardError } from './card-error.js';

export type CardReaderStatus =
  | { kind: 'no_reader' }
  | { kind: 'no_card' }
  | { kind: 'card_present' }
  | { kind: 'card_error'; detail: string }
  | { kind: 'service_down'; detail: string };

/**
 * The files the centre needs, as read and checked against the text application's format. Kept in memory only, for
 * one session, and zero-filled when it ends (`wipeCardFiles`).
 */
export interface CardFiles {
  readonly ef0001: Uint8Array;
  readonly ef0002: Uint8Array;
  readonly ef0003: Uint8Array;
  readonly ef0004: Uint8Array;
  /** Present only on cards that have an EF 0005; its content is not sent to the centre. */
  readonly ef0005?: Uint8Array;
}

export type PinResult = { kind: 'verified' } | { kind: 'wrong'; triesLeft: number } | { kind: 'blocked' };
/** PIN entry on the reader's own keypad can also end without a PIN: the resident cancels or types nothing. */
export type KeypadPinResult = PinResult | { kind: 'cancelled' } | { kind: 'timed_out' };

/** Where the resident types the PIN: on the kiosk's screen, or on a pinpad reader (the PIN never leaves it). */
export type PinEntry = 'on_screen' | 'reader_keypad';

export interface TextApplication {
  readonly pinEntry: PinEntry;
  /** Tries left, read without using one (VERIFY with no data); 0 when the PIN is blocked. */
  pinTriesLeft(): Promise<Result<number, CardError>>;
  /** Four ASCII digits typed on the screen. */
  verifyPin(pin: string): Promise<Result<PinResult, CardError>>;
  /** Lets the resident type the PIN on the reader's keypad (only when `pinEntry` is `reader_keypad`). */
  verifyPinOnReader(options: { timeoutSeconds: number }): Promise<Result<KeypadPinResult, CardError>>;
  /** EF 0001–0004 (and 0005 when the card has one), each checked; needs a verified PIN. */
  readFiles(): Promise<Result<CardFiles, CardError>>;
}

export interface CardReader {
  status(): CardReaderStatus;
  /** Called on every status change (card put on or taken off, reader lost…). Returns an unsubscribe function. */
  onStatus(listener: (status: CardReaderStatus) => void): () => void;
  /** Selects the text application on the card now on the reader. */
  openTextApplication(): Promise<Result<TextApplication, CardError>>;
  close(): Promise<void>;
}

/** Zero-fills every file: card data must not linger in memory after the session that needed it. */
export function wipeCardFiles(files: CardFiles): void {
  for (const file of [files.ef0001, files.ef0002, files.ef0003, files.ef0004, files.ef0005]) file?.fill(0);
}
