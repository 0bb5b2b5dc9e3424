/** The refusals card-data parsing and verification can give; each code is one of the shared CARD_* codes. */
import type { ErrorCode } from '../errors.js';
import { err, type Result } from '../result.js';

export type CardDataErrorCode = Extract<
  ErrorCode,
  | 'CARD_DATA_MALFORMED'
  | 'CARD_ISSUER_UNKNOWN'
  | 'CARD_CERTIFICATE_INVALID'
  | 'CARD_SIGNATURE_INVALID'
  | 'CARD_DIGEST_MISMATCH'
>;

/** `detail` is a short text for operators: file, tag, offset or key id, never the holder's data. */
export interface CardDataError {
  readonly code: CardDataErrorCode;
  readonly detail: string;
}

export type CardDataResult<T> = Result<T, CardDataError>;

export const cardDataError = (code: CardDataErrorCode, detail: string): Result<never, CardDataError> =>
  err({ code, detail });

export const malformed = (detail: string): Result<never, CardDataError> =>
  cardDataError('CARD_DATA_MALFORMED', detail);
