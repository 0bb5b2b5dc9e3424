/** Content-Digest (RFC 9530) with sha-256: binds the body to the signature, which covers this header. */
import { createHash, timingSafeEqual } from 'node:crypto';
import { parseDictionary } from 'structured-headers';

export const contentDigest = (body: Uint8Array): string =>
  `sha-256=:${createHash('sha256').update(body).digest('base64')}:`;

/** True when the header holds a sha-256 digest equal to the body's. Other algorithms are not accepted. */
export function contentDigestMatches(header: string | undefined, body: Uint8Array): boolean {
  if (!header) return false;
  let value: unknown;
  try {
    value = parseDictionary(header).get('sha-256')?.[0];
  } catch {
    return false;
  }
  if (!(value instanceof ArrayBuffer)) return false;
  const expected = createHash('sha256').update(body).digest();
  const given = Buffer.from(value);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
