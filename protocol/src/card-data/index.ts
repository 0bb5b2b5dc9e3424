/**
 * `@kiosk/protocol/card-data`: the data of the My Number card's text application (券面事項入力補助AP), the
 * contract between the card and the centre. Encoders, parsers and the verifier; pure functions over node:crypto.
 */
export type { CardDataError, CardDataErrorCode, CardDataResult } from './error.js';
export type { CardHolder, HolderInfo, Sex } from './holder.js';
export { myNumberCheckDigit, isValidMyNumber } from './my-number.js';
export { keyIdentifier, keyIdentifierHex } from './key-identifier.js';
export {
  decodeChildren,
  decodeFile,
  decodeTlv,
  decodeTlvs,
  encodeLength,
  encodeTag,
  encodeTlv,
  isPadding,
  tagHex,
  type Tlv,
} from './tlv.js';
export { encodeEf0001, parseEf0001, TAG_MY_NUMBER, type MyNumberFile } from './ef0001.js';
export {
  DEFAULT_HEADER,
  encodeEf0002,
  encodeHolderFields,
  parseEf0002,
  TAG_ADDRESS,
  TAG_BIRTH_DATE,
  TAG_HEADER,
  TAG_HOLDER_INFO,
  TAG_NAME,
  TAG_SEX,
  type HolderInfoFile,
} from './ef0002.js';
export {
  encodeEf0003,
  parseEf0003,
  TAG_DATA_SIGNATURE,
  TAG_EF0001_DIGEST,
  TAG_EF0002_DIGEST,
  TAG_SIGNATURE_FILE,
  type SignatureFile,
} from './ef0003.js';
export {
  encodeEf0004,
  KEY_ID_BYTES,
  parseEf0004,
  TAG_CARD_CERTIFICATE,
  TAG_CARD_KEY_ID,
  TAG_CERTIFICATE_BODY,
  TAG_EXPONENT,
  TAG_ISSUER_KEY_ID,
  TAG_ISSUER_SIGNATURE,
  TAG_MODULUS,
  type CardCertificate,
  type CardCertificateBody,
} from './ef0004.js';
export { parseCardFiles, TEXT_AP_FILES, type CardFiles, type ParsedCardFiles } from './files.js';
export { buildCardFiles, type CardKeys } from './build.js';
export { verifyCardData, type CardTrustAnchors, type VerifiedCardHolder } from './verify.js';
