/**
 * EF 0001, the My Number: `D0 0C` + 12 ASCII digits. Readers read 17 bytes, so padding may follow. The DF31 digest in
 * EF 0003 covers the D0 TLV exactly, without that padding.
 */
import { ok } from '../result.js';
import { malformed, type CardDataResult } from './error.js';
import { isValidMyNumber } from './my-number.js';
import { decodeFile, encodeTlv } from './tlv.js';

export const TAG_MY_NUMBER = 0xd0;

export interface MyNumberFile {
  readonly myNumber: string;
  /** The D0 TLV as on the card: what DF31 is the digest of. */
  readonly digested: Buffer;
}

/** Encodes the digits as given; the check digit is the caller's business (tests build bad cards on purpose). */
export function encodeEf0001(myNumber: string): Buffer {
  if (!/^[0-9]{12}$/.test(myNumber)) throw new RangeError('a My Number is 12 ASCII digits');
  return encodeTlv(TAG_MY_NUMBER, Buffer.from(myNumber, 'ascii'));
}

export function parseEf0001(file: Buffer): CardDataResult<MyNumberFile> {
  const tlv = decodeFile(file, TAG_MY_NUMBER, 'EF0001');
  if (!tlv.ok) return tlv;
  const { value, raw } = tlv.value;
  if (value.length !== 12 || !value.every((b) => b >= 0x30 && b <= 0x39)) {
    return malformed('EF0001: D0 is not 12 ASCII digits');
  }
  const myNumber = value.toString('ascii');
  if (!isValidMyNumber(myNumber)) return malformed('EF0001: the My Number check digit does not match');
  return ok({ myNumber, digested: Buffer.from(raw) });
}
