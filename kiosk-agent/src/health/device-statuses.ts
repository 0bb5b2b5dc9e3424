/**
 * Every device's status in the one shape the UI snapshot and the heartbeat share. The heartbeat takes only the
 * status kinds (a closed set of words), never a device's free-text detail.
 */
import type { DeviceHealth, DeviceStatus, DeviceStatuses } from '@kiosk/protocol';
import type { CardReaderStatus } from '../devices/card-reader/card-reader.js';
import { paymentHealth } from '../devices/payment/payment.js';
import type { Devices } from '../session/ports.js';

export type DeviceName = DeviceHealth['device'];
export type DeviceKinds = Readonly<Record<DeviceName, DeviceStatus['kind']>>;

export function deviceStatuses(devices: Devices): DeviceStatuses {
  return {
    cardReader: readerHealth(devices.cardReader.status()),
    a4Printer: devices.a4Printer.status(),
    receiptPrinter: devices.receiptPrinter.status(),
    payment: paymentHealth(devices.payment.status()),
  };
}

export function deviceKinds(devices: Devices): DeviceKinds {
  const now = deviceStatuses(devices);
  return {
    card_reader: now.cardReader.kind,
    a4_printer: now.a4Printer.kind,
    receipt_printer: now.receiptPrinter.kind,
    payment: now.payment.kind,
  };
}

function readerHealth(status: CardReaderStatus): DeviceStatus {
  switch (status.kind) {
    case 'no_card':
    case 'card_present':
      return { kind: 'ready' };
    case 'no_reader':
      return { kind: 'no_reader' };
    case 'card_error':
      return { kind: 'error', detail: status.detail };
    case 'service_down':
      return { kind: 'offline' };
  }
}
