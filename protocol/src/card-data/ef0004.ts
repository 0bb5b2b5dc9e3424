/**
 * EF 0004, the card certificate (not X.509): `7F21` {`7F4E` body, `5F37` issuer signature}. The signature is
 * RSA-2048 PKCS#1 v1.5 SHA-256 by the issuer key over the whole 7F4E TLV.
 *
 * The inside of 7F4E on real cards is not published in detail. This project's layout, in this order and nothing
 * else, all values unsigned big-endian without leading zeros:
 *
 *   81  AKI: the issuer key's identifier, 20 bytes (SHA-1, see key-identifier.ts)
 *   82  SKI: the card key's identifier, 20 bytes (same method)
 *   83  RSA modulus of the card key, 256 bytes (exactly 2048 bits)
 *   84  RSA public exponent of the card key, 1–4 bytes, odd, at least 3
 *
 * This gives 580 bytes with the usual exponent 65537, not the 568 of real cards: AKI, SKI, a 2048-bit modulus and
 * an exponent alone are 299 bytes, more than real cards spend on all of 7F4E, so the real layout must differ.
 */
import type { KeyObject } from 'node:crypto';
import { ok } from '../result.js';
import { malformed, type CardDataResult } from './error.js';
import { RSA_BYTES, rsaPublicKeyFromParts, rsaPublicKeyParts, signRsaSha256 } from './primitives.js';
import { decodeChildren, decodeFile, encodeTlv } from './tlv.js';

export const TAG_CARD_CERTIFICATE = 0x7f21;
export const TAG_CERTIFICATE_BODY = 0x7f4e;
export const TAG_ISSUER_SIGNATURE = 0x5f37;
export const TAG_ISSUER_KEY_ID = 0x81;
export const TAG_CARD_KEY_ID = 0x82;
export const TAG_MODULUS = 0x83;
export const TAG_EXPONENT = 0x84;

export const KEY_ID_BYTES = 20;

export interface CardCertificateBody {
  /** AKI: names the issuer key that signed this certificate. */
  readonly issuerAki: Buffer;
  /** SKI: names the card key. Informational; verification does not depend on it. */
  readonly cardSki: Buffer;
  readonly cardPublicKey: KeyObject;
}

export interface CardCertificate extends CardCertificateBody {
  /** The 7F4E TLV as on the card: what 5F37 signs. */
  readonly signed: Buffer;
  readonly signature: Buffer;
}

export function encodeEf0004(body: CardCertificateBody, issuerKey: KeyObject): Buffer {
  if (body.issuerAki.length !== KEY_ID_BYTES || body.cardSki.length !== KEY_ID_BYTES) {
    throw new RangeError('AKI and SKI are 20 bytes');
  }
  const { modulus, exponent } = rsaPublicKeyParts(body.cardPublicKey);
  if (modulus.length !== RSA_BYTES) throw new RangeError('the card key must be RSA-2048');
  const signed = encodeTlv(TAG_CERTIFICATE_BODY, [
    encodeTlv(TAG_ISSUER_KEY_ID, body.issuerAki),
    encodeTlv(TAG_CARD_KEY_ID, body.cardSki),
    encodeTlv(TAG_MODULUS, modulus),
    encodeTlv(TAG_EXPONENT, exponent),
  ]);
  const signature = encodeTlv(TAG_ISSUER_SIGNATURE, signRsaSha256(signed, issuerKey));
  return encodeTlv(TAG_CARD_CERTIFICATE, [signed, signature]);
}

const isRsaModulus = (n: Buffer): boolean =>
  n.length === RSA_BYTES && (n[0] ?? 0) >= 0x80 && ((n[RSA_BYTES - 1] ?? 0) & 1) === 1;

const isRsaExponent = (e: Buffer): boolean =>
  e.length >= 1 &&
  e.length <= 4 &&
  e[0] !== 0 &&
  ((e.at(-1) ?? 0) & 1) === 1 &&
  e.readUIntBE(0, e.length) >= 3;

export function parseEf0004(file: Buffer): CardDataResult<CardCertificate> {
  const outer = decodeFile(file, TAG_CARD_CERTIFICATE, 'EF0004');
  if (!outer.ok) return outer;
  const parts = decodeChildren(outer.value.value, [TAG_CERTIFICATE_BODY, TAG_ISSUER_SIGNATURE], 'EF0004');
  if (!parts.ok) return parts;
  const [body, signature] = parts.value;
  if (!body || !signature) return malformed('EF0004: fields missing');
  if (signature.value.length !== RSA_BYTES) return malformed('EF0004: 5F37 is not an RSA-2048 signature');

  const tags = [TAG_ISSUER_KEY_ID, TAG_CARD_KEY_ID, TAG_MODULUS, TAG_EXPONENT];
  const fields = decodeChildren(body.value, tags, 'EF0004 7F4E');
  if (!fields.ok) return fields;
  const [aki, ski, modulus, exponent] = fields.value;
  if (!aki || !ski || !modulus || !exponent) return malformed('EF0004: 7F4E fields missing');
  if (aki.value.length !== KEY_ID_BYTES) return malformed('EF0004: AKI is not 20 bytes');
  if (ski.value.length !== KEY_ID_BYTES) return malformed('EF0004: SKI is not 20 bytes');
  if (!isRsaModulus(modulus.value)) return malformed('EF0004: not an RSA-2048 modulus');
  if (!isRsaExponent(exponent.value)) return malformed('EF0004: not a usable RSA public exponent');
  const cardPublicKey = rsaPublicKeyFromParts(modulus.value, exponent.value);
  if (!cardPublicKey) return malformed('EF0004: the card public key is not usable');

  return ok({
    issuerAki: Buffer.from(aki.value),
    cardSki: Buffer.from(ski.value),
    cardPublicKey,
    signed: Buffer.from(body.raw),
    signature: Buffer.from(signature.value),
  });
}
