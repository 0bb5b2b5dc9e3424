/**
 * Which printers the kiosk drives, from the environment: the simulated ones (the demo), the A4 printer through a
 * CUPS queue, the receipt printer on a serial line. Kept apart from config.ts so each device's settings read together.
 */
import { isPrinterModel, type PrinterModel } from './receipt-printer/escpos/index.js';

export type A4PrinterConfig =
  | { readonly kind: 'simulated' }
  | { readonly kind: 'cups'; readonly queue: string; readonly server: string | undefined };

export type ReceiptPrinterConfig =
  | { readonly kind: 'simulated' }
  | {
      readonly kind: 'serial';
      readonly path: string;
      readonly baudRate: number;
      readonly model: PrinterModel;
      readonly supportPhone: string;
      readonly storeName: string | undefined;
    };

type Env = NodeJS.ProcessEnv;

/** `KIOSK_A4_PRINTER`: `simulated` (default) or `cups:<queue>`; `KIOSK_CUPS_SERVER`: socket path or host:port. */
export function a4PrinterFromEnv(env: Env): A4PrinterConfig {
  const value = env['KIOSK_A4_PRINTER'] ?? 'simulated';
  if (value === 'simulated') return { kind: 'simulated' };
  const queue = /^cups:([A-Za-z0-9_.-]+)$/.exec(value)?.[1];
  if (!queue) throw new Error(`KIOSK_A4_PRINTER=${value}: use "simulated" or "cups:<queue name>"`);
  return { kind: 'cups', queue, server: env['KIOSK_CUPS_SERVER'] || undefined };
}

/**
 * `KIOSK_RECEIPT_PRINTER`: `simulated` (default) or `serial:<device path>`, with `KIOSK_RECEIPT_BAUD` (38400),
 * `KIOSK_RECEIPT_MODEL` (epson-tm-t88), `KIOSK_SUPPORT_PHONE` (required: every receipt prints it) and
 * `KIOSK_STORE_NAME`.
 */
export function receiptPrinterFromEnv(env: Env): ReceiptPrinterConfig {
  const value = env['KIOSK_RECEIPT_PRINTER'] ?? 'simulated';
  if (value === 'simulated') return { kind: 'simulated' };
  const path = /^serial:(\/.+)$/.exec(value)?.[1];
  if (!path) throw new Error(`KIOSK_RECEIPT_PRINTER=${value}: use "simulated" or "serial:/dev/<device>"`);
  const baudRate = Number(env['KIOSK_RECEIPT_BAUD'] ?? 38400);
  if (!Number.isInteger(baudRate) || baudRate <= 0)
    throw new Error(
      `KIOSK_RECEIPT_BAUD=${env['KIOSK_RECEIPT_BAUD']}: use the printer's baud rate, e.g. 38400`,
    );
  const model = env['KIOSK_RECEIPT_MODEL'] ?? 'epson-tm-t88';
  if (!isPrinterModel(model))
    throw new Error(`KIOSK_RECEIPT_MODEL=${model}: not a known receipt printer model`);
  const supportPhone = env['KIOSK_SUPPORT_PHONE'];
  if (!supportPhone)
    throw new Error('KIOSK_SUPPORT_PHONE is required with a receipt printer: every receipt prints it');
  return {
    kind: 'serial',
    path,
    baudRate,
    model,
    supportPhone,
    storeName: env['KIOSK_STORE_NAME'] || undefined,
  };
}
