export { startAgent, type RunningAgent } from './start.js';
export { agentConfigFromEnv, type AgentConfig } from './config.js';
export { KioskSession } from './session/machine.js';
export { LineClient, type LineClientOptions, type LineError } from './line/client.js';
export {
  connectToVpcd,
  VirtualCard,
  type CardFaults,
  type CardHolder,
  type CardIssuer,
  type VpcdConnection,
} from './devices/card-reader/virtual/index.js';
export { SimulatedCardReader } from './devices/card-reader/simulated.js';
export { PcscCardReader, type PcscCardReaderOptions } from './devices/card-reader/pcsc/index.js';
export { loadCardIssuer } from './devices/demo-cards.js';
export {
  SerialReceiptPrinter,
  type SerialReceiptPrinterOptions,
} from './devices/receipt-printer/escpos/index.js';
export {
  CupsA4Printer,
  DEFAULT_CUPS_SERVER,
  type CupsA4PrinterOptions,
} from './devices/a4-printer/cups/cups-a4-printer.js';
export type { A4Printer, PrintFailure, PrintJob } from './devices/a4-printer/a4-printer.js';
export type { Receipt, ReceiptPrinter } from './devices/receipt-printer/receipt-printer.js';
