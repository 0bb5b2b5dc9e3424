/**
 * Key identifiers as X.509 SubjectKeyIdentifier method 1 (RFC 5280 §4.2.1.2): SHA-1 over the contents of the
 * subjectPublicKey BIT STRING. For RSA that is the PKCS#1 RSAPublicKey DER. The card certificate names its issuer
 * key (AKI) and the card key (SKI) this way, so an issuer's X.509 SKI can be used directly as its trust-anchor id.
 */
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { decodeChildren, decodeFile } from './tlv.js';

const SEQUENCE = 0x30;
const BIT_STRING = 0x03;

export function keyIdentifier(key: KeyObject): Buffer {
  if (key.type === 'secret') throw new TypeError('a key identifier needs an asymmetric key');
  const spki = (key.type === 'private' ? createPublicKey(key) : key).export({ type: 'spki', format: 'der' });
  // Node produced this DER itself, so a failure to read it back is a bug, not bad input.
  const outer = decodeFile(spki, SEQUENCE, 'SubjectPublicKeyInfo');
  if (!outer.ok) throw new Error(outer.error.detail);
  const parts = decodeChildren(outer.value.value, [SEQUENCE, BIT_STRING], 'SubjectPublicKeyInfo');
  if (!parts.ok) throw new Error(parts.error.detail);
  const bits = parts.value[1]?.value;
  if (bits === undefined || bits[0] !== 0) throw new Error('SubjectPublicKeyInfo: unexpected bit string');
  return createHash('sha1').update(bits.subarray(1)).digest();
}

/** Lower-case hex, the form trust anchors are keyed by. */
export const keyIdentifierHex = (key: KeyObject): string => keyIdentifier(key).toString('hex');
