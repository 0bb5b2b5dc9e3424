/**
 * The PC/SC numbers this layer needs, as pcsc-lite defines them (winscard.h, pcsclite.h, reader.h), and the
 * classification of pcsc-lite's errors into what the reader layer does about them.
 */

/** Reader state bits reported by SCardGetStatusChange (the low 16 bits; the high ones are an event counter). */
export const SCARD_STATE = {
  CHANGED: 0x0002,
  UNKNOWN: 0x0004,
  UNAVAILABLE: 0x0008,
  EMPTY: 0x0010,
  PRESENT: 0x0020,
  EXCLUSIVE: 0x0080,
  INUSE: 0x0100,
  MUTE: 0x0200,
} as const;

export const SCARD_SHARE_EXCLUSIVE = 1;
export const SCARD_PROTOCOL_T0 = 0x0001;
export const SCARD_PROTOCOL_T1 = 0x0002;
export const SCARD_LEAVE_CARD = 0;
/** Resetting on disconnect drops the verified PIN, so nothing else on the PC can use it afterwards. */
export const SCARD_RESET_CARD = 1;

/** The pcsc-lite return codes this layer tells apart. */
export const SCARD_ERROR = {
  CANCELLED: 0x80100002,
  INVALID_HANDLE: 0x80100003,
  UNKNOWN_READER: 0x80100009,
  TIMEOUT: 0x8010000a,
  SHARING_VIOLATION: 0x8010000b,
  NO_SMARTCARD: 0x8010000c,
  PROTO_MISMATCH: 0x8010000f,
  COMM_ERROR: 0x80100013,
  NOT_TRANSACTED: 0x80100016,
  READER_UNAVAILABLE: 0x80100017,
  NO_SERVICE: 0x8010001d,
  SERVICE_STOPPED: 0x8010001e,
  NO_READERS_AVAILABLE: 0x8010002e,
  UNRESPONSIVE_CARD: 0x80100066,
  UNPOWERED_CARD: 0x80100067,
  RESET_CARD: 0x80100068,
  REMOVED_CARD: 0x80100069,
} as const;

/**
 * What a failed call means for the layer: pcscd is gone (recreate the context), the card is gone, the reader is
 * gone, someone else holds the card, or anything else (reported, never retried blindly).
 */
export type ScardFailure = 'service' | 'card_gone' | 'reader_gone' | 'busy' | 'unclear' | 'other';

/** pcsclite's errors carry the code only in the message: "SCardTransmit error: Card was removed.(0x80100069)". */
export function scardCode(error: unknown): number | undefined {
  const match = /\(0x([0-9a-f]{8})\)/i.exec(errorText(error));
  return match?.[1] === undefined ? undefined : Number.parseInt(match[1], 16);
}

export function classifyScardError(error: unknown): ScardFailure {
  switch (scardCode(error)) {
    case SCARD_ERROR.NO_SERVICE:
    case SCARD_ERROR.SERVICE_STOPPED:
    case SCARD_ERROR.COMM_ERROR:
      return 'service';
    case SCARD_ERROR.NO_SMARTCARD:
    case SCARD_ERROR.REMOVED_CARD:
    case SCARD_ERROR.RESET_CARD:
    case SCARD_ERROR.UNPOWERED_CARD:
      return 'card_gone';
    case SCARD_ERROR.UNKNOWN_READER:
    case SCARD_ERROR.READER_UNAVAILABLE:
    case SCARD_ERROR.INVALID_HANDLE:
      return 'reader_gone';
    case SCARD_ERROR.SHARING_VIOLATION:
      return 'busy';
    // The driver lost the exchange: often the card leaving mid-command, which pcscd only notices a moment later.
    case SCARD_ERROR.NOT_TRANSACTED:
    case SCARD_ERROR.UNRESPONSIVE_CARD:
      return 'unclear';
    default:
      return 'other';
  }
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : String(error);
}
