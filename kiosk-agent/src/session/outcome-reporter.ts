/**
 * Tells the centre how each certificate ended (printed / failed) without ever holding up the resident: the first
 * try starts at once, and one the line did not take is retried a few times in the background. Memory is bounded:
 * a handful of reports wait at most, and one given up on is counted for the operators.
 */
import type { ErrorCode, OutcomeRequest } from '@kiosk/protocol';
import type { Counting } from '../health/counters.js';
import { systemTimers, type Timers } from '../health/timers.js';
import type { LineApi } from './ports.js';

export interface OutcomeReports {
  report(certificateId: string, outcome: OutcomeRequest): void;
}

export interface OutcomeReporterOptions {
  readonly line: Pick<LineApi, 'outcome'>;
  readonly counters: Counting;
  readonly log: (message: string) => void;
  /** Waits before each retry (default 2 s, 10 s, 60 s: three retries). */
  readonly retryDelaysMs?: readonly number[];
  /** Reports waiting for a retry at most; past that the oldest is given up (default 16). */
  readonly maxWaiting?: number;
  readonly timers?: Timers;
}

/** Worth another try: the line or the centre may be back later. Anything else is the centre's final word. */
const RETRYABLE: ReadonlySet<ErrorCode> = new Set([
  'LINE_UNREACHABLE',
  'LINE_RATE_LIMITED',
  'INTERNAL_ERROR',
]);

interface Waiting {
  readonly certificateId: string;
  readonly timer: unknown;
}

export class OutcomeReporter implements OutcomeReports {
  private readonly waiting: Waiting[] = [];
  private readonly timers: Timers;
  private stopped = false;

  constructor(private readonly opts: OutcomeReporterOptions) {
    this.timers = opts.timers ?? systemTimers;
  }

  report(certificateId: string, outcome: OutcomeRequest): void {
    if (this.stopped) return;
    void this.attempt(certificateId, outcome, 0);
  }

  /** Reports waiting for a retry now. */
  waitingCount(): number {
    return this.waiting.length;
  }

  /** Drops every retry (the agent is shutting down); the centre keeps those certificates as issued. */
  stop(): void {
    this.stopped = true;
    for (const w of this.waiting.splice(0)) this.timers.clearTimeout(w.timer);
  }

  private async attempt(certificateId: string, outcome: OutcomeRequest, tries: number): Promise<void> {
    const result = await this.opts.line.outcome(certificateId, outcome);
    if (result.ok || this.stopped) return;
    const delays = this.opts.retryDelaysMs ?? [2_000, 10_000, 60_000];
    const delay = delays[tries];
    if (!RETRYABLE.has(result.error.code) || delay === undefined) {
      return this.giveUp(certificateId, result.error.code);
    }
    if (this.waiting.length >= (this.opts.maxWaiting ?? 16)) {
      const oldest = this.waiting.shift();
      if (oldest) {
        this.timers.clearTimeout(oldest.timer);
        this.giveUp(oldest.certificateId, 'too many waiting');
      }
    }
    const timer = this.timers.setTimeout(() => {
      const index = this.waiting.findIndex((w) => w.timer === timer);
      if (index >= 0) this.waiting.splice(index, 1);
      void this.attempt(certificateId, outcome, tries + 1);
    }, delay);
    this.waiting.push({ certificateId, timer });
  }

  private giveUp(certificateId: string, why: string): void {
    this.opts.counters.count('outcomes_undelivered');
    this.opts.log(`outcome for ${certificateId} not delivered: ${why}`);
  }
}
