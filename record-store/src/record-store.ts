/**
 * The municipality record store as the centre sees it. Two implementations: the in-process sqlite store
 * (openSqliteRecordStore) and the HTTP adapter (httpRecordStore) that talks to the record-store service.
 */
import type { RecordIssuanceRequest, Result, VaccinationRecord } from '@kiosk/protocol';

/** The refusals a record store can answer with; anything else is a bug and throws. */
export type RecordStoreError = 'RECORD_NOT_FOUND' | 'RECORD_STORE_UNAVAILABLE';

export interface RecordStore {
  /** The record of the resident with this My Number, looked up only in this municipality's partition. */
  lookup(municipalityCode: string, myNumber: string): Promise<Result<VaccinationRecord, RecordStoreError>>;
  /** Writes one issuance (証明書ID, 証明書発行年月日) back to the record; repeating a certificate ID is a no-op. */
  recordIssuance(
    municipalityCode: string,
    request: RecordIssuanceRequest,
  ): Promise<Result<void, RecordStoreError>>;
  close(): Promise<void>;
}
