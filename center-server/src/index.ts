export { createCenterServer, type CenterServerOptions } from './app.js';
export { openCenterDb, type CenterDb } from './db.js';
export { kioskRegistry, type KioskRegistry, type KioskStatus } from './kiosks/registry.js';
export { heartbeatBoard, type HeartbeatBoard } from './kiosks/heartbeats.js';
export {
  participation,
  type Participation,
  type MunicipalitySettings,
} from './participation/participation.js';
export { issuanceLedger, type IssuanceLedger } from './issuance/ledger.js';
export { issueCertificate, type IssuanceDeps, type DocumentIssuer } from './issuance/pipeline.js';
export { auditLog, type AuditLog, type AuditEntry } from './issuance/audit-log.js';
export {
  createDocumentPool,
  type DocumentPool,
  type DocumentPoolOptions,
} from './issuance/document-pool/document-pool.js';
export type { PoolStats } from './issuance/document-pool/pool.js';
export { composeCertificate } from '@kiosk/certificate';
export { loadCardTrustAnchors } from './card-trust.js';
export { startCenter, type CenterConfig, type RunningCenter } from './start.js';
export { revocations, type Revocations } from './certificates/revocations.js';
export { loadCertificateKeys, type CertificateKeys } from './certificates/signing.js';
export { WELL_KNOWN } from './well-known/routes.js';
