/**
 * The card reader, as the session machine sees it: whether a card is on it, and the card's text application
 * (券面事項入力補助AP). A PC/SC implementation and a simulated one implement this; the factory picks one.
 */
import type { ErrorCode, Result } from '@kiosk/protocol';

export type CardReaderStatus =
  | { kind: 'no_reader' }
  | { kind: 'no_card' }
  | { kind: 'card_present' }
  | { kind: 'card_error'; detail: string }
  | { kind: 'service_down'; detail: string };

/** The four files the centre needs, as read from the card. Kept in memory only, for one session. */
export interface CardFiles {
  readonly ef0001: Uint8Array;
  readonly ef0002: Uint8Array;
  readonly ef0003: Uint8Array;
  readonly ef0004: Uint8Array;
}

export type CardError = Extract<ErrorCode, 'CARD_NOT_PRESENT' | 'CARD_READ_FAILED'>;
export type PinResult = { kind: 'verified' } | { kind: 'wrong'; triesLeft: number } | { kind: 'blocked' };

export interface TextApplication {
  /** Tries left, read without using one (VERIFY with no data). */
  pinTriesLeft(): Promise<Result<number, CardError>>;
  verifyPin(pin: string): Promise<Result<PinResult, CardError>>;
  /** EF 0001–0004; needs a verified PIN. */
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
