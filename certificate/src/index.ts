/** @kiosk/certificate: what the resident carries away, composed and signed by the centre, checked by anyone. */
export {
  composeCertificate,
  prepareComposer,
  type CertificateCodes,
  type ComposeOptions,
} from './compose.js';
export type { ComposeError, ComposeErrorReason } from './compose-error.js';
export { defaultMayorTitle, type CertificateContent } from './content.js';
export {
  issueCertificateCodes,
  issueCertificateDocument,
  describeIssueError,
  type CertificateSigning,
  type IssueError,
} from './issue.js';
export { createShc, shcPayload, type ShcCode, type ShcError, type ShcPayload } from './codes/shc.js';
export { jwsFromShcQr, shcQrText, SHC_MAX_JWS_LENGTH } from './codes/shc-numeric.js';
export { createVdsNc, signVdsNc, type VdsNcSeal, type VdsSigner } from './codes/vds-nc.js';
export type { VdsNcData, VdsNcError } from './codes/vds-nc-message.js';
export type { FhirBundle } from './codes/fhir-bundle.js';
export { shcRid, uvciOf } from './codes/rid.js';
export { vaccineCodes, type VaccineCodes } from './codes/vaccines.js';
export {
  describeKeyRingError,
  type Jwks,
  type KeyRing,
  type KeyRingConfig,
  type KeyRingError,
  type KeyState,
  type SigningKey,
} from './keys/key-ring.js';
export { loadKeyRing, keyRingConfigFromEnv } from './keys/load-key-ring.js';
export { loadVdsSigner, type VdsSignerError } from './keys/vds-signer.js';
export { parseRevocationList, shcCrl, type RevocationList, type ShcCrl } from './keys/revocation-list.js';
export { verifyCertificate, verifyCode, type VerifyInput } from './verify/verify-certificate.js';
export type { VerifyTrust } from './verify/trust.js';
export type { CodeVerdict, InvalidReason, ShcContent, VdsNcContent } from './verify/verdict.js';
export { describeScanError, type ScanError } from './verify/scan.js';
