/**
 * 個人番号 (My Number): 11 digits and a check digit (検査用数字). The rule is the one in the ordinance on the
 * My Number check digit: weights count from the right, remainders 0 and 1 give check digit 0.
 */

const MY_NUMBER = /^[0-9]{12}$/;
const FIRST_ELEVEN = /^[0-9]{11}$/;

/** The check digit for the first 11 digits; throws on anything else because callers pass validated digits. */
export function myNumberCheckDigit(first11: string): number {
  if (!FIRST_ELEVEN.test(first11)) throw new RangeError('myNumberCheckDigit needs exactly 11 digits');
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = first11.charCodeAt(11 - n) - 48; // Pn: the n-th digit counted from the right
    const q = n <= 6 ? n + 1 : n - 5; // Qn
    sum += p * q;
  }
  const remainder = sum % 11;
  return remainder <= 1 ? 0 : 11 - remainder;
}

/** True for 12 ASCII digits whose last digit is the check digit of the first 11. */
export function isValidMyNumber(s: string): boolean {
  return MY_NUMBER.test(s) && myNumberCheckDigit(s.slice(0, 11)) === s.charCodeAt(11) - 48;
}
