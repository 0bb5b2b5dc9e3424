/**
 * The reader's answer to VERIFY_PIN_DIRECT: the card's response APDU to the VERIFY the reader sent, or the
 * reader's own status word when no PIN was sent (`64 00` entry timed out, `64 01` cancelled on the keypad).
 */
import type { Result } from '@kiosk/protocol';
import type { CardError } from '../../card-error.js';
import type { KeypadPinResult } from '../../card-reader.js';
import { pinResultFromSw } from '../pin-status.js';
import { parseResponseApdu } from '../response.js';
import { SW, swHex } from '../status-words.js';

/** `6B 80`: the reader refused the PIN_VERIFY_STRUCTURE itself. */
const READER_REFUSED_STRUCTURE = 0x6b80;

export function keypadPinResult(answer: Uint8Array): Result<KeypadPinResult, CardError> {
  const response = parseResponseApdu(answer);
  if (!response.ok) return { ok: false, error: { kind: 'reader_error', detail: response.error.detail } };
  const { sw } = response.value;
  if (sw === SW.KEYPAD_TIMEOUT) return { ok: true, value: { kind: 'timed_out' } };
  if (sw === SW.KEYPAD_CANCELLED) return { ok: true, value: { kind: 'cancelled' } };
  if (sw === READER_REFUSED_STRUCTURE)
    return { ok: false, error: { kind: 'reader_error', detail: 'PIN_VERIFY_STRUCTURE refused (6B80)' } };
  const result = pinResultFromSw(sw);
  if (!result) return { ok: false, error: { kind: 'card_error', detail: `keypad VERIFY: ${swHex(sw)}` } };
  return { ok: true, value: result };
}
