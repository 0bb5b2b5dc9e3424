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
export { issueCertificate, type IssuanceDeps } from './issuance/pipeline.js';
export { composeCertificate } from '@kiosk/certificate';
export { loadCardTrustAnchors } from './card-trust.js';
export { startCenter, type CenterConfig, type RunningCenter } from './start.js';
export { revocations, type Revocations } from './certificates/revocations.js';
export { loadCertificateKeys, type CertificateKeys } from './certificates/signing.js';
export { WELL_KNOWN } from './well-known/routes.js';
