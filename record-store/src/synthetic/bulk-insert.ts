/**
 * The fast path for many residents: one transaction per batch (prepared statements inside the store), so sqlite
 * syncs once per batch instead of once per resident, while a batch stays small enough to keep memory flat.
 */
import type { ResidentEntry, SqliteRecordStore } from '../store.js';

export interface BulkInsertOptions {
  /** Residents per transaction; default 10,000. */
  batchSize?: number;
  onBatch?: (inserted: number) => void;
}

/** Returns how many residents were created; throws if one is refused, since synthetic data never collides. */
export function insertResidentsInBatches(
  store: Pick<SqliteRecordStore, 'registerResidents'>,
  entries: Iterable<ResidentEntry>,
  { batchSize = 10_000, onBatch }: BulkInsertOptions = {},
): number {
  let created = 0;
  let batch: ResidentEntry[] = [];
  const flush = () => {
    const result = store.registerResidents(batch);
    if (!result.ok) throw new Error(`bulk insert refused entry ${result.error.index} of a batch`);
    created += result.value.created;
    batch = [];
    onBatch?.(created);
  };
  for (const entry of entries) {
    batch.push(entry);
    if (batch.length >= batchSize) flush();
  }
  if (batch.length > 0) flush();
  return created;
}
