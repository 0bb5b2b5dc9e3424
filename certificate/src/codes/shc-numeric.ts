/**
 * The SMART Health Card QR text: `shc:/` then every JWS character as two digits (its char code minus 45). Digits
 * fit QR numeric mode, which is what lets a 1195-character JWS fit one version-22 code.
 */
export const SHC_PREFIX = 'shc:/';
/** The largest JWS a single (non-chunked) SHC QR code may carry. */
export const SHC_MAX_JWS_LENGTH = 1195;

const OFFSET = 45; // '-', the lowest character in base64url and '.'
const HIGHEST = 'z'.charCodeAt(0) - OFFSET; // 77

export function shcNumeric(jws: string): string {
  let digits = '';
  for (let i = 0; i < jws.length; i++) {
    digits += String(jws.charCodeAt(i) - OFFSET).padStart(2, '0');
  }
  return digits;
}

export function shcQrText(jws: string): string {
  return SHC_PREFIX + shcNumeric(jws);
}

/** The JWS back from the QR text; undefined when the text is not a single-chunk SHC. */
export function jwsFromShcQr(text: string): string | undefined {
  if (!text.startsWith(SHC_PREFIX)) return undefined;
  const digits = text.slice(SHC_PREFIX.length);
  if (digits.length % 2 !== 0 || !/^\d*$/.test(digits)) return undefined;
  let jws = '';
  for (let i = 0; i < digits.length; i += 2) {
    const value = Number(digits.slice(i, i + 2));
    if (value > HIGHEST) return undefined;
    jws += String.fromCharCode(value + OFFSET);
  }
  return jws;
}
