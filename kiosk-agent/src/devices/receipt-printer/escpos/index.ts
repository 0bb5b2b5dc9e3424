/** The ESC/POS receipt printer on a serial line: the driver, and the pieces it is made of for tests and tools. */
export { SerialReceiptPrinter, type SerialReceiptPrinterOptions } from './serial-receipt-printer.js';
export { serialPortLink, type OpenLink, type SerialLink, type SerialSettings } from './serial-link.js';
export {
  receiptBytes,
  receiptLines,
  type Label,
  type ReceiptLayoutOptions,
  type ReceiptLine,
} from './receipt-layout.js';
export { EscPosEncoder, displayWidth, shiftJis, statusRequest } from './encoder.js';
export { STATUS_MODELS, isPrinterModel, type PrinterModel, type StatusBits } from './status-models.js';
export { deviceStatusFrom, type StatusReplies } from './status.js';
