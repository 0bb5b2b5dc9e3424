/** The PC/SC card reader (pcscd via the npm `pcsclite` package). Nothing outside this folder knows pcsclite. */
export { PcscCardReader, type PcscCardReaderOptions } from './pcsc-card-reader.js';
export type { RetryPolicy } from './pcsc-service.js';
