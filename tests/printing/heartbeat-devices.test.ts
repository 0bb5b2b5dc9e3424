/**
 * Device trouble reaches the operators: the agent drives a receipt printer on a serial line (a socat pty pair with a
 * fake Epson-compatible printer on the other end); paper out and cover open go into the next heartbeat, which the
 * centre keeps as the kiosk's latest state and in its status-change history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskRig, type KioskRig } from '../kiosk/kiosk-rig.js';
import { FakeEscPosPrinter } from './support/escpos-printer.js';
import { openPtyPair, type PtyPair } from './support/pty-pair.js';

let pair: PtyPair;
let printer: FakeEscPosPrinter;
let rig: KioskRig;

beforeAll(async () => {
  pair = await openPtyPair();
  printer = await FakeEscPosPrinter.open(pair.printerPath);
  rig = await startKioskRig({
    KIOSK_RECEIPT_PRINTER: `serial:${pair.kioskPath}`,
    KIOSK_SUPPORT_PHONE: '0120-000-000',
  });
});
afterAll(async () => {
  await rig?.close();
  await printer?.close();
  await pair?.close();
});

/** The receipt printer's status in the newest heartbeat the centre received from this kiosk. */
const atCentre = () =>
  rig.system.center.heartbeats
    .latest('kiosk-0001')
    ?.heartbeat.devices.find((d) => d.device === 'receipt_printer')?.status;

/** Waits until a delivered heartbeat says the receipt printer is in `status`. */
const heartbeatSays = (status: string) =>
  rig.tap.until(() =>
    rig.tap.heartbeats.some(
      (h) => h.delivered && h.body.devices.some((d) => d.device === 'receipt_printer' && d.status === status),
    ),
  );

describe('receipt printer trouble in the heartbeat', () => {
  it('reports the printer ready, then paper out, then cover open, then ready again', async () => {
    await heartbeatSays('ready');
    printer.state = 'paper_out';
    await heartbeatSays('no_paper');
    expect(atCentre()).toBe('no_paper');
    printer.state = 'cover_open';
    await heartbeatSays('cover_open');
    expect(atCentre()).toBe('cover_open');
    printer.state = 'ready';
    await rig.tap.until(() => {
      const last = rig.tap.heartbeats.at(-1);
      return (
        !!last?.delivered &&
        last.body.devices.some((d) => d.device === 'receipt_printer' && d.status === 'ready')
      );
    });
    const history = rig.system.center.heartbeats
      .history('kiosk-0001')
      .filter((c) => c.device === 'receipt_printer')
      .map((c) => c.to)
      .reverse();
    expect(history).toEqual(expect.arrayContaining(['no_paper', 'cover_open']));
    expect(history.at(-1)).toBe('ready');
  });
});
