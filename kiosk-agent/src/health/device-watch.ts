/**
 * Looks at every device's status kind once a poll period and reports changes (paper out, back, reader lost…), so
 * an early heartbeat can tell the operators and the paper counter can see a refill. Not every driver pushes its
 * status, and reading an in-memory status is cheap, so polling serves all four devices alike.
 */
import type { DeviceKinds, DeviceName } from './device-statuses.js';
import { systemTimers, type Timers } from './timers.js';

export interface DeviceWatchOptions {
  readonly read: () => DeviceKinds;
  readonly onChange: (before: DeviceKinds, after: DeviceKinds) => void;
  /** Default 1000 ms. */
  readonly pollMs?: number;
  readonly timers?: Timers;
}

/** Starts watching; returns the function that stops it. */
export function watchDevices(opts: DeviceWatchOptions): () => void {
  const timers = opts.timers ?? systemTimers;
  let before = opts.read();
  let timer: unknown;
  const poll = (): void => {
    const after = opts.read();
    const changed = (Object.keys(after) as DeviceName[]).some((device) => after[device] !== before[device]);
    const previous = before;
    before = after;
    if (changed) opts.onChange(previous, after);
    timer = timers.setTimeout(poll, opts.pollMs ?? 1000);
  };
  timer = timers.setTimeout(poll, opts.pollMs ?? 1000);
  return () => timers.clearTimeout(timer);
}

/** The A4 printer came back from paper out to work: someone refilled the cassette. */
export const paperRefilled = (before: DeviceKinds, after: DeviceKinds): boolean =>
  before.a4_printer === 'no_paper' && ['ready', 'busy', 'paper_low'].includes(after.a4_printer);
