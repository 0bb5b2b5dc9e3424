// What a heartbeat can hold: device status words and counters under fixed names, nothing else.
import { readFileSync } from 'node:fs';
import { Heartbeat } from '@kiosk/protocol';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { HealthCounters, type CounterSnapshot } from './counters.js';
import type { DeviceKinds } from './device-statuses.js';
import { paperRefilled, watchDevices } from './device-watch.js';
import { agentVersion, buildHeartbeat } from './heartbeat.js';

const meta = { at: new Date('2026-11-20T01:00:00Z'), uptimeSeconds: 90.7, softwareVersion: '0.1.0' };
const ready: DeviceKinds = {
  card_reader: 'ready',
  a4_printer: 'ready',
  receipt_printer: 'ready',
  payment: 'ready',
};

describe('buildHeartbeat', () => {
  it('carries the four devices, every counter and the version, valid against the line schema', () => {
    const counters = new HealthCounters();
    counters.count('sessions');
    counters.sheetsPrinted(2);
    const heartbeat = buildHeartbeat(
      { devices: { ...ready, a4_printer: 'no_paper' }, counters: counters.snapshot() },
      meta,
    );
    expect(Value.Check(Heartbeat, heartbeat)).toBe(true);
    expect(heartbeat).toEqual({
      kioskTime: '2026-11-20T01:00:00.000Z',
      softwareVersion: '0.1.0',
      uptimeSeconds: 90,
      devices: [
        { device: 'card_reader', status: 'ready' },
        { device: 'a4_printer', status: 'no_paper' },
        { device: 'receipt_printer', status: 'ready' },
        { device: 'payment', status: 'ready' },
      ],
      counters: {
        sessions: 1,
        certificates_printed: 0,
        print_failures: 0,
        receipts_printed: 0,
        receipt_failures: 0,
        payment_failures: 0,
        payments_cancelled: 0,
        outcomes_undelivered: 0,
        sheets_since_refill: 2,
      },
    });
  });

  it('lets no free text in, even past the types: unknown words become "error", unknown keys are dropped', () => {
    const canary = '鈴木 一郎 908172635449';
    const devices = { ...ready, card_reader: canary } as unknown as DeviceKinds;
    const counters = { ...new HealthCounters().snapshot(), [canary]: 1, sessions: -3 } as CounterSnapshot;
    const heartbeat = buildHeartbeat({ devices, counters }, meta);
    expect(JSON.stringify(heartbeat)).not.toContain('908172635449');
    expect(JSON.stringify(heartbeat)).not.toContain('鈴木');
    expect(heartbeat.devices[0]).toEqual({ device: 'card_reader', status: 'error' });
    expect(heartbeat.counters['sessions']).toBe(0);
  });

  it('reports the agent version from its package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(agentVersion()).toBe(pkg.version);
  });
});

describe('counters and the device watch', () => {
  it('estimates the A4 sheets since the last refill', () => {
    const counters = new HealthCounters();
    counters.sheetsPrinted(3);
    expect(counters.snapshot().sheets_since_refill).toBe(3);
    expect(paperRefilled({ ...ready, a4_printer: 'no_paper' }, ready)).toBe(true);
    expect(paperRefilled({ ...ready, a4_printer: 'no_paper' }, { ...ready, a4_printer: 'offline' })).toBe(
      false,
    );
    counters.paperRefilled();
    expect(counters.snapshot().sheets_since_refill).toBe(0);
  });

  it('reports a change of any device once, at the next poll', () => {
    let now = ready;
    const changes: [DeviceKinds, DeviceKinds][] = [];
    const callbacks: (() => void)[] = [];
    const stop = watchDevices({
      read: () => now,
      onChange: (before, after) => changes.push([before, after]),
      timers: { now: () => 0, setTimeout: (callback) => callbacks.push(callback), clearTimeout: () => {} },
    });
    const poll = () => callbacks.shift()?.();
    poll();
    now = { ...ready, receipt_printer: 'no_paper' };
    poll();
    poll();
    expect(changes).toEqual([[ready, now]]);
    stop();
  });
});
