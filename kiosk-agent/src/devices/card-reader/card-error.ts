/**
 * What can go wrong between the kiosk and the card, as values. The session machine turns each into one of the
 * shared error codes the UI translates; `describeCardError` is the operators' log text. Neither ever carries the
 * PIN or card data: details are status words, file names, lengths and offsets.
 */
import type { ErrorCode } from '@kiosk/protocol';

export type CardError =
  /** The card left the reader (or the reader lost it) during the exchange. */
  | { readonly kind: 'card_removed' }
  /** The card has no text application: not a My Number card. */
  | { readonly kind: 'no_text_ap' }
  | { readonly kind: 'pin_blocked' }
  /** The card refused a read because the PIN is not verified (security status not satisfied). */
  | { readonly kind: 'pin_required' }
  /** A file is not in the text application's format, or ended early. */
  | { readonly kind: 'malformed'; readonly detail: string }
  | { readonly kind: 'timeout'; readonly ms: number }
  /** The card answered with a status word that makes no sense at this step. */
  | { readonly kind: 'card_error'; readonly detail: string }
  | { readonly kind: 'reader_error'; readonly detail: string };

export function cardErrorCode(error: CardError): ErrorCode {
  switch (error.kind) {
    case 'card_removed':
      return 'CARD_NOT_PRESENT';
    case 'no_text_ap':
      return 'CARD_UNSUPPORTED';
    case 'pin_blocked':
      return 'CARD_PIN_BLOCKED';
    case 'malformed':
      return 'CARD_DATA_MALFORMED';
    case 'pin_required':
    case 'timeout':
    case 'card_error':
    case 'reader_error':
      return 'CARD_READ_FAILED';
  }
}

export function describeCardError(error: CardError): string {
  switch (error.kind) {
    case 'malformed':
    case 'card_error':
    case 'reader_error':
      return `${error.kind}: ${error.detail}`;
    case 'timeout':
      return `timeout after ${error.ms} ms`;
    default:
      return error.kind;
  }
}
