/** The agent's configuration, from the environment, with defaults that run the demo on one machine. */
import { fileURLToPath } from 'node:url';
import {
  a4PrinterFromEnv,
  receiptPrinterFromEnv,
  type A4PrinterConfig,
  type ReceiptPrinterConfig,
} from './devices/printer-config.js';

export interface AgentConfig {
  readonly port: number;
  readonly kioskId: string;
  readonly centerUrl: string;
  readonly certsDir: string | undefined;
  /** The card reader: `simulated` (the demo, with the demo dock) or `pcsc` (through pcscd). */
  readonly devices: DeviceSet;
  /** The A4 printer: simulated (the demo paper tray; nothing at all outside the demo) or a CUPS queue. */
  readonly a4Printer: A4PrinterConfig;
  /** The receipt printer: simulated or ESC/POS on a serial line. */
  readonly receiptPrinter: ReceiptPrinterConfig;
  /** Demo mode, with the demo dock and the demo paper tray: exactly when the devices are `simulated`. */
  readonly demo: boolean;
  /** Picks the PC/SC reader when several are attached (a regular expression over reader names). */
  readonly cardReaderName: RegExp | undefined;
  /** The demo paper tray folder. Undefined outside demo mode: no such folder is made and nothing is written. */
  readonly paperTray: string | undefined;
  /** The simulated coin acceptor takes the exact fee by itself (default on in demo mode, off otherwise). */
  readonly autoPay: boolean;
  readonly uiDir: string;
  readonly idleTimeoutSeconds: number;
  readonly extraOrigins: readonly string[];
  /** Seconds between heartbeats until the centre's answer says otherwise. */
  readonly heartbeatSeconds: number;
  /** The longest wait between heartbeat retries while the line is down. */
  readonly heartbeatMaxBackoffSeconds: number;
}

export type DeviceSet = 'simulated' | 'pcsc';

export function agentConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AgentConfig {
  const devices = env['KIOSK_DEVICES'] ?? 'simulated';
  if (devices !== 'simulated' && devices !== 'pcsc')
    throw new Error(
      `KIOSK_DEVICES=${devices}: use "simulated" (the demo) or "pcsc" (a card reader via pcscd)`,
    );
  const demo = devices === 'simulated';
  // A production kiosk must never write certificates to a folder: refuse the setting rather than ignore it.
  if (!demo && env['KIOSK_PAPER_TRAY'])
    throw new Error('KIOSK_PAPER_TRAY is for the demo only (KIOSK_DEVICES=simulated)');
  return {
    port: Number(env['KIOSK_AGENT_PORT'] ?? 7300),
    kioskId: env['KIOSK_ID'] ?? 'kiosk-0001',
    centerUrl: env['CENTER_URL'] ?? 'https://127.0.0.1:8443',
    certsDir: env['KIOSK_CERTS_DIR'],
    devices,
    demo,
    cardReaderName: readerPattern(env['KIOSK_CARD_READER']),
    a4Printer: a4PrinterFromEnv(env),
    receiptPrinter: receiptPrinterFromEnv(env),
    paperTray: demo ? (env['KIOSK_PAPER_TRAY'] ?? 'var/demo-paper-tray') : undefined,
    autoPay: flag('KIOSK_AUTO_PAY', env['KIOSK_AUTO_PAY'], demo),
    uiDir: env['KIOSK_UI_DIR'] ?? fileURLToPath(new URL('../../kiosk-ui/dist', import.meta.url)),
    idleTimeoutSeconds: Number(env['KIOSK_IDLE_TIMEOUT'] ?? 120),
    extraOrigins: (env['KIOSK_AGENT_EXTRA_ORIGINS'] ?? '').split(',').filter(Boolean),
    heartbeatSeconds: seconds('KIOSK_HEARTBEAT_SECONDS', env['KIOSK_HEARTBEAT_SECONDS'], 30),
    heartbeatMaxBackoffSeconds: seconds(
      'KIOSK_HEARTBEAT_MAX_BACKOFF_SECONDS',
      env['KIOSK_HEARTBEAT_MAX_BACKOFF_SECONDS'],
      300,
    ),
  };
}

function seconds(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`${name}=${value}: use a whole number of seconds, 1 or more`);
  return n;
}

function flag(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  throw new Error(`${name}=${value}: use 1 or 0`);
}

function readerPattern(value: string | undefined): RegExp | undefined {
  if (!value) return undefined;
  try {
    return new RegExp(value);
  } catch {
    throw new Error(`KIOSK_CARD_READER=${value} is not a regular expression`);
  }
}
