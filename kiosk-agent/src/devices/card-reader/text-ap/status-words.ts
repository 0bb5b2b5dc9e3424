/**
 * ISO/IEC 7816-4 status words (SW1 SW2) as the text application uses them, and what each means to the kiosk.
 * Only the ones the card is known to answer are named; anything else is an unexpected answer.
 */

export const SW = {
  OK: 0x9000,
  /** Warning: end of file reached before Le bytes were read. */
  END_OF_FILE: 0x6282,
  WRONG_LENGTH: 0x6700,
  SECURITY_NOT_SATISFIED: 0x6982,
  AUTH_METHOD_BLOCKED: 0x6983,
  /** Reference data not usable: the PIN is blocked. */
  PIN_BLOCKED: 0x6984,
  CONDITIONS_NOT_SATISFIED: 0x6985,
  NO_CURRENT_EF: 0x6986,
  FUNCTION_NOT_SUPPORTED: 0x6a81,
  FILE_NOT_FOUND: 0x6a82,
  WRONG_P1P2: 0x6a86,
  /** Offset outside the file. */
  WRONG_OFFSET: 0x6b00,
  INS_NOT_SUPPORTED: 0x6d00,
  CLA_NOT_SUPPORTED: 0x6e00,
  NO_DIAGNOSIS: 0x6f00,
  /** PC/SC Part 10: the reader's PIN entry timed out / was cancelled on the keypad. */
  KEYPAD_TIMEOUT: 0x6400,
  KEYPAD_CANCELLED: 0x6401,
} as const;

/** `61 xx`: xx more bytes wait to be fetched with GET RESPONSE (00 means 256). */
export const moreDataAvailable = (sw: number): number | undefined =>
  sw >> 8 === 0x61 ? sw & 0xff || 0x100 : undefined;

/** `6C xx`: wrong Le, the right one is xx (00 means 256). */
export const exactLength = (sw: number): number | undefined =>
  sw >> 8 === 0x6c ? sw & 0xff || 0x100 : undefined;

/** `63 Cx`: the PIN was not verified, x tries are left. */
export const pinTriesFromSw = (sw: number): number | undefined =>
  (sw & 0xfff0) === 0x63c0 ? sw & 0x0f : undefined;

export const isBlockedSw = (sw: number): boolean => sw === SW.PIN_BLOCKED || sw === SW.AUTH_METHOD_BLOCKED;

/** `6A82` for file not found; the hex is what operators look up. */
export const swHex = (sw: number): string => sw.toString(16).toUpperCase().padStart(4, '0');
