/**
 * EF 0003, the card's signature over the other files (336 bytes): `FF 30` {DF31 SHA-256 of EF 0001, DF32 SHA-256
 * of EF 0002 from DF22 on, DF33 RSA-2048 PKCS#1 v1.5 SHA-256 signature by the card key over the DF31 and DF32
 * TLVs}. The signature binds the digests; the digests bind the data.
 */
import type { KeyObject } from 'node:crypto';
import { ok } from '../result.js';
import { malformed, type CardDataResult } from './error.js';
import { RSA_BYTES, SHA256_BYTES, signRsaSha256 } from './primitives.js';
import { decodeChildren, decodeFile, encodeTlv } from './tlv.js';

export const TAG_SIGNATURE_FILE = 0xff30;
export const TAG_EF0001_DIGEST = 0xdf31;
export const TAG_EF0002_DIGEST = 0xdf32;
export const TAG_DATA_SIGNATURE = 0xdf33;

export interface SignatureFile {
  readonly ef0001Digest: Buffer;
  readonly ef0002Digest: Buffer;
  readonly signature: Buffer;
  /** The DF31 and DF32 TLVs as on the card, concatenated: what DF33 signs. */
  readonly signed: Buffer;
}

/** Builds the file from the two digests, signing them with the card's private key. */
export function encodeEf0003(digests: { ef0001: Buffer; ef0002: Buffer }, cardKey: KeyObject): Buffer {
  if (digests.ef0001.length !== SHA256_BYTES || digests.ef0002.length !== SHA256_BYTES) {
    throw new RangeError('digests must be SHA-256 (32 bytes)');
  }
  const signed = Buffer.concat([
    encodeTlv(TAG_EF0001_DIGEST, digests.ef0001),
    encodeTlv(TAG_EF0002_DIGEST, digests.ef0002),
  ]);
  const signature = signRsaSha256(signed, cardKey);
  return encodeTlv(TAG_SIGNATURE_FILE, [signed, encodeTlv(TAG_DATA_SIGNATURE, signature)]);
}

export function parseEf0003(file: Buffer): CardDataResult<SignatureFile> {
  const outer = decodeFile(file, TAG_SIGNATURE_FILE, 'EF0003');
  if (!outer.ok) return outer;
  const tags = [TAG_EF0001_DIGEST, TAG_EF0002_DIGEST, TAG_DATA_SIGNATURE];
  const children = decodeChildren(outer.value.value, tags, 'EF0003');
  if (!children.ok) return children;
  const [d1, d2, sig] = children.value;
  if (!d1 || !d2 || !sig) return malformed('EF0003: fields missing');
  if (d1.value.length !== SHA256_BYTES) return malformed('EF0003: DF31 is not a SHA-256 digest');
  if (d2.value.length !== SHA256_BYTES) return malformed('EF0003: DF32 is not a SHA-256 digest');
  if (sig.value.length !== RSA_BYTES) return malformed('EF0003: DF33 is not an RSA-2048 signature');
  return ok({
    ef0001Digest: Buffer.from(d1.value),
    ef0002Digest: Buffer.from(d2.value),
    signature: Buffer.from(sig.value),
    signed: Buffer.concat([d1.raw, d2.raw]),
  });
}
