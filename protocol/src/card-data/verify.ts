/**
 * Verifies card data the way the centre must before trusting it: the card certificate is signed by a trusted
 * issuer key (found by its AKI), the card key from that certificate signed the digests, and the digests match
 * the files. This proves the data came from a genuine card unchanged; it does not prove the card was present
 * (a dump can be replayed).
 */
import type { KeyObject } from 'node:crypto';
import { ok } from '../result.js';
import { cardDataError, type CardDataResult } from './error.js';
import { parseCardFiles, type CardFiles } from './files.js';
import type { CardHolder } from './holder.js';
import { sha256, verifyRsaSha256 } from './primitives.js';

export interface VerifiedCardHolder extends CardHolder {
  /** The issuer key that vouched for the card, lower-case hex. */
  readonly issuerAki: string;
}

/** Issuer public keys by their key identifier (lower-case hex of the 20-byte AKI). */
export type CardTrustAnchors = ReadonlyMap<string, KeyObject>;

/** Order: parse all files, find the issuer by AKI, check the certificate, the data signature, then the digests. */
export function verifyCardData(
  files: CardFiles,
  trustAnchors: CardTrustAnchors,
): CardDataResult<VerifiedCardHolder> {
  const parsed = parseCardFiles(files);
  if (!parsed.ok) return parsed;
  const { myNumber, holderInfo, signature, certificate } = parsed.value;

  const issuerAki = certificate.issuerAki.toString('hex');
  const issuerKey = trustAnchors.get(issuerAki);
  if (!issuerKey)
    return cardDataError('CARD_ISSUER_UNKNOWN', `issuer key ${issuerAki} is not a trust anchor`);
  if (!verifyRsaSha256(certificate.signed, certificate.signature, issuerKey)) {
    return cardDataError('CARD_CERTIFICATE_INVALID', `EF0004 is not signed by issuer key ${issuerAki}`);
  }
  if (!verifyRsaSha256(signature.signed, signature.signature, certificate.cardPublicKey)) {
    return cardDataError('CARD_SIGNATURE_INVALID', 'EF0003 DF33 does not verify with the card key of EF0004');
  }
  if (!sha256(myNumber.digested).equals(signature.ef0001Digest)) {
    return cardDataError('CARD_DIGEST_MISMATCH', 'EF0001 does not match DF31');
  }
  if (!sha256(holderInfo.digested).equals(signature.ef0002Digest)) {
    return cardDataError('CARD_DIGEST_MISMATCH', 'EF0002 does not match DF32');
  }

  return ok({
    myNumber: myNumber.myNumber,
    name: holderInfo.name,
    address: holderInfo.address,
    birthDate: holderInfo.birthDate,
    sex: holderInfo.sex,
    issuerAki,
  });
}
