/** What the verifier says about each code it found: VALID, or INVALID with a stable reason. */
import type { FhirBundle } from '../codes/fhir-bundle.js';
import type { VdsNcData } from '../codes/vds-nc-message.js';

export type InvalidReason =
  | 'malformed'
  | 'unsupported'
  | 'unknown key'
  | 'key expired'
  | 'signature invalid'
  | 'signature DER-encoded'
  | 'DSC not issued by the CSCA'
  | 'DSC not valid now'
  | 'not yet valid'
  | 'revoked';

export interface ShcContent {
  readonly iss: string;
  readonly nbf: number;
  readonly kid: string;
  readonly rid: string | undefined;
  readonly fhirBundle: FhirBundle;
}

export interface VdsNcContent {
  readonly data: VdsNcData;
  /** Subject of the embedded document signer certificate. */
  readonly signer: string;
}

interface Verdict<K extends string, C> {
  readonly kind: K;
  /** The code's text as scanned. */
  readonly text: string;
  readonly status: 'VALID' | 'INVALID';
  /** Present when INVALID. */
  readonly reason?: InvalidReason;
  readonly detail?: string;
  /** Present once the code could be decoded; on an INVALID verdict it is what the code claims, not proof. */
  readonly content?: C;
}

export type CodeVerdict =
  Verdict<'shc', ShcContent> | Verdict<'vds-nc', VdsNcContent> | Verdict<'unknown', never>;

export const invalid = <K extends string, C>(
  kind: K,
  text: string,
  reason: InvalidReason,
  detail: string,
  content?: C,
): Verdict<K, C> => ({ kind, text, status: 'INVALID', reason, detail, ...(content ? { content } : {}) });
