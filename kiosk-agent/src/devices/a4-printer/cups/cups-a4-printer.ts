/**
 * The kiosk's A4 printer through CUPS. print() hands the PDF to lp on stdin, follows the job until it is on paper
 * or cannot be, then purges it so that cupsd keeps neither the document nor the job's history. status() is the
 * printer as the last poll saw it; supplies() its toner/ink levels for the operators.
 */
import { err, ok, type DeviceStatus, type Result } from '@kiosk/protocol';
import type { A4Printer, PrintFailure, PrintJob } from '../a4-printer.js';
import { CupsClient, type CupsError, type SubmitError } from './cups-client.js';
import { isFinished, type PrinterAttributes } from './cups-output.js';
import {
  blockingFailure,
  failureOf,
  failureOfEndedJob,
  judgePrinter,
  refusalBeforeSubmit,
  suppliesOf,
  type Supply,
} from './printer-state.js';
import { runCommand, type CommandRunner } from './run-command.js';
import { systemTimers, type Timers } from './timers.js';

export interface CupsA4PrinterOptions {
  /** The CUPS queue (lpadmin -p) of the A4 printer. */
  readonly queue: string;
  /** cupsd's address: a Unix socket path or host:port. Default: the system cupsd's socket. */
  readonly server?: string;
  /** From submission to paper; past it the job is cancelled and purged and print() answers 'timeout'. */
  readonly jobTimeoutMs?: number;
  /** How often the printer is polled, and a running job looked at. */
  readonly pollIntervalMs?: number;
  /** Status changes and job outcomes for the operators' log: job ids and CUPS reasons, never a title. */
  readonly log?: (message: string) => void;
  readonly timers?: Timers;
  /** Runs lp and ipptool; a test of this class's logic passes a scripted one. */
  readonly run?: CommandRunner;
}

export const DEFAULT_CUPS_SERVER = '/run/cups/cups.sock';
const DEFAULT_JOB_TIMEOUT_MS = 120_000;
const DEFAULT_POLL_INTERVAL_MS = 2_000;
/** Bounds each lp / ipptool run (lp streams the whole PDF within it). */
const COMMAND_TIMEOUT_MS = 30_000;
/** How long a cancelled job may take to stop before its purge is given up (and logged). */
const PURGE_TIMEOUT_MS = 15_000;

export class CupsA4Printer implements A4Printer {
  private readonly client: CupsClient;
  private readonly timers: Timers;
  private readonly log: (message: string) => void;
  private readonly queue: string;
  private readonly jobTimeoutMs: number;
  private readonly pollIntervalMs: number;
  private readonly stopPolling: () => void;
  private printer: Result<PrinterAttributes, CupsError> = err({
    kind: 'unreachable',
    detail: 'not polled yet',
  });
  private current: DeviceStatus = { kind: 'offline' };
  private printing = false;
  /** One job at a time: the next print waits for the previous one's end. */
  private turn: Promise<unknown> = Promise.resolve();
  private polling: Promise<DeviceStatus> | undefined;
  private nextPoll: Promise<DeviceStatus> | undefined;
  private closed = false;

  constructor(options: CupsA4PrinterOptions) {
    this.queue = options.queue;
    this.timers = options.timers ?? systemTimers;
    this.log = options.log ?? (() => {});
    this.jobTimeoutMs = options.jobTimeoutMs ?? DEFAULT_JOB_TIMEOUT_MS;
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    this.client = new CupsClient({
      queue: options.queue,
      server: options.server ?? DEFAULT_CUPS_SERVER,
      run: options.run ?? runCommand,
      commandTimeoutMs: COMMAND_TIMEOUT_MS,
    });
    this.stopPolling = this.timers.every(this.pollIntervalMs, () => {
      if (!this.polling) void this.refresh();
    });
    void this.refresh();
  }

  status(): DeviceStatus {
    return this.current;
  }

  /** Toner, ink, drum… as of the last poll, for the heartbeat (describeSupplies makes the line). */
  supplies(): Supply[] {
    return this.printer.ok ? suppliesOf(this.printer.value) : [];
  }

  /** Polls the printer now (the periodic poll does the same); resolves with the status it found. */
  refresh(): Promise<DeviceStatus> {
    // A poll under way may have asked before the caller had a reason to: one more follows it, for all who wait.
    if (this.polling) {
      this.nextPoll ??= this.polling.then(() => {
        this.nextPoll = undefined;
        return this.refresh();
      });
      return this.nextPoll;
    }
    this.polling = this.client.printer().then((answer) => {
      this.polling = undefined;
      this.printer = answer;
      this.update();
      return this.current;
    });
    return this.polling;
  }

  print(job: PrintJob): Promise<Result<void, PrintFailure>> {
    if (!Number.isSafeInteger(job.copies) || job.copies < 1) throw new RangeError(`copies: ${job.copies}`);
    if (job.pdf.byteLength === 0) throw new RangeError('the PDF is empty');
    const printed = this.turn.then(() => this.printOne(job));
    this.turn = printed.catch(() => undefined);
    return printed;
  }

  /** Stops the polling; a print under way still runs to its end. */
  async close(): Promise<void> {
    this.closed = true;
    this.stopPolling();
    await (this.nextPoll ?? this.polling);
  }

  private async printOne(job: PrintJob): Promise<Result<void, PrintFailure>> {
    if (this.closed) return err('offline');
    const before = await this.refresh();
    if (!this.printer.ok) return err(failureOf(before) ?? 'offline');
    // A job sent to a printer without paper would only wait behind the fault: say so at once.
    const refusal = refusalBeforeSubmit(this.printer.value);
    if (refusal) {
      this.log(`a4 printer ${this.queue}: job not submitted, the printer is ${refusal}`);
      return err(refusal);
    }
    this.printing = true;
    this.update();
    try {
      const submitted = await this.client.submit(job);
      if (!submitted.ok) return err(await this.submitFailure(submitted.error));
      this.log(`a4 printer ${this.queue}: job ${submitted.value} submitted (copies: ${job.copies})`);
      return await this.follow(submitted.value);
    } finally {
      this.printing = false;
      this.update();
    }
  }

  private async submitFailure(error: SubmitError): Promise<PrintFailure> {
    this.log(`a4 printer ${this.queue}: lp failed: ${error.detail}`);
    if (error.kind !== 'refused') return 'offline';
    return failureOf(await this.refresh()) ?? 'error';
  }

  private async follow(jobId: number): Promise<Result<void, PrintFailure>> {
    const deadline = this.timers.now() + this.jobTimeoutMs;
    for (;;) {
      const looked = await this.client.job(jobId);
      const job = looked.ok ? looked.value : undefined;
      if (job === 'gone') {
        // Its end cannot be known: printed or not, the fee must not be taken on a guess.
        this.log(
          `a4 printer ${this.queue}: job ${jobId} vanished before its end was read; ` +
            'cupsd must keep finished jobs a few seconds (PreserveJobHistory)',
        );
        return err('error');
      }
      if (job) {
        if (job.state === 'completed') {
          await this.discard(jobId);
          this.log(`a4 printer ${this.queue}: job ${jobId} completed`);
          return ok(undefined);
        }
        await this.refresh();
        const printer = this.printer.ok ? this.printer.value : undefined;
        const failure = isFinished(job.state)
          ? failureOfEndedJob(job, printer)
          : printer && blockingFailure(printer, job);
        if (failure) {
          this.log(`a4 printer ${this.queue}: job ${jobId} ${job.state}, failed: ${failure}`);
          await this.discard(jobId);
          return err(failure);
        }
      }
      // A failed look (cupsd restarting) is tried again, like a job still on its way, until the deadline.
      if (this.timers.now() >= deadline) {
        this.log(`a4 printer ${this.queue}: job ${jobId} timed out`);
        await this.discard(jobId);
        return err('timeout');
      }
      await this.timers.delay(this.pollIntervalMs);
    }
  }

  /**
   * Leaves no copy behind. cupsd keeps a finished job's control file (title, owner, options) for
   * PreserveJobHistory and its document for PreserveJobFiles (Debian's default keeps it a day); a Cancel-Job with
   * purge-job drops both at once. A job still printing is only cancelled by it: it is purged again once stopped.
   */
  private async discard(jobId: number): Promise<void> {
    const deadline = this.timers.now() + PURGE_TIMEOUT_MS;
    for (;;) {
      const purged = await this.client.purge(jobId);
      const looked = await this.client.job(jobId);
      const job = looked.ok ? looked.value : undefined;
      if (job === 'gone') return;
      if (this.timers.now() >= deadline) {
        const why = !purged.ok ? purged.error.detail : job ? `still ${job.state}` : 'cupsd did not answer';
        this.log(`a4 printer ${this.queue}: job ${jobId} could not be purged: ${why}`);
        return;
      }
      if (!job || !isFinished(job.state)) await this.timers.delay(Math.min(this.pollIntervalMs, 250));
    }
  }

  private update(): void {
    const previous = this.current;
    let next: DeviceStatus;
    let why = '';
    if (this.printer.ok) {
      next = judgePrinter(this.printer.value).status;
      why = ` (printer ${this.printer.value.state}, reasons: ${this.printer.value.reasons.join(' ') || 'none'})`;
    } else {
      const { kind, detail } = this.printer.error;
      next = kind === 'unreachable' ? { kind: 'offline' } : { kind: 'error', detail: `CUPS: ${detail}` };
      if (kind === 'unreachable') why = ` (${detail})`;
    }
    if (this.printing && next.kind === 'ready') next = { kind: 'busy' };
    this.current = next;
    if (describe(previous) !== describe(next))
      this.log(`a4 printer ${this.queue}: ${describe(previous)} → ${describe(next)}${why}`);
  }
}

const describe = (status: DeviceStatus): string =>
  status.kind === 'error' ? `error: ${status.detail}` : status.kind;
