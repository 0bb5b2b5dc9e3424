/** What one measured run recorded, and nearest-rank percentiles of its latencies (milliseconds). */

export interface Percentiles {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number): number =>
    sorted.length === 0
      ? NaN
      : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

/** Counters and samples of one run; the generator fills it, the report reads it. */
export class RunRecord {
  sent = 0;
  completed = 0;
  readonly errors = new Map<string, number>();
  /** Scheduled send → answer of the main call (the PDF for an issuance). */
  readonly latency: number[] = [];
  /** Scheduled send → the `printed` outcome acknowledged: one complete certificate. */
  readonly complete: number[] = [];
  /** Scheduled send → handed to the line client: how far the generator itself fell behind its schedule. */
  readonly sendLag: number[] = [];
  startedAt = performance.now();
  lastAnswerAt = this.startedAt;
  centreCpuS: number | undefined;
  centreMainThreadCpuS: number | undefined;
  generatorCpuS = 0;
  /** Everything else running on the machine meanwhile (other people's work shows here). */
  othersCpuS: number | undefined;

  fail(code: string): void {
    this.errors.set(code, (this.errors.get(code) ?? 0) + 1);
    this.answered();
  }

  answered(): void {
    this.lastAnswerAt = performance.now();
  }

  /** From the start to the last answer, in seconds. */
  get elapsedS(): number {
    return (this.lastAnswerAt - this.startedAt) / 1000;
  }

  get completedPerSec(): number {
    return this.elapsedS > 0 ? this.completed / this.elapsedS : 0;
  }

  get errorCount(): number {
    let n = 0;
    for (const count of this.errors.values()) n += count;
    return n;
  }
}
