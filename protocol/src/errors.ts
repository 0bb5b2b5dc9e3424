/**
 * Stable error codes shared by every part. A code never changes meaning once released; the message key is what the
 * kiosk UI and the consoles translate, the message is for operators and logs (never applicant data).
 */
import { Type, type Static } from 'typebox';

interface ErrorSpec {
  /** HTTP status the centre or record store answers with. */
  readonly status: number;
  /** Plain-English text a person can act on. */
  readonly message: string;
}

export const ERRORS = {
  // The request itself
  REQUEST_INVALID: { status: 400, message: 'The request does not match the published schema.' },
  CONTENT_DIGEST_MISMATCH: { status: 400, message: 'The body does not match its Content-Digest header.' },
  NOT_FOUND: { status: 404, message: 'No such route or resource.' },
  INTERNAL_ERROR: {
    status: 500,
    message: 'An internal error occurred; it has been logged for the operators.',
  },

  // The line: who is calling
  LINE_CLIENT_CERT_REQUIRED: {
    status: 401,
    message: 'A kiosk client certificate issued by the line CA is required.',
  },
  LINE_SIGNATURE_MISSING: {
    status: 401,
    message: 'The request carries no Signature / Signature-Input headers.',
  },
  LINE_SIGNATURE_INVALID: {
    status: 401,
    message: 'The request signature does not verify with the kiosk key.',
  },
  LINE_SIGNATURE_STALE: {
    status: 401,
    message: "The signature's created time is outside the freshness window; check the kiosk clock.",
  },
  LINE_REPLAY: {
    status: 401,
    message: 'This signature nonce was already used; a new request must be signed.',
  },
  LINE_KIOSK_UNKNOWN: { status: 403, message: 'This kiosk is not registered with the centre.' },
  LINE_KIOSK_SUSPENDED: { status: 403, message: 'This kiosk is suspended by the operator.' },
  LINE_KIOSK_REVOKED: { status: 403, message: 'This kiosk has been revoked and may not issue certificates.' },
  LINE_RATE_LIMITED: {
    status: 429,
    message: 'Too many requests from this kiosk; retry after the indicated time.',
  },

  // The card data sent by the kiosk
  CARD_DATA_MALFORMED: { status: 422, message: 'The card data is not in the text application format.' },
  CARD_ISSUER_UNKNOWN: {
    status: 422,
    message: 'The card certificate names an issuer key that is not trusted.',
  },
  CARD_CERTIFICATE_INVALID: { status: 422, message: 'The card certificate is not signed by its issuer.' },
  CARD_SIGNATURE_INVALID: { status: 422, message: 'The card data signature does not verify.' },
  CARD_DIGEST_MISMATCH: {
    status: 422,
    message: 'The card data does not match the digests signed on the card.',
  },

  // Participation of the chosen municipality
  MUNICIPALITY_NOT_PARTICIPATING: {
    status: 409,
    message: 'This municipality does not issue certificates at kiosks.',
  },
  MUNICIPALITY_CLOSED: {
    status: 409,
    message: 'Kiosk issuance for this municipality is closed at this time.',
  },
  VARIANT_NOT_OFFERED: {
    status: 409,
    message: 'This municipality does not offer the requested certificate variant.',
  },

  // The resident's record
  RECORD_NOT_FOUND: {
    status: 404,
    message: 'No vaccination record for this card in the chosen municipality.',
  },
  RESIDENT_DECEASED: { status: 409, message: 'The record is closed; the municipality must be consulted.' },
  NO_DOSES: { status: 409, message: 'The record holds no vaccination doses.' },
  PASSPORT_DATA_MISSING: {
    status: 409,
    message: 'The overseas variant needs passport data registered at the municipality office first.',
  },
  RECORD_STORE_UNAVAILABLE: {
    status: 503,
    message: "The municipality's record store did not answer; try again later.",
  },

  // The issuance
  ISSUANCE_NOT_FOUND: { status: 404, message: 'No issuance with this certificate ID for this kiosk.' },
  ISSUANCE_ALREADY_FINAL: {
    status: 409,
    message: 'The outcome of this issuance was already reported differently.',
  },
  IDEMPOTENCY_CONFLICT: {
    status: 409,
    message: 'This request ID was already used with a different request body.',
  },
  CERTIFICATE_COMPOSE_FAILED: { status: 500, message: 'The certificate could not be composed.' },
  NAME_NOT_PRINTABLE: {
    status: 422,
    message:
      'The recorded name has a character no certificate font can print; the municipality office can issue it.',
  },

  // On the kiosk (agent ↔ UI, devices)
  AGENT_ORIGIN_REFUSED: {
    status: 403,
    message: 'The kiosk agent only answers its own UI on the loopback address.',
  },
  INTENT_NOT_ALLOWED: { status: 409, message: 'That action is not possible at this step.' },
  CARD_NOT_PRESENT: { status: 409, message: 'No My Number card is on the reader.' },
  CARD_PIN_WRONG: { status: 409, message: 'The PIN is wrong.' },
  CARD_PIN_BLOCKED: {
    status: 409,
    message: 'The PIN is blocked; the card must be reset at the municipality office.',
  },
  CARD_READ_FAILED: { status: 502, message: 'The card could not be read; remove it and try again.' },
  CARD_UNSUPPORTED: {
    status: 422,
    message: 'The card on the reader has no text application: it is not a My Number card.',
  },
  LINE_UNREACHABLE: { status: 503, message: 'The kiosk cannot reach the centre.' },
  PRINT_FAILED: { status: 502, message: 'The certificate could not be printed; no fee is charged.' },
  PAYMENT_FAILED: { status: 502, message: 'The payment device failed; inserted money is returned.' },
  SESSION_TIMEOUT: { status: 408, message: 'The session ended because nothing happened for a while.' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;
export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

/** The key the UI and consoles translate: `error.<code in lower case>`. */
export const messageKeyOf = (code: ErrorCode): string => `error.${code.toLowerCase()}`;

export const ErrorCodeSchema = Type.Unsafe<ErrorCode>({ type: 'string', enum: ERROR_CODES });

/** The body of every error answer, on every API. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: ErrorCodeSchema,
      messageKey: Type.String(),
      message: Type.String(),
    }),
  },
  { $id: 'ErrorBody' },
);
export type ErrorBody = Static<typeof ErrorBody>;

/** Builds the error body for a code; `detail` is appended for operators (it must never hold applicant data). */
export function errorBody(code: ErrorCode, detail?: string): ErrorBody {
  const base = ERRORS[code].message;
  return { error: { code, messageKey: messageKeyOf(code), message: detail ? `${base} (${detail})` : base } };
}

export const statusOf = (code: ErrorCode): number => ERRORS[code].status;
