import { describe, expect, it } from 'vitest';
import { isValidMyNumber, myNumberCheckDigit } from './my-number.js';

// Worked by hand from the rule: 123456789018 is the sample number used in public documentation.
const KNOWN_VALID = ['123456789018', '000000000000', '111111111118', '876543210989', '987654321093'];

describe('myNumberCheckDigit', () => {
  it('computes the check digit of known numbers', () => {
    for (const n of KNOWN_VALID) expect(myNumberCheckDigit(n.slice(0, 11))).toBe(Number(n[11]));
  });

  it('gives 0 when the remainder is 0 or 1', () => {
    // 00000000000 → sum 0; 00000000001 → P1=1, Q1=2 → sum 2 → 9; 00000100000 → P6=1, Q6=7 → 7 → 4.
    expect(myNumberCheckDigit('00000000000')).toBe(0);
    expect(myNumberCheckDigit('00000000001')).toBe(9);
    expect(myNumberCheckDigit('00000100000')).toBe(4);
    // 00001000000 → P7=1, Q7=2 → 2 → 9; 10000000000 → P11=1, Q11=6 → 6 → 5; 00000000006 → 12 mod 11 = 1 → 0.
    expect(myNumberCheckDigit('00001000000')).toBe(9);
    expect(myNumberCheckDigit('10000000000')).toBe(5);
    expect(myNumberCheckDigit('00000000006')).toBe(0);
  });

  it('refuses input that is not 11 digits', () => {
    expect(() => myNumberCheckDigit('1234567890')).toThrow(RangeError);
    expect(() => myNumberCheckDigit('1234567890a')).toThrow(RangeError);
  });
});

describe('isValidMyNumber', () => {
  it('accepts known valid numbers', () => {
    for (const n of KNOWN_VALID) expect(isValidMyNumber(n)).toBe(true);
  });

  it('rejects every wrong check digit', () => {
    for (const n of KNOWN_VALID) {
      const good = Number(n[11]);
      for (let d = 0; d <= 9; d++) {
        if (d !== good) expect(isValidMyNumber(n.slice(0, 11) + String(d))).toBe(false);
      }
    }
  });

  it('rejects wrong lengths and non-digits', () => {
    for (const s of ['', '12345678901', '1234567890188', '12345678901８', ' 123456789018', '12345678901a']) {
      expect(isValidMyNumber(s)).toBe(false);
    }
  });
});
