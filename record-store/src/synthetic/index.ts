/** Synthetic residents and the batched insert path, for benchmarks and load tests. */
export { generateResidents, syntheticMyNumber, type GenerateOptions } from './generate.js';
export { insertResidentsInBatches, type BulkInsertOptions } from './bulk-insert.js';
