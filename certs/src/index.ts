// @kiosk/certs: generates the dev PKI and reads it back. Nothing here is ever trusted outside dev and tests.
export { defaultCertsDir, devPkiPaths, kioskId, LAYOUT } from './paths.js';
export type { CertKeyPaths, DevPkiPaths } from './paths.js';
export { DEFAULT_KIOSKS, generateDevPki } from './generate.js';
export type { GenerateOptions, GenerateResult } from './generate.js';
export { readRecordStoreMasterKey, readTlsMaterial } from './tls.js';
export type { TlsIdentity, TlsMaterial } from './tls.js';
export { CARD_ISSUER_NAME } from './card-issuer.js';
export type { CardIssuerDescriptor } from './card-issuer.js';
export { CENTER_CLIENT_NAME, CSCA_NAME, DSC_NAME, LINE_CA_NAME } from './profiles.js';
