/**
 * The issuance pipeline (証明書交付), read top to bottom as its steps. The kiosk was already authenticated by the
 * line (mTLS + request signature + registry). Every refusal is a stable error code; nothing about the applicant is
 * kept once the answer is sent.
 */
import { createHash, type KeyObject } from 'node:crypto';
import type { ErrorCode, IssuanceRequest, IssuanceResponse, Result } from '@kiosk/protocol';
import { verifyCardData } from '@kiosk/protocol/card-data';
import {
  defaultMayorTitle,
  describeIssueError,
  type issueCertificateDocument,
  type KeyRing,
  type VdsSigner,
} from '@kiosk/certificate';
import type { RecordStore } from '@kiosk/record-store';
import type { Participation } from '../participation/participation.js';
import { newCertificateId } from './certificate-id.js';
import { checkEligibility } from './eligibility.js';
import type { IssuanceLedger } from './ledger.js';
import { tokyoTime } from '../participation/hours.js';

/**
 * Signs the codes and composes the PDF: `issueCertificateDocument` in the main thread, the document pool's workers,
 * or (benchmarks) a naive composer to compare with.
 */
export type DocumentIssuer = typeof issueCertificateDocument;

export interface IssuanceDeps {
  readonly participation: Participation;
  readonly recordStore: RecordStore;
  readonly ledger: IssuanceLedger;
  /** Card-issuer public keys by AKI (hex, lower case). */
  readonly cardTrustAnchors: ReadonlyMap<string, KeyObject>;
  /** Keys that sign the certificate's codes; `issuer` is the SHC `iss`, known once the server listens. */
  readonly certificateSigning: {
    readonly keyRing: KeyRing;
    readonly vds: VdsSigner;
    readonly issuer: () => string;
  };
  readonly now: () => Date;
  readonly issueDocument: DocumentIssuer;
}

export interface IssuanceFailure {
  readonly code: ErrorCode;
  /** For operators; never applicant data. */
  readonly detail?: string;
}

const fail = (code: ErrorCode, detail?: string): Result<never, IssuanceFailure> => ({
  ok: false,
  error: detail ? { code, detail } : { code },
});

/** For operators: why a municipality is closed and when it opens (the kiosk's menu already said so). */
function closedDetail(deps: IssuanceDeps, code: string, at: Date): string | undefined {
  const availability = deps.participation.availability(code, at);
  if (!availability || availability.open) return undefined;
  const opens = availability.opensAt ? `, opens ${availability.opensAt.toISOString()}` : '';
  return `${availability.reason}${opens}`;
}

export async function issueCertificate(
  deps: IssuanceDeps,
  kioskId: string,
  request: IssuanceRequest,
  rawBody: Uint8Array,
): Promise<Result<IssuanceResponse, IssuanceFailure>> {
  const now = deps.now();

  // 1. A retried request is recognised: same kiosk and body, and not yet finished.
  const requestDigest = createHash('sha256').update(rawBody).digest('hex');
  const earlier = deps.ledger.byRequestId(request.requestId);
  if (earlier && (earlier.requestDigest !== requestDigest || earlier.kioskId !== kioskId)) {
    return fail('IDEMPOTENCY_CONFLICT');
  }
  if (earlier && (earlier.status === 'completed' || earlier.status === 'void'))
    return fail('ISSUANCE_ALREADY_FINAL', `outcome ${earlier.status}`);

  // 2. The card data: certificate by AKI, data signature, digests.
  const card = verifyCardData(
    {
      ef0001: Buffer.from(request.card.ef0001, 'base64'),
      ef0002: Buffer.from(request.card.ef0002, 'base64'),
      ef0003: Buffer.from(request.card.ef0003, 'base64'),
      ef0004: Buffer.from(request.card.ef0004, 'base64'),
    },
    deps.cardTrustAnchors,
  );
  if (!card.ok) return fail(card.error.code, card.error.detail);

  // 3. The municipality takes part, is open and offers this variant. A retry is judged by its first attempt's time,
  //    so a certificate already reserved just before closing still comes out.
  const municipality = deps.participation.admit(
    request.municipalityCode,
    request.variant,
    earlier?.createdAt ?? now,
  );
  if (!municipality.ok) return fail(municipality.error, closedDetail(deps, request.municipalityCode, now));

  // 4. The record, from that municipality's partition only.
  const record = await deps.recordStore.lookup(request.municipalityCode, card.value.myNumber);
  if (!record.ok) return fail(record.error);

  // 5. Eligibility.
  const eligible = checkEligibility(record.value, request.variant);
  if (!eligible.ok) return fail(eligible.error);

  // 6. Reserve the certificate ID before composing: a concurrent or later retry of this request gets this same ID.
  const reserved = deps.ledger.reserve(
    {
      requestId: request.requestId,
      requestDigest,
      certificateId: newCertificateId(request.municipalityCode),
      kioskId,
      municipalityCode: request.municipalityCode,
      variant: request.variant,
      copies: request.copies,
      issuedOn: tokyoTime(now).date,
    },
    now,
  );
  if (reserved.requestDigest !== requestDigest || reserved.kioskId !== kioskId)
    return fail('IDEMPOTENCY_CONFLICT');
  const { certificateId, issuedOn } = reserved;

  // 7. Sign the codes (SHC; VDS-NC for overseas) and compose the certificate that prints them.
  const { familyName, givenName, familyNameKana, givenNameKana, birthDate } = record.value;
  const { name } = municipality.value;
  const document = await deps.issueDocument(
    {
      certificateId,
      issuedOn,
      variant: request.variant,
      municipality: { code: municipality.value.code, name, mayorTitle: defaultMayorTitle(name) },
      person: { familyName, givenName, familyNameKana, givenNameKana, birthDate },
      doses: record.value.doses,
      passport: request.variant === 'overseas' ? record.value.passport : undefined,
    },
    {
      keyRing: deps.certificateSigning.keyRing,
      vds: deps.certificateSigning.vds,
      issuer: deps.certificateSigning.issuer(),
      now,
    },
  );
  if (!document.ok) {
    // A name the fonts cannot print is refused, never printed with a box in it; the office can issue it by hand.
    const missingGlyph =
      document.error.kind === 'compose-failed' && document.error.error.reason === 'GLYPH_MISSING';
    return fail(
      missingGlyph ? 'NAME_NOT_PRINTABLE' : 'CERTIFICATE_COMPOSE_FAILED',
      describeIssueError(document.error),
    );
  }
  const pdf = document.value;

  // 8. Write the issuance back to the municipality's history (idempotent by certificate ID), then mark it issued.
  const written = await deps.recordStore.recordIssuance(request.municipalityCode, {
    certificateId,
    requestId: request.requestId,
    issuedOn,
    variant: request.variant,
    kioskId,
    myNumber: card.value.myNumber,
  });
  if (!written.ok) return fail(written.error);
  deps.ledger.markIssued(request.requestId, deps.now());

  // 9. The answer. The PDF exists only in this response.
  return {
    ok: true,
    value: {
      requestId: request.requestId,
      certificateId,
      issuedOn,
      copies: request.copies,
      feeYen: municipality.value.feeYen * request.copies,
      pdf: Buffer.from(pdf).toString('base64'),
    },
  };
}
