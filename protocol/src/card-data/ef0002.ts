/**
 * EF 0002, the four items: `FF 20` {DF21 header, DF22 name, DF23 address, DF24 birth date YYYYMMDD, DF25 sex}.
 * Name and address are UTF-8 and may be long enough for long-form lengths. The DF32 digest in EF 0003 covers the
 * bytes from the DF22 tag to the end of the FF20 value, so the header is not protected and is kept opaque.
 */
import { ok } from '../result.js';
import { malformed, type CardDataResult } from './error.js';
import { cardDateFromIso, isoDateFromCard, sexCode, sexFromCode, type HolderInfo } from './holder.js';
import { decodeChildren, decodeFile, encodeTlv } from './tlv.js';

export const TAG_HOLDER_INFO = 0xff20;
export const TAG_HEADER = 0xdf21;
export const TAG_NAME = 0xdf22;
export const TAG_ADDRESS = 0xdf23;
export const TAG_BIRTH_DATE = 0xdf24;
export const TAG_SEX = 0xdf25;

/** The header's meaning is not published; cards built here carry this placeholder. */
export const DEFAULT_HEADER: Buffer = Buffer.from([0x00, 0x00, 0x00]);

export interface HolderInfoFile extends HolderInfo {
  readonly header: Buffer;
  /** DF22 up to the end of the FF20 value: what DF32 is the digest of. */
  readonly digested: Buffer;
}

/** The DF22…DF25 TLVs, i.e. the digested part of the file. */
export function encodeHolderFields(info: HolderInfo): Buffer {
  if (info.name.length === 0 || info.address.length === 0)
    throw new RangeError('name and address are required');
  return Buffer.concat([
    encodeTlv(TAG_NAME, Buffer.from(info.name, 'utf8')),
    encodeTlv(TAG_ADDRESS, Buffer.from(info.address, 'utf8')),
    encodeTlv(TAG_BIRTH_DATE, Buffer.from(cardDateFromIso(info.birthDate), 'ascii')),
    encodeTlv(TAG_SEX, Buffer.from(sexCode(info.sex), 'ascii')),
  ]);
}

export function encodeEf0002(info: HolderInfo, header: Buffer = DEFAULT_HEADER): Buffer {
  return encodeTlv(TAG_HOLDER_INFO, [encodeTlv(TAG_HEADER, header), encodeHolderFields(info)]);
}

// fatal: a byte sequence that is not UTF-8 is refused instead of turned into replacement characters.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeText(bytes: Buffer): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

export function parseEf0002(file: Buffer): CardDataResult<HolderInfoFile> {
  const outer = decodeFile(file, TAG_HOLDER_INFO, 'EF0002');
  if (!outer.ok) return outer;
  const fields = [TAG_HEADER, TAG_NAME, TAG_ADDRESS, TAG_BIRTH_DATE, TAG_SEX];
  const children = decodeChildren(outer.value.value, fields, 'EF0002');
  if (!children.ok) return children;
  const [header, nameTlv, addressTlv, birthTlv, sexTlv] = children.value;
  if (!header || !nameTlv || !addressTlv || !birthTlv || !sexTlv) return malformed('EF0002: fields missing');

  const name = decodeText(nameTlv.value);
  if (!name) return malformed('EF0002: DF22 is empty or not UTF-8');
  const address = decodeText(addressTlv.value);
  if (!address) return malformed('EF0002: DF23 is empty or not UTF-8');
  const birthDate =
    birthTlv.value.length === 8 ? isoDateFromCard(birthTlv.value.toString('latin1')) : undefined;
  if (!birthDate) return malformed('EF0002: DF24 is not a date YYYYMMDD');
  const sex = sexTlv.value.length === 1 ? sexFromCode(sexTlv.value.toString('latin1')) : undefined;
  if (!sex) return malformed('EF0002: DF25 is not 1, 2 or 9');

  return ok({
    header: Buffer.from(header.value),
    name,
    address,
    birthDate,
    sex,
    digested: Buffer.from(outer.value.value.subarray(nameTlv.start)),
  });
}
