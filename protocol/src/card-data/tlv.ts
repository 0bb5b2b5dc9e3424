/**
 * BER-TLV as the text application uses it (ISO/IEC 7816-4): tags of one or two bytes (D0, DF21, FF20, 7F21, 5F37),
 * lengths in short form or long form with one or two length bytes (81 xx, 82 xx xx). Nothing longer occurs on the
 * card, so anything longer is refused as malformed rather than half-supported.
 */
import { ok } from '../result.js';
import { malformed, type CardDataResult } from './error.js';

export interface Tlv {
  /** The tag as a number: 0xD0, 0xDF21, 0x7F21, … */
  readonly tag: number;
  readonly value: Buffer;
  /** The whole TLV (tag, length and value) as it appears in the source. */
  readonly raw: Buffer;
  /** Offsets of the TLV in the buffer it was decoded from. */
  readonly start: number;
  readonly end: number;
}

/** Upper-case hex as tags are written in specifications: `DF22`. */
export const tagHex = (tag: number): string =>
  tag
    .toString(16)
    .toUpperCase()
    .padStart(tag > 0xff ? 4 : 2, '0');

export function encodeTag(tag: number): Buffer {
  if (!Number.isInteger(tag) || tag < 0 || tag > 0xffff) throw new RangeError(`tag out of range: ${tag}`);
  if (tag <= 0xff) {
    // A first byte whose low five bits are all set announces a second tag byte.
    if ((tag & 0x1f) === 0x1f) throw new RangeError(`one-byte tag ${tagHex(tag)} needs a second byte`);
    return Buffer.from([tag]);
  }
  const first = tag >> 8;
  const second = tag & 0xff;
  if ((first & 0x1f) !== 0x1f || (second & 0x80) !== 0)
    throw new RangeError(`not a two-byte tag: ${tagHex(tag)}`);
  return Buffer.from([first, second]);
}

/** Shortest form: short below 128, then 81 xx, then 82 xx xx. */
export function encodeLength(length: number): Buffer {
  if (!Number.isInteger(length) || length < 0) throw new RangeError(`bad length: ${length}`);
  if (length < 0x80) return Buffer.from([length]);
  if (length <= 0xff) return Buffer.from([0x81, length]);
  if (length <= 0xffff) return Buffer.from([0x82, length >> 8, length & 0xff]);
  throw new RangeError(`length too large for the card: ${length}`);
}

/** One TLV; a list of values is concatenated (the children of a constructed tag). */
export function encodeTlv(tag: number, value: Buffer | readonly Buffer[]): Buffer {
  const body = Buffer.isBuffer(value) ? value : Buffer.concat(value);
  return Buffer.concat([encodeTag(tag), encodeLength(body.length), body]);
}

/** Decodes the one TLV that starts at `offset`; it must end inside `source`. */
export function decodeTlv(source: Buffer, offset = 0, where = 'TLV'): CardDataResult<Tlv> {
  let at = offset;
  const first = source[at++];
  if (first === undefined) return malformed(`${where}: truncated before a tag at offset ${offset}`);
  let tag = first;
  if ((first & 0x1f) === 0x1f) {
    const second = source[at++];
    if (second === undefined) return malformed(`${where}: truncated inside a tag at offset ${offset}`);
    if ((second & 0x80) !== 0) return malformed(`${where}: tag longer than two bytes at offset ${offset}`);
    tag = (first << 8) | second;
  }
  const lengthAt = at;
  const lead = source[at++];
  if (lead === undefined) return malformed(`${where}: truncated before the length of ${tagHex(tag)}`);
  let length = lead;
  if (lead >= 0x80) {
    // 80 (indefinite) is not allowed in BER-TLV of cards; more than two length bytes never occurs here.
    const count = lead & 0x7f;
    if (count < 1 || count > 2)
      return malformed(`${where}: unsupported length form ${lead} at offset ${lengthAt}`);
    if (at + count > source.length)
      return malformed(`${where}: truncated inside the length of ${tagHex(tag)}`);
    length = count === 1 ? source.readUInt8(at) : source.readUInt16BE(at);
    at += count;
  }
  const end = at + length;
  if (end > source.length) return malformed(`${where}: ${tagHex(tag)} runs past the end of the data`);
  return ok({ tag, value: source.subarray(at, end), raw: source.subarray(offset, end), start: offset, end });
}

/** Decodes TLVs that fill `source` exactly (the value of a constructed tag). */
export function decodeTlvs(source: Buffer, where = 'TLV'): CardDataResult<Tlv[]> {
  const out: Tlv[] = [];
  let offset = 0;
  while (offset < source.length) {
    const tlv = decodeTlv(source, offset, where);
    if (!tlv.ok) return tlv;
    out.push(tlv.value);
    offset = tlv.value.end;
  }
  return ok(out);
}

/** Decodes exactly the given tags, in this order and nothing else: the layouts here are fixed. */
export function decodeChildren(
  source: Buffer,
  tags: readonly number[],
  where: string,
): CardDataResult<Tlv[]> {
  const decoded = decodeTlvs(source, where);
  if (!decoded.ok) return decoded;
  const found = decoded.value;
  for (const [i, tag] of tags.entries()) {
    const child = found[i];
    if (child === undefined) return malformed(`${where}: ${tagHex(tag)} is missing`);
    if (child.tag !== tag) return malformed(`${where}: expected ${tagHex(tag)}, found ${tagHex(child.tag)}`);
  }
  if (found.length > tags.length)
    return malformed(`${where}: unexpected data after ${tagHex(tags.at(-1) ?? 0)}`);
  return ok(found);
}

/** Readers return whole blocks, so an EF may carry 00 or FF bytes after its one outer TLV. */
export const isPadding = (bytes: Buffer): boolean => bytes.every((b) => b === 0x00 || b === 0xff);

/** Decodes an EF: one TLV with the expected tag at offset 0, then nothing but padding. */
export function decodeFile(file: Buffer, tag: number, where: string): CardDataResult<Tlv> {
  const tlv = decodeTlv(file, 0, where);
  if (!tlv.ok) return tlv;
  if (tlv.value.tag !== tag)
    return malformed(`${where}: expected ${tagHex(tag)}, found ${tagHex(tlv.value.tag)}`);
  if (!isPadding(file.subarray(tlv.value.end)))
    return malformed(`${where}: unexpected data after ${tagHex(tag)}`);
  return tlv;
}
