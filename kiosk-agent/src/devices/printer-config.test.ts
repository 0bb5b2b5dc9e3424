import { describe, expect, it } from 'vitest';
import { a4PrinterFromEnv, receiptPrinterFromEnv } from './printer-config.js';

describe('printer configuration', () => {
  it('defaults to the simulated printers', () => {
    expect(a4PrinterFromEnv({})).toEqual({ kind: 'simulated' });
    expect(receiptPrinterFromEnv({})).toEqual({ kind: 'simulated' });
  });

  it('reads a CUPS queue and server', () => {
    expect(
      a4PrinterFromEnv({ KIOSK_A4_PRINTER: 'cups:kiosk-a4', KIOSK_CUPS_SERVER: '/run/cups/cups.sock' }),
    ).toEqual({
      kind: 'cups',
      queue: 'kiosk-a4',
      server: '/run/cups/cups.sock',
    });
    expect(() => a4PrinterFromEnv({ KIOSK_A4_PRINTER: 'lp' })).toThrow(/cups:<queue name>/);
  });

  it('reads a serial receipt printer, and wants the support number every receipt prints', () => {
    expect(
      receiptPrinterFromEnv({
        KIOSK_RECEIPT_PRINTER: 'serial:/dev/ttyUSB0',
        KIOSK_SUPPORT_PHONE: '0120-000-000',
      }),
    ).toEqual({
      kind: 'serial',
      path: '/dev/ttyUSB0',
      baudRate: 38400,
      model: 'epson-tm-t88',
      supportPhone: '0120-000-000',
      storeName: undefined,
    });
    expect(() => receiptPrinterFromEnv({ KIOSK_RECEIPT_PRINTER: 'serial:/dev/ttyUSB0' })).toThrow(
      /KIOSK_SUPPORT_PHONE/,
    );
    expect(() =>
      receiptPrinterFromEnv({
        KIOSK_RECEIPT_PRINTER: 'serial:/dev/ttyS0',
        KIOSK_SUPPORT_PHONE: '1',
        KIOSK_RECEIPT_MODEL: 'x',
      }),
    ).toThrow(/not a known receipt printer model/);
    expect(() => receiptPrinterFromEnv({ KIOSK_RECEIPT_PRINTER: 'usb' })).toThrow(/serial:\/dev/);
  });
});
