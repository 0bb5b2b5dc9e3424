/** @kiosk/record-store: the municipality record store, in-process (sqlite) or over HTTPS with mutual TLS. */
export type { RecordStore, RecordStoreError } from './record-store.js';
export {
  openSqliteRecordStore,
  type BulkRegistration,
  type MunicipalityEntry,
  type MyNumberTaken,
  type ResidentEntry,
  type Registration,
  type SqliteRecordStore,
  type SqliteRecordStoreOptions,
} from './store.js';
export { httpRecordStore, type HttpRecordStoreOptions } from './http-client.js';
export { buildRecordStoreServer, type RecordStoreServerOptions, type TlsMaterial } from './server.js';
export { startRecordStoreService, type RunningService } from './service.js';
export { serviceConfigFromEnv, type ServiceConfig } from './service-config.js';
export { readServiceKeyMaterial, type ServiceKeyMaterial } from './key-material.js';
export { isValidMyNumber, myNumberCheckDigit } from './my-number.js';
export {
  importTargetList,
  type ImportError,
  type ImportErrorCode,
  type ImportSummary,
} from './import/index.js';
export {
  generateResidents,
  insertResidentsInBatches,
  syntheticMyNumber,
  type BulkInsertOptions,
  type GenerateOptions,
} from './synthetic/index.js';
