/**
 * Sends the heartbeat every interval (the centre's ack may change it). While the line is down it retries with
 * exponential backoff and jitter up to a cap, and keeps one pending heartbeat, rebuilt from the latest state at
 * every try: an outage never piles up a queue, and recovery sends the state as it is now, then resumes the interval.
 */
import type { Heartbeat, HeartbeatAck, Result } from '@kiosk/protocol';
import type { LineError } from '../line/client.js';
import { buildHeartbeat, type HealthReading } from './heartbeat.js';
import { systemTimers, type Timers } from './timers.js';

export interface HeartbeatLine {
  heartbeat(heartbeat: Heartbeat): Promise<Result<HeartbeatAck, LineError>>;
}

export interface HeartbeatSenderOptions {
  readonly line: HeartbeatLine;
  readonly read: () => HealthReading;
  readonly softwareVersion: string;
  readonly intervalSeconds: number;
  /** The first retry after a failure (default 5 s, never more than the interval); each next one doubles. */
  readonly firstRetrySeconds?: number;
  /** The longest wait between retries (default 300 s). */
  readonly maxBackoffSeconds?: number;
  /** How long an early heartbeat waits for more changes to come with it (default 2 s). */
  readonly debounceSeconds?: number;
  readonly timers?: Timers;
  /** In [0, 1); the jitter spreads a fleet's retries after a centre outage. */
  readonly random?: () => number;
  readonly log?: (message: string) => void;
}

export interface SenderState {
  readonly phase: 'stopped' | 'waiting' | 'sending' | 'backing_off';
  /** Failed tries since the last heartbeat the centre acknowledged. */
  readonly failures: number;
  /** Heartbeats held for sending: never more than one. */
  readonly pending: 0 | 1;
  readonly intervalSeconds: number;
  /** The un-jittered backoff step now in force, while backing off. */
  readonly backoffSeconds: number | undefined;
  readonly sent: number;
}

/** The centre's `nextInSeconds` is followed within these bounds. */
const MIN_INTERVAL_SECONDS = 1;
const MAX_INTERVAL_SECONDS = 3600;

export class HeartbeatSender {
  private phase: SenderState['phase'] = 'stopped';
  private intervalSeconds: number;
  private failures = 0;
  private sent = 0;
  private pending: Heartbeat | undefined;
  private timer: unknown;
  private nextAt = 0;
  /** A change came in while a heartbeat was on the way: send again soon after it. */
  private changedWhileSending = false;
  private readonly timers: Timers;
  private readonly startedAt: number;

  constructor(private readonly opts: HeartbeatSenderOptions) {
    this.timers = opts.timers ?? systemTimers;
    this.intervalSeconds = opts.intervalSeconds;
    this.startedAt = this.timers.now();
  }

  /** Sends the first heartbeat now. */
  start(): void {
    if (this.phase !== 'stopped') return;
    this.phase = 'waiting';
    this.schedule(0);
  }

  stop(): void {
    this.phase = 'stopped';
    this.pending = undefined;
    this.cancelTimer();
  }

  /** Something changed (a device status): send within the debounce time, unless a send is due sooner anyway. */
  soon(): void {
    if (this.phase === 'sending') this.changedWhileSending = true;
    // While backing off the next try carries the latest state; hurrying it would defeat the backoff.
    if (this.phase !== 'waiting') return;
    const delayMs = (this.opts.debounceSeconds ?? 2) * 1000;
    if (this.nextAt - this.timers.now() > delayMs) this.schedule(delayMs);
  }

  state(): SenderState {
    return {
      phase: this.phase,
      failures: this.failures,
      pending: this.pending ? 1 : 0,
      intervalSeconds: this.intervalSeconds,
      backoffSeconds: this.phase === 'backing_off' ? this.backoffStep() : undefined,
      sent: this.sent,
    };
  }

  private async send(): Promise<void> {
    this.phase = 'sending';
    this.changedWhileSending = false;
    // One slot: a new try replaces whatever was pending with the state as it is now.
    this.pending = buildHeartbeat(this.opts.read(), {
      at: new Date(this.timers.now()),
      uptimeSeconds: (this.timers.now() - this.startedAt) / 1000,
      softwareVersion: this.opts.softwareVersion,
    });
    const result = await this.opts.line.heartbeat(this.pending);
    if (this.isStopped()) return;
    if (result.ok) {
      this.pending = undefined;
      this.sent++;
      if (this.failures > 0) this.opts.log?.(`heartbeat delivered again after ${this.failures} failed tries`);
      this.failures = 0;
      this.intervalSeconds = Math.min(
        MAX_INTERVAL_SECONDS,
        Math.max(MIN_INTERVAL_SECONDS, result.value.nextInSeconds),
      );
      this.phase = 'waiting';
      this.schedule(this.intervalSeconds * 1000);
      if (this.changedWhileSending) this.soon();
      this.changedWhileSending = false;
      return;
    }
    this.failures++;
    if (this.failures === 1) this.opts.log?.(`heartbeat not delivered (${result.error.code}); backing off`);
    this.phase = 'backing_off';
    // "Equal jitter": at least half the step, so retries still spread out but never bunch up at zero.
    const stepMs = this.backoffStep() * 1000;
    this.schedule(stepMs / 2 + (this.opts.random ?? Math.random)() * (stepMs / 2));
  }

  private isStopped(): boolean {
    return this.phase === 'stopped';
  }

  /** The first retry, doubled for every further failure, up to the cap. */
  private backoffStep(): number {
    const first = Math.min(this.opts.firstRetrySeconds ?? 5, this.intervalSeconds);
    const cap = this.opts.maxBackoffSeconds ?? 300;
    return Math.min(cap, first * 2 ** Math.max(0, this.failures - 1));
  }

  private schedule(delayMs: number): void {
    this.cancelTimer();
    this.nextAt = this.timers.now() + delayMs;
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      void this.send();
    }, delayMs);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
