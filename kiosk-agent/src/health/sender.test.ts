// The heartbeat sender on fake timers: the interval, backoff with jitter up to the cap, one pending heartbeat,
// recovery, and early heartbeats on device changes.
import { errorBody, type Heartbeat, type HeartbeatAck, type Result } from '@kiosk/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LineError } from '../line/client.js';
import { HealthCounters } from './counters.js';
import type { DeviceKinds } from './device-statuses.js';
import { HeartbeatSender, type HeartbeatSenderOptions } from './sender.js';

const T0 = Date.parse('2026-11-20T01:00:00Z');

/** A line that is up or down, and remembers what was tried and when (seconds since T0). */
let up: boolean;
let tries: { at: number; heartbeat: Heartbeat }[];
let ackSeconds: number;
const line = {
  async heartbeat(heartbeat: Heartbeat): Promise<Result<HeartbeatAck, LineError>> {
    tries.push({ at: (Date.now() - T0) / 1000, heartbeat });
    if (!up) return { ok: false, error: errorBody('LINE_UNREACHABLE', 'connect ECONNREFUSED').error };
    return { ok: true, value: { receivedAt: new Date().toISOString(), nextInSeconds: ackSeconds } };
  },
};

let counters: HealthCounters;
let devices: DeviceKinds;
let sender: HeartbeatSender;

function start(opts: Partial<HeartbeatSenderOptions> = {}): HeartbeatSender {
  sender = new HeartbeatSender({
    line,
    read: () => ({ devices, counters: counters.snapshot() }),
    softwareVersion: '0.1.0',
    intervalSeconds: 30,
    maxBackoffSeconds: 60,
    random: () => 0,
    ...opts,
  });
  sender.start();
  return sender;
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
  up = true;
  tries = [];
  ackSeconds = 30;
  counters = new HealthCounters();
  devices = { card_reader: 'ready', a4_printer: 'ready', receipt_printer: 'ready', payment: 'ready' };
});
afterEach(() => {
  sender.stop();
  vi.useRealTimers();
});

describe('HeartbeatSender', () => {
  it('sends at once, then at the interval the centre asks for', async () => {
    ackSeconds = 10;
    start();
    await vi.advanceTimersByTimeAsync(35_000);
    expect(tries.map((t) => t.at)).toEqual([0, 10, 20, 30]);
    expect(sender.state()).toMatchObject({
      phase: 'waiting',
      intervalSeconds: 10,
      failures: 0,
      pending: 0,
      sent: 4,
    });
    expect(tries[1]?.heartbeat).toMatchObject({ uptimeSeconds: 10, kioskTime: '2026-11-20T01:00:10.000Z' });
  });

  it('backs off exponentially while the line is down, up to the cap, keeping one pending heartbeat', async () => {
    up = false;
    start();
    await vi.advanceTimersByTimeAsync(200_000);
    // Steps 5, 10, 20, 40, 60, 60 … s; with no jitter drawn each wait is half its step.
    expect(tries.map((t) => t.at).slice(0, 8)).toEqual([0, 2.5, 7.5, 17.5, 37.5, 67.5, 97.5, 127.5]);
    expect(sender.state()).toMatchObject({ phase: 'backing_off', pending: 1, backoffSeconds: 60, sent: 0 });
  });

  it('spreads retries with jitter, but never beyond the step', async () => {
    up = false;
    start({ random: () => 0.999999 });
    await vi.advanceTimersByTimeAsync(100_000);
    const waits = tries.slice(1).map((t, i) => t.at - (tries[i]?.at ?? 0));
    expect(waits.map(Math.round)).toEqual([5, 10, 20, 40]);
  });

  it('sends the latest state on recovery, once, and then resumes the interval', async () => {
    up = false;
    start();
    await vi.advanceTimersByTimeAsync(40_000);
    const failed = tries.length;
    // During the outage the paper runs out and a session fails; nothing of it is queued.
    devices = { ...devices, a4_printer: 'no_paper' };
    counters.count('print_failures');
    up = true;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(tries).toHaveLength(failed + 1);
    const delivered = tries.at(-1)?.heartbeat;
    expect(delivered?.devices).toContainEqual({ device: 'a4_printer', status: 'no_paper' });
    expect(delivered?.counters['print_failures']).toBe(1);
    expect(sender.state()).toMatchObject({ phase: 'waiting', failures: 0, pending: 0, sent: 1 });
    const recoveredAt = tries.at(-1)?.at ?? 0;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(tries.at(-1)?.at).toBe(recoveredAt + 30);
  });

  it('sends early, once, when devices change, and not while backing off', async () => {
    start({ debounceSeconds: 2 });
    await vi.advanceTimersByTimeAsync(5_000);
    sender.soon();
    await vi.advanceTimersByTimeAsync(1_000);
    sender.soon();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(tries.map((t) => t.at)).toEqual([0, 7]);
    up = false;
    await vi.advanceTimersByTimeAsync(30_000);
    const during = tries.length;
    sender.soon();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(tries).toHaveLength(during);
  });

  it('sends nothing more once stopped', async () => {
    start();
    await vi.advanceTimersByTimeAsync(0);
    sender.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(tries).toHaveLength(1);
    expect(sender.state()).toMatchObject({ phase: 'stopped', pending: 0 });
  });
});
