/**
 * The device factory: configuration alone picks each device's driver — the simulated card reader (demo) or PC/SC,
 * the simulated A4 printer or CUPS, the simulated receipt printer or ESC/POS on a serial line — and, in demo mode,
 * the demo dock's controls over the simulated ones.
 */
import { DEMO_COINS_YEN } from '@kiosk/protocol';
import type { DemoDeviceControl } from '../api/server.js';
import type { AgentConfig } from '../config.js';
import type { Devices } from '../session/ports.js';
import type { A4Printer } from './a4-printer/a4-printer.js';
import { CupsA4Printer } from './a4-printer/cups/cups-a4-printer.js';
import { SimulatedA4Printer } from './a4-printer/simulated.js';
import type { CardReader } from './card-reader/card-reader.js';
import { PcscCardReader } from './card-reader/pcsc/index.js';
import { SimulatedCardReader } from './card-reader/simulated.js';
import { SimulatedCoinAcceptor } from './payment/simulated.js';
import { SerialReceiptPrinter } from './receipt-printer/escpos/index.js';
import { SimulatedReceiptPrinter, type ReceiptPrinter } from './receipt-printer/receipt-printer.js';

export interface DeviceSetup {
  readonly devices: Devices;
  /** Demo mode only: what the demo dock may do to the simulated devices. */
  readonly demoDevices: DemoDeviceControl | undefined;
  /** Stops the printers' status polling and closes their lines. */
  close(): Promise<void>;
}

const logTo = (device: string) => (message: string) => console.log(`[${device}] ${message}`);

export function makeDevices(config: AgentConfig): DeviceSetup {
  const cardReader = makeCardReader(config);
  const a4Printer = makeA4Printer(config);
  const receiptPrinter = makeReceiptPrinter(config);
  const payment = new SimulatedCoinAcceptor({ autoPay: config.autoPay });
  const devices: Devices = { cardReader, a4Printer, receiptPrinter, payment };
  return {
    devices,
    demoDevices: config.demo ? demoControls(devices, payment) : undefined,
    async close() {
      if (a4Printer instanceof CupsA4Printer) await a4Printer.close();
      if (receiptPrinter instanceof SerialReceiptPrinter) await receiptPrinter.close();
      await cardReader.close();
    },
  };
}

function makeCardReader(config: AgentConfig): CardReader {
  if (config.devices === 'simulated') return new SimulatedCardReader();
  return new PcscCardReader({ readerName: config.cardReaderName, log: logTo('card-reader') });
}

function makeA4Printer(config: AgentConfig): A4Printer {
  const printer = config.a4Printer;
  if (printer.kind === 'cups') {
    return new CupsA4Printer({ queue: printer.queue, server: printer.server, log: logTo('a4-printer') });
  }
  // Outside the demo there is no paper tray: a simulated A4 printer then prints nothing, and says so once.
  if (!config.paperTray) logTo('a4-printer')('simulated A4 printer without a paper tray: nothing is printed');
  return new SimulatedA4Printer({ paperTray: config.paperTray });
}

function makeReceiptPrinter(config: AgentConfig): ReceiptPrinter {
  const printer = config.receiptPrinter;
  if (printer.kind === 'simulated') return new SimulatedReceiptPrinter();
  return new SerialReceiptPrinter({
    path: printer.path,
    baudRate: printer.baudRate,
    model: printer.model,
    layout: { supportPhone: printer.supportPhone, storeName: printer.storeName },
    log: logTo('receipt-printer'),
  });
}

/** The demo dock reaches only simulated devices; a real printer wired into a demo keeps its own state. */
function demoControls(devices: Devices, payment: SimulatedCoinAcceptor): DemoDeviceControl {
  const { a4Printer, receiptPrinter } = devices;
  return {
    devices: () => ({
      autoPay: payment.autoPay,
      coinsYen: [...DEMO_COINS_YEN],
      insertedYen: insertedSoFar(payment),
      a4Printer: a4Printer instanceof SimulatedA4Printer ? a4Printer.currentFault() : 'none',
      receiptPrinter: receiptPrinter instanceof SimulatedReceiptPrinter ? receiptPrinter.fault : 'none',
    }),
    insertCoin: (yen) => payment.insert(yen).ok,
    setAutoPay: (on) => {
      payment.autoPay = on;
    },
    setA4Fault: (fault) => {
      if (a4Printer instanceof SimulatedA4Printer) a4Printer.setFault(fault);
    },
    setReceiptFault: (fault) => {
      if (receiptPrinter instanceof SimulatedReceiptPrinter) receiptPrinter.fault = fault;
    },
  };
}

function insertedSoFar(payment: SimulatedCoinAcceptor): number {
  const status = payment.status();
  return status.kind === 'collecting' ? status.insertedYen : 0;
}
