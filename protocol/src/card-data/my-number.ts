/**
 * 個人番号 (My Number): 11 digits and a check digit. Check digit = 11 − (Σ Pn·Qn mod 11), or 0 when the remainder
 * is 0 or 1, where Pn is the n-th of the first 11 digits counted from the right and Qn = n + 1 for n ≤ 6,
 * n − 5 for n ≥ 7.
 */

/** The check digit for the first 11 digits; throws on anything but 11 ASCII digits (a caller bug). */
export function myNumberCheckDigit(first11: string): number {
  if (!/^[0-9]{11}$/.test(first11)) throw new RangeError('expected exactly 11 digits');
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = first11.charCodeAt(11 - n) - 0x30;
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const remainder = sum % 11;
  return remainder <= 1 ? 0 : 11 - remainder;
}

/** 12 ASCII digits whose last one is the check digit of the first 11. */
export function isValidMyNumber(s: string): boolean {
  if (!/^[0-9]{12}$/.test(s)) return false;
  return myNumberCheckDigit(s.slice(0, 11)) === s.charCodeAt(11) - 0x30;
}
