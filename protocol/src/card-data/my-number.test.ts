import { describe, expect, it } from 'vitest';
import { isValidMyNumber, myNumberCheckDigit } from './my-number.js';

// Worked by hand from the formula. For 12345678901: P1..P11 = 1,0,9,8,7,6,5,4,3,2,1 and Q = 2,3,4,5,6,7,2,3,4,5,6;
// Σ = 2+0+36+40+42+42+10+12+12+10+6 = 212, 212 mod 11 = 3, check digit 11 − 3 = 8.
const KNOWN_GOOD = [
  '123456789018',
  // Σ = 18+0+4+10+18+28+10+18+28+40+54 = 228, mod 11 = 8 → 3
  '987654321093',
  // Σ = 0, remainder 0 → 0
  '000000000000',
  // P2 = 4: Σ = 12, remainder 1 → 0
  '000000000400',
  // P1 = 5: Σ = 10, remainder 10 → 1
  '000000000051',
  // P1 = 1: Σ = 2 → 9
  '000000000019',
];

describe('My Number check digit', () => {
  it.each(KNOWN_GOOD)('accepts %s', (n) => {
    expect(myNumberCheckDigit(n.slice(0, 11))).toBe(Number(n[11]));
    expect(isValidMyNumber(n)).toBe(true);
  });

  it.each(KNOWN_GOOD)('refuses all nine wrong check digits after %s', (n) => {
    const good = Number(n[11]);
    const wrong = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((d) => d !== good);
    expect(wrong).toHaveLength(9);
    for (const d of wrong) expect(isValidMyNumber(n.slice(0, 11) + String(d))).toBe(false);
  });

  it('refuses anything but 12 ASCII digits', () => {
    for (const s of [
      '',
      '12345678901',
      '1234567890180',
      '12345678901a',
      '１２３４５６７８９０１８',
      ' 23456789018',
    ]) {
      expect(isValidMyNumber(s)).toBe(false);
    }
  });

  it('throws when not given exactly 11 digits (a caller bug)', () => {
    expect(() => myNumberCheckDigit('1234567890')).toThrow(RangeError);
    expect(() => myNumberCheckDigit('1234567890x')).toThrow(RangeError);
  });
});
