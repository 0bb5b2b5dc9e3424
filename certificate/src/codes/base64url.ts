/**
 * base64url as ICAO's VDS-NC examples write it: the URL-safe alphabet with the `=` padding kept. Node's own
 * 'base64url' drops the padding, which some VDS-NC readers do not accept.
 */
export function base64urlPadded(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64').replaceAll('+', '-').replaceAll('/', '_');
}

/** Accepts padded and unpadded input alike; undefined when it is not base64url at all. */
export function fromBase64url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) return undefined;
  return new Uint8Array(Buffer.from(text.replace(/=+$/, ''), 'base64url'));
}
