/** Properties of the TLV decoder over generated input: it answers every byte string with a value, never a throw. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFile, decodeTlv, decodeTlvs, encodeTlv } from './tlv.js';

const RUNS = { numRuns: 10_000 };

/** Tags the encoder accepts: one byte whose low five bits are not all set, or two bytes announcing each other. */
const tag = fc.oneof(
  fc.integer({ min: 0, max: 0xff }).filter((t) => (t & 0x1f) !== 0x1f),
  fc
    .tuple(fc.integer({ min: 0, max: 0xff }), fc.integer({ min: 0, max: 0x7f }))
    .map(([first, second]) => (((first | 0x1f) << 8) | second) >>> 0),
);
const value = fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes));
const tlv = fc.tuple(tag, value).map(([t, v]) => ({ tag: t, value: v, encoded: encodeTlv(t, v) }));
/** Bytes that look like the start of a TLV more often than random bytes would: real tags, long-form lengths. */
const tlvLike = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  fc
    .tuple(
      fc.constantFrom([0xd0], [0xff, 0x20], [0x7f, 0x21], [0xdf, 0x22], [0x5f]),
      fc.constantFrom([], [0x81], [0x82], [0x83], [0x80], [0x0c]),
      fc.uint8Array({ maxLength: 300 }),
    )
    .map(([t, l, rest]) => Uint8Array.from([...t, ...l, ...rest])),
);

const malformedOrOk = (result: { ok: boolean; error?: { code: string } }): boolean =>
  result.ok || result.error?.code === 'CARD_DATA_MALFORMED';

describe('TLV decoder properties', () => {
  it('answers any bytes with a TLV or CARD_DATA_MALFORMED, never a throw', () => {
    fc.assert(
      fc.property(tlvLike, fc.integer({ min: 0, max: 70 }), (bytes, offset) => {
        const source = Buffer.from(bytes);
        expect(malformedOrOk(decodeTlv(source, offset))).toBe(true);
        expect(malformedOrOk(decodeTlvs(source))).toBe(true);
        expect(malformedOrOk(decodeFile(source, 0xd0, 'EF'))).toBe(true);
        const one = decodeTlv(source);
        if (one.ok) expect(one.value.end).toBeLessThanOrEqual(source.length);
      }),
      RUNS,
    );
  });

  it('decodes what it encodes, and nothing is left over', () => {
    fc.assert(
      fc.property(tlv, ({ tag: t, value: v, encoded }) => {
        const decoded = decodeTlv(encoded);
        expect(decoded.ok && decoded.value.tag).toBe(t);
        expect(decoded.ok && decoded.value.value.equals(v)).toBe(true);
        expect(decoded.ok && decoded.value.end).toBe(encoded.length);
      }),
      RUNS,
    );
  });

  it('decodes a list of TLVs back into the same list', () => {
    fc.assert(
      fc.property(fc.array(tlv, { maxLength: 6 }), (list) => {
        const decoded = decodeTlvs(Buffer.concat(list.map((x) => x.encoded)));
        expect(decoded.ok && decoded.value.map((x) => [x.tag, x.value.toString('hex')])).toEqual(
          list.map((x) => [x.tag, x.value.toString('hex')]),
        );
      }),
      RUNS,
    );
  });

  it('refuses every strict prefix of a TLV as malformed', () => {
    fc.assert(
      fc.property(tlv, fc.nat(), ({ encoded }, cut) => {
        const prefix = encoded.subarray(0, cut % encoded.length);
        expect(decodeTlv(prefix)).toMatchObject({ ok: false, error: { code: 'CARD_DATA_MALFORMED' } });
      }),
      RUNS,
    );
  });
});
