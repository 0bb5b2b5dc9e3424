import { describe, expect, it } from 'vitest';
import { encodeEf0001, parseEf0001 } from './ef0001.js';
import { encodeEf0002, encodeHolderFields, parseEf0002 } from './ef0002.js';
import type { HolderInfo } from './holder.js';
import { encodeTlv } from './tlv.js';

const info: HolderInfo = {
  name: '𠮷田 花子',
  address: '東京都千代田区1-1',
  birthDate: '1960-12-31',
  sex: 'female',
};

const ef0002With = (fields: Record<number, Buffer>): Buffer => {
  const base: Record<number, Buffer> = {
    0xdf21: Buffer.alloc(3),
    0xdf22: Buffer.from('山田', 'utf8'),
    0xdf23: Buffer.from('東京', 'utf8'),
    0xdf24: Buffer.from('19800101'),
    0xdf25: Buffer.from('1'),
    ...fields,
  };
  return encodeTlv(
    0xff20,
    Object.entries(base).map(([tag, value]) => encodeTlv(Number(tag), value)),
  );
};

const codeOf = (r: { ok: boolean; error?: { code: string } }): string | undefined => r.error?.code;

describe('EF0001', () => {
  it('is D0 0C and 12 ASCII digits', () => {
    const file = encodeEf0001('123456789018');
    expect(file.toString('hex')).toBe('d00c' + Buffer.from('123456789018').toString('hex'));
    const parsed = parseEf0001(file);
    expect(parsed.ok && parsed.value).toEqual({ myNumber: '123456789018', digested: file });
  });

  it('reads the 17 bytes a reader returns, without the padding in the digested part', () => {
    const file = encodeEf0001('123456789018');
    const parsed = parseEf0001(Buffer.concat([file, Buffer.from('ffffff', 'hex')]));
    expect(parsed.ok && parsed.value.digested).toEqual(file);
  });

  it('refuses a bad check digit, wrong lengths and non-digits', () => {
    expect(codeOf(parseEf0001(encodeEf0001('123456789019')))).toBe('CARD_DATA_MALFORMED');
    expect(codeOf(parseEf0001(encodeTlv(0xd0, Buffer.from('12345678901'))))).toBe('CARD_DATA_MALFORMED');
    expect(codeOf(parseEf0001(encodeTlv(0xd0, Buffer.from('12345678901x'))))).toBe('CARD_DATA_MALFORMED');
    expect(codeOf(parseEf0001(encodeTlv(0xdf22, Buffer.from('123456789018'))))).toBe('CARD_DATA_MALFORMED');
  });

  it('never names the number in an error', () => {
    const parsed = parseEf0001(encodeEf0001('123456789019'));
    expect(!parsed.ok && parsed.error.detail).not.toContain('12345678901');
  });
});

describe('EF0002', () => {
  it('round-trips the four items and maps sex and the birth date', () => {
    const parsed = parseEf0002(encodeEf0002(info));
    if (!parsed.ok) throw new Error(parsed.error.detail);
    const { header: _header, digested, ...items } = parsed.value;
    expect(items).toEqual(info);
    expect(digested).toEqual(encodeHolderFields(info));
  });

  it('maps 1, 2 and 9 to male, female and unknown', () => {
    for (const [code, sex] of [
      ['1', 'male'],
      ['2', 'female'],
      ['9', 'unknown'],
    ] as const) {
      const parsed = parseEf0002(ef0002With({ 0xdf25: Buffer.from(code) }));
      expect(parsed.ok && parsed.value.sex).toBe(sex);
    }
  });

  it('keeps the header opaque and outside the digested part', () => {
    const header = Buffer.from('0102030405', 'hex');
    const parsed = parseEf0002(encodeEf0002(info, header));
    expect(parsed.ok && parsed.value.header).toEqual(header);
    expect(parsed.ok && parsed.value.digested).toEqual(encodeHolderFields(info));
  });

  it.each([
    ['sex 0', { 0xdf25: Buffer.from('0') }],
    ['sex 12', { 0xdf25: Buffer.from('12') }],
    ['birth date 19800230', { 0xdf24: Buffer.from('19800230') }],
    ['birth date 19801301', { 0xdf24: Buffer.from('19801301') }],
    ['birth date 19000229 (not a leap year)', { 0xdf24: Buffer.from('19000229') }],
    ['birth date 1980-1-1', { 0xdf24: Buffer.from('1980-1-1') }],
    ['name not UTF-8', { 0xdf22: Buffer.from('e9838e', 'hex').subarray(0, 2) }],
    ['empty name', { 0xdf22: Buffer.alloc(0) }],
    ['empty address', { 0xdf23: Buffer.alloc(0) }],
    ['an extra field', { 0xdf26: Buffer.from('x') }],
  ])('refuses %s', (_name, fields) => {
    expect(codeOf(parseEf0002(ef0002With(fields)))).toBe('CARD_DATA_MALFORMED');
  });

  it('accepts 29 February of a leap year', () => {
    const parsed = parseEf0002(ef0002With({ 0xdf24: Buffer.from('20000229') }));
    expect(parsed.ok && parsed.value.birthDate).toBe('2000-02-29');
  });

  it('refuses fields out of order', () => {
    const swapped = encodeTlv(0xff20, [
      encodeTlv(0xdf21, Buffer.alloc(1)),
      encodeTlv(0xdf23, Buffer.from('東京')),
      encodeTlv(0xdf22, Buffer.from('山田')),
      encodeTlv(0xdf24, Buffer.from('19800101')),
      encodeTlv(0xdf25, Buffer.from('1')),
    ]);
    expect(codeOf(parseEf0002(swapped))).toBe('CARD_DATA_MALFORMED');
  });

  it('throws on holder data that no card can carry (a caller bug)', () => {
    expect(() => encodeEf0002({ ...info, birthDate: '1960-02-30' })).toThrow(RangeError);
    expect(() => encodeEf0002({ ...info, birthDate: '19601231' })).toThrow(RangeError);
    expect(() => encodeEf0002({ ...info, name: '' })).toThrow(RangeError);
    expect(() => encodeEf0002({ ...info, sex: 'other' as never })).toThrow(RangeError);
  });
});
