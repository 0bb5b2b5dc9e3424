import { describe, expect, it } from 'vitest';
import {
  decodeChildren,
  decodeFile,
  decodeTlv,
  decodeTlvs,
  encodeLength,
  encodeTag,
  encodeTlv,
  tagHex,
} from './tlv.js';

const hex = (s: string): Buffer => Buffer.from(s.replaceAll(' ', ''), 'hex');

describe('encoding', () => {
  it('writes one- and two-byte tags', () => {
    expect(encodeTag(0xd0)).toEqual(hex('d0'));
    for (const tag of [0xdf21, 0xff20, 0x7f21, 0x7f4e, 0x5f37]) {
      expect(encodeTag(tag)).toEqual(Buffer.from([tag >> 8, tag & 0xff]));
    }
  });

  it('refuses tags that cannot be written in one or two bytes', () => {
    expect(() => encodeTag(0x1f)).toThrow(RangeError);
    expect(() => encodeTag(0xd021)).toThrow(RangeError);
    expect(() => encodeTag(0xdf81)).toThrow(RangeError);
    expect(() => encodeTag(0x10000)).toThrow(RangeError);
  });

  it('writes the shortest length form', () => {
    expect(encodeLength(0)).toEqual(hex('00'));
    expect(encodeLength(127)).toEqual(hex('7f'));
    expect(encodeLength(128)).toEqual(hex('81 80'));
    expect(encodeLength(255)).toEqual(hex('81 ff'));
    expect(encodeLength(256)).toEqual(hex('82 01 00'));
    expect(encodeLength(0xffff)).toEqual(hex('82 ff ff'));
    expect(() => encodeLength(0x10000)).toThrow(RangeError);
  });

  it('concatenates children of a constructed tag', () => {
    expect(encodeTlv(0xff20, [hex('df21 01 aa'), hex('df22 00')])).toEqual(hex('ff20 07 df2101aa df2200'));
  });
});

describe('decoding', () => {
  it('round-trips every length form', () => {
    for (const size of [0, 1, 127, 128, 255, 256, 1000]) {
      const value = Buffer.alloc(size, 0x5a);
      const tlv = decodeTlv(encodeTlv(0xdf23, value));
      expect(tlv.ok && tlv.value.tag === 0xdf23 && tlv.value.value.equals(value)).toBe(true);
    }
  });

  it('accepts a long form that is longer than needed (BER allows it)', () => {
    const tlv = decodeTlv(hex('d0 81 02 3132'));
    expect(tlv.ok && tlv.value.value.toString()).toBe('12');
  });

  it.each([
    ['empty', ''],
    ['a lone first byte of a two-byte tag', 'df'],
    ['no length', 'd0'],
    ['truncated long length', 'd0 82 01'],
    ['value shorter than its length', 'd0 0c 3132'],
    ['indefinite length', 'ff20 80 0000'],
    ['three length bytes', 'd0 83 000001 00'],
    ['a three-byte tag', 'df 81 01 00'],
  ])('refuses %s', (_name, bytes) => {
    const tlv = decodeTlv(hex(bytes));
    expect(tlv.ok).toBe(false);
    if (!tlv.ok) expect(tlv.error.code).toBe('CARD_DATA_MALFORMED');
  });

  it('reads a sequence that fills the buffer and refuses a cut one', () => {
    const seq = hex('df21 01 aa df22 02 bbcc');
    const tlvs = decodeTlvs(seq);
    expect(tlvs.ok && tlvs.value.map((t) => [tagHex(t.tag), t.start, t.end])).toEqual([
      ['DF21', 0, 4],
      ['DF22', 4, 9],
    ]);
    expect(decodeTlvs(seq.subarray(0, 8)).ok).toBe(false);
  });

  it('wants exactly the expected children in order', () => {
    const seq = hex('df21 01 aa df22 00');
    expect(decodeChildren(seq, [0xdf21, 0xdf22], 'T').ok).toBe(true);
    expect(decodeChildren(seq, [0xdf22, 0xdf21], 'T').ok).toBe(false);
    expect(decodeChildren(seq, [0xdf21, 0xdf22, 0xdf23], 'T').ok).toBe(false);
    expect(decodeChildren(seq, [0xdf21], 'T').ok).toBe(false);
  });

  it('accepts reader padding after the outer TLV of a file, nothing else', () => {
    const file = hex('d0 02 3132');
    expect(decodeFile(file, 0xd0, 'EF').ok).toBe(true);
    expect(decodeFile(Buffer.concat([file, hex('ffffff')]), 0xd0, 'EF').ok).toBe(true);
    expect(decodeFile(Buffer.concat([file, hex('0000')]), 0xd0, 'EF').ok).toBe(true);
    expect(decodeFile(Buffer.concat([file, hex('ff01')]), 0xd0, 'EF').ok).toBe(false);
    expect(decodeFile(Buffer.concat([file, file]), 0xd0, 'EF').ok).toBe(false);
    expect(decodeFile(file, 0xdf21, 'EF').ok).toBe(false);
  });
});
