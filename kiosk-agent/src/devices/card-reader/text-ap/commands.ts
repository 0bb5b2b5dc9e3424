/**
 * The command APDUs of the text application (券面事項入力補助AP), byte for byte as the card expects them.
 */
import { encodeCommandApdu } from './apdu.js';

/** AID of the text application. */
export const TEXT_AP_AID: Uint8Array = Uint8Array.of(
  0xd3,
  0x92,
  0x10,
  0x00,
  0x31,
  0x00,
  0x01,
  0x01,
  0x04,
  0x08,
);

export const PIN_DIGITS = 4;
/** The PIN is referenced as P2 = 80 (a PIN local to the selected application, EF 0011). */
const PIN_REFERENCE = 0x80;
/** Largest offset READ BINARY can name without an SFI (P1 bit 8 must stay clear). */
export const MAX_OFFSET = 0x7fff;

/** `00 A4 04 0C 0A <AID>`: select by name, no FCI wanted. */
export const selectTextAp = (): Uint8Array =>
  encodeCommandApdu({ cla: 0x00, ins: 0xa4, p1: 0x04, p2: 0x0c, data: TEXT_AP_AID });

/** `00 A4 02 0C 02 <FID>`: select an EF under the current application. */
export function selectEf(fid: number): Uint8Array {
  if (!Number.isInteger(fid) || fid < 0 || fid > 0xffff) throw new RangeError(`bad file id: ${fid}`);
  return encodeCommandApdu({
    cla: 0x00,
    ins: 0xa4,
    p1: 0x02,
    p2: 0x0c,
    data: Uint8Array.of(fid >> 8, fid & 0xff),
  });
}

/** `00 20 00 80`: VERIFY without data asks for the tries left and uses none. */
export const verifyStatus = (): Uint8Array => Uint8Array.of(0x00, 0x20, 0x00, PIN_REFERENCE);

/** `00 20 00 80 04 <digits>`. The caller zero-fills the result once it is sent: it holds the PIN. */
export function verifyPin(pin: string): Uint8Array {
  // The session only passes 4 digits (the intent's schema says so); anything else is a bug upstream.
  if (!/^[0-9]{4}$/.test(pin)) throw new RangeError('the PIN must be 4 ASCII digits');
  const command = Uint8Array.of(0x00, 0x20, 0x00, PIN_REFERENCE, PIN_DIGITS, 0, 0, 0, 0);
  for (let i = 0; i < PIN_DIGITS; i++) command[5 + i] = pin.charCodeAt(i);
  return command;
}

/** `00 20 00 80 04` with 4 placeholder bytes: the VERIFY a pinpad reader completes with the typed digits. */
export const verifyPinTemplate = (): Uint8Array =>
  Uint8Array.of(0x00, 0x20, 0x00, PIN_REFERENCE, PIN_DIGITS, 0x30, 0x30, 0x30, 0x30);

/** `00 B0 <off hi> <off lo> <Le>`, Le 1–256 (256 is sent as 00). */
export function readBinary(offset: number, le: number): Uint8Array {
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET)
    throw new RangeError(`READ BINARY offset out of range: ${offset}`);
  return encodeCommandApdu({ cla: 0x00, ins: 0xb0, p1: offset >> 8, p2: offset & 0xff, data: none, le });
}

/** `00 C0 00 00 <Le>`: fetches what a `61 xx` announced. */
export const getResponse = (le: number): Uint8Array =>
  encodeCommandApdu({ cla: 0x00, ins: 0xc0, p1: 0x00, p2: 0x00, data: none, le });

const none = new Uint8Array(0);
