/**
 * Builds one heartbeat from device status kinds and counters only. Every value is checked against a closed set
 * (known status words, known counter names, integers), so no free text, and so no applicant data, can get in.
 */
import { readFileSync } from 'node:fs';
import type { DeviceStatus, Heartbeat } from '@kiosk/protocol';
import { COUNTER_NAMES, type CounterSnapshot } from './counters.js';
import type { DeviceKinds, DeviceName } from './device-statuses.js';

export interface HealthReading {
  readonly devices: DeviceKinds;
  readonly counters: CounterSnapshot;
}

export interface HeartbeatMeta {
  readonly at: Date;
  readonly uptimeSeconds: number;
  readonly softwareVersion: string;
}

const DEVICES: readonly DeviceName[] = ['card_reader', 'a4_printer', 'receipt_printer', 'payment'];
const STATUS_KINDS: ReadonlySet<string> = new Set<DeviceStatus['kind']>([
  'ready',
  'busy',
  'no_paper',
  'paper_low',
  'cover_open',
  'jam',
  'no_reader',
  'offline',
  'error',
]);

export function buildHeartbeat(reading: HealthReading, meta: HeartbeatMeta): Heartbeat {
  return {
    kioskTime: meta.at.toISOString(),
    softwareVersion: meta.softwareVersion,
    uptimeSeconds: wholeNumber(meta.uptimeSeconds),
    devices: DEVICES.map((device) => {
      const kind = reading.devices[device];
      return { device, status: STATUS_KINDS.has(kind) ? kind : 'error' };
    }),
    counters: Object.fromEntries(COUNTER_NAMES.map((name) => [name, wholeNumber(reading.counters[name])])),
  };
}

const wholeNumber = (n: number): number => (Number.isFinite(n) && n > 0 ? Math.floor(n) : 0);

/** The agent's version from its package.json; a version string only (digits, letters, dots, dashes). */
export function agentVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version?: unknown;
  };
  const version = typeof pkg.version === 'string' ? pkg.version : '';
  return /^[0-9A-Za-z.+-]{1,40}$/.test(version) ? version : 'unknown';
}
