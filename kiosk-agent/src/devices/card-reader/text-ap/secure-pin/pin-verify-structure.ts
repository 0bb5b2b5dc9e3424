/**
 * PIN_VERIFY_STRUCTURE for FEATURE_VERIFY_PIN_DIRECT, exactly as pcsc-lite's reader.h declares it: packed (no
 * padding), multi-byte fields little-endian (CCID order). The reader prompts on its own keypad, writes the typed
 * digits into the PIN block of the VERIFY APDU in abData and sends it to the card, so the PIN never reaches the
 * kiosk PC.
 *
 *   offset  size  field
 *    0      1     bTimerOut                  seconds to wait for entry (00: reader default)
 *    1      1     bTimerOut2                 seconds after the first key stroke
 *    2      1     bmFormatString             units, PIN position, justification, format
 *    3      1     bmPINBlockString           PIN length size (bits 7–4), PIN block size in bytes (bits 3–0)
 *    4      1     bmPINLengthFormat          where a PIN length would go (unused here)
 *    5      2     wPINMaxExtraDigit          minimum digits << 8 | maximum digits
 *    7      1     bEntryValidationCondition  what ends entry
 *    8      1     bNumberMessage             messages the reader shows
 *    9      2     wLangId                    language of those messages
 *   11      1     bMsgIndex                  which message
 *   12      3     bTeoPrologue               T=1 prologue, zeros
 *   15      4     ulDataLength               length of abData
 *   19      n     abData                     the VERIFY APDU with a placeholder PIN block
 */
import { PIN_DIGITS, verifyPinTemplate } from '../commands.js';

/** bit 7: units are bytes; bits 6–3: PIN at offset 0 after the APDU header; bit 2: left-justified; bits 1–0: ASCII. */
const FORMAT_ASCII_BYTES = 0b1000_0010;
/** No PIN length field in the APDU (bits 7–4 = 0); the PIN block is 4 bytes. */
const PIN_BLOCK_4 = 0x04;
/** Entry ends when the resident presses the reader's OK (validation) key. */
const VALIDATION_KEY = 0x02;
/** Japanese (LANGID 0x0411): the reader's own prompt, on readers that have a display. */
export const LANG_JAPANESE = 0x0411;

export const PIN_VERIFY_HEADER_BYTES = 19;

export interface PinVerifyOptions {
  /** How long the reader waits for the PIN, 1–255 seconds. */
  readonly timeoutSeconds: number;
  readonly langId?: number;
}

export function buildPinVerifyStructure(options: PinVerifyOptions): Uint8Array {
  const timeout = Math.min(255, Math.max(1, Math.round(options.timeoutSeconds)));
  const apdu = verifyPinTemplate();
  const out = new Uint8Array(PIN_VERIFY_HEADER_BYTES + apdu.length);
  const view = new DataView(out.buffer);
  view.setUint8(0, timeout);
  view.setUint8(1, timeout);
  view.setUint8(2, FORMAT_ASCII_BYTES);
  view.setUint8(3, PIN_BLOCK_4);
  view.setUint8(4, 0x00);
  view.setUint16(5, (PIN_DIGITS << 8) | PIN_DIGITS, true);
  view.setUint8(7, VALIDATION_KEY);
  view.setUint8(8, 0x01);
  view.setUint16(9, options.langId ?? LANG_JAPANESE, true);
  view.setUint8(11, 0x00);
  // 12–14: bTeoPrologue stays 00 00 00.
  view.setUint32(15, apdu.length, true);
  out.set(apdu, PIN_VERIFY_HEADER_BYTES);
  return out;
}
