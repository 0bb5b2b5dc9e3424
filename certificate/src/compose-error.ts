/**
 * Why a certificate could not be composed. Every detail is safe to log: it names a field, a code point or a size,
 * never the applicant's name or any other value from the record.
 */
import type { Result } from '@kiosk/protocol';

export type ComposeErrorReason =
  /** No certificate font has a glyph for a character (detail: `U+E000 in person.familyName`). */
  | 'GLYPH_MISSING'
  /** A font file could not be found or read at start-up (detail: which font and how to install it). */
  | 'FONT_UNAVAILABLE'
  /** A code text is not what its format allows (detail: `shc` or `vdsNc` and what is wrong). */
  | 'CODE_INVALID'
  /** A code text holds more than one printable QR code can (detail: the code and its length). */
  | 'CODE_TOO_LONG'
  /** The content contradicts itself, e.g. the overseas variant without passport data. */
  | 'CONTENT_INVALID'
  /** A value is too long to fit its place on the page even at the smallest type size (detail: the field). */
  | 'CONTENT_TOO_LONG';

export interface ComposeError {
  readonly reason: ComposeErrorReason;
  readonly detail: string;
}

export const composeFailure = (reason: ComposeErrorReason, detail: string): Result<never, ComposeError> => ({
  ok: false,
  error: { reason, detail },
});

/** `U+20BB7`: how a code point appears in an error detail. */
export const codePointLabel = (codePoint: number): string =>
  `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
