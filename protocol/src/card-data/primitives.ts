/**
 * The cryptography the text application uses: SHA-256 digests and RSA-2048 PKCS#1 v1.5 signatures with SHA-256.
 * Verification helpers answer false instead of throwing, because their inputs come from the card.
 */
import { constants, createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

export const RSA_BITS = 2048;
export const RSA_BYTES = RSA_BITS / 8;
export const SHA256_BYTES = 32;

export const sha256 = (data: Buffer): Buffer => createHash('sha256').update(data).digest();

export const isRsa2048 = (key: KeyObject): boolean =>
  key.asymmetricKeyType === 'rsa' && key.asymmetricKeyDetails?.modulusLength === RSA_BITS;

export function signRsaSha256(data: Buffer, privateKey: KeyObject): Buffer {
  return sign('sha256', data, { key: privateKey, padding: constants.RSA_PKCS1_PADDING });
}

export function verifyRsaSha256(data: Buffer, signature: Buffer, publicKey: KeyObject): boolean {
  if (publicKey.asymmetricKeyType !== 'rsa') return false;
  try {
    return verify('sha256', data, { key: publicKey, padding: constants.RSA_PKCS1_PADDING }, signature);
  } catch {
    // OpenSSL refuses some odd keys or signature sizes by throwing; for the caller that is simply "does not verify".
    return false;
  }
}

/** Modulus and public exponent as unsigned big-endian bytes without leading zeros. */
export function rsaPublicKeyParts(key: KeyObject): { modulus: Buffer; exponent: Buffer } {
  const jwk = (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'jwk' });
  if (jwk.kty !== 'RSA' || jwk.n === undefined || jwk.e === undefined) throw new TypeError('not an RSA key');
  return { modulus: Buffer.from(jwk.n, 'base64url'), exponent: Buffer.from(jwk.e, 'base64url') };
}

/** The public key for a modulus and exponent read from the card, or undefined when they do not form one. */
export function rsaPublicKeyFromParts(modulus: Buffer, exponent: Buffer): KeyObject | undefined {
  try {
    const key = createPublicKey({
      key: { kty: 'RSA', n: modulus.toString('base64url'), e: exponent.toString('base64url') },
      format: 'jwk',
    });
    return isRsa2048(key) ? key : undefined;
  } catch {
    return undefined;
  }
}
