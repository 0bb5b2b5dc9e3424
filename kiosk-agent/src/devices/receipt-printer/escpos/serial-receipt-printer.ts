/**
 * The receipt printer on a serial line, ESC/POS. Between jobs it polls the real-time status (`DLE EOT 1/2/4`, and 3
 * on errors); it refuses to print when the paper is out, the cover open or the printer silent, and checks again after.
 */
import { err, ok, type DeviceStatus, type Result } from '@kiosk/protocol';
import type { Receipt, ReceiptFailure, ReceiptPrinter } from '../receipt-printer.js';
import { statusRequest } from './encoder.js';
import { receiptBytes, type ReceiptLayoutOptions } from './receipt-layout.js';
import { serialPortLink, type OpenLink, type SerialLink } from './serial-link.js';
import { STATUS_MODELS, type PrinterModel, type StatusBits } from './status-models.js';
import { deviceStatusFrom, isStatusReply, needsErrorCause, sameStatus } from './status.js';

export interface SerialReceiptPrinterOptions {
  /** The serial device (`/dev/ttyUSB0`, `/dev/serial/by-id/…`). */
  readonly path: string;
  /** Match the printer's own setting (DIP or memory switches). Default 38400. */
  readonly baudRate?: number;
  readonly rtscts?: boolean;
  /** Whose status bit table to read; default `epson-tm-t88`. */
  readonly model?: PrinterModel;
  /** Pause between status polls while idle. Default 2 s. */
  readonly pollIntervalMs?: number;
  /** How long one status reply may take before the printer counts as offline. Default 500 ms. */
  readonly statusTimeoutMs?: number;
  /** How long a receipt may take to leave the computer (flow control can hold it). Default 10 s. */
  readonly writeTimeoutMs?: number;
  readonly layout: ReceiptLayoutOptions;
  /** Called on every status change, for the heartbeat. */
  readonly onStatus?: (status: DeviceStatus) => void;
  /** Status changes and line failures, for the operators' log. Never receipt content. */
  readonly log?: (message: string) => void;
  /** The serial line; `serialport` on `path` unless a test of this driver's logic passes its own. */
  readonly link?: OpenLink;
}

const OFFLINE: DeviceStatus = { kind: 'offline' };
const GARBLED: DeviceStatus = { kind: 'error', detail: 'status reply not understood' };

export class SerialReceiptPrinter implements ReceiptPrinter {
  private current: DeviceStatus = OFFLINE;
  private link: SerialLink | undefined;
  /** Takes the next byte from the printer while a status query waits for it; other bytes are dropped. */
  private waiter: ((byte: number) => void) | undefined;
  /** Polls and prints run one at a time: a reply byte then belongs to the one query in flight. */
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private lastLinkError: string | undefined;
  private readonly bits: StatusBits;
  private readonly openLink: OpenLink;
  private readonly log: (message: string) => void;

  constructor(private readonly options: SerialReceiptPrinterOptions) {
    this.bits = STATUS_MODELS[options.model ?? 'epson-tm-t88'];
    this.openLink =
      options.link ??
      serialPortLink({
        path: options.path,
        baudRate: options.baudRate ?? 38_400,
        rtscts: options.rtscts ?? false,
      });
    this.log = options.log ?? (() => {});
    this.poll();
  }

  status(): DeviceStatus {
    return this.current;
  }

  print(receipt: Receipt): Promise<Result<void, ReceiptFailure>> {
    return this.exclusive(() => this.printNow(receipt));
  }

  /** Asks the printer now, without waiting for the next poll. */
  refresh(): Promise<DeviceStatus> {
    return this.exclusive(() => this.check());
  }

  /** Stops polling and closes the serial line once the job or poll in flight is done. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.queue;
    await this.dropLink();
  }

  private async printNow(receipt: Receipt): Promise<Result<void, ReceiptFailure>> {
    if (this.closed) return err('offline');
    const refused = failureOf(await this.check());
    if (refused) return err(refused);
    const link = this.link;
    if (!link) return err('offline');
    this.update({ kind: 'busy' });
    const written = await withTimeout(
      link.write(receiptBytes(receipt, this.options.layout)),
      this.writeTimeout(),
    );
    if (!written.ok) {
      this.log(`receipt printer: receipt not sent (${written.error})`);
      await this.dropLink();
      this.update(OFFLINE);
      return err('offline');
    }
    // The paper may have run out or the cover opened while it printed.
    const failed = failureOf(await this.check());
    return failed ? err(failed) : ok(undefined);
  }

  private poll(): void {
    void this.exclusive(() => this.check())
      .catch((error: unknown) => this.log(`receipt printer: status poll failed: ${String(error)}`))
      .finally(() => {
        if (this.closed) return;
        this.timer = setTimeout(() => this.poll(), this.options.pollIntervalMs ?? 2_000);
        this.timer.unref();
      });
  }

  /** Asks the printer and reports a change. */
  private async check(): Promise<DeviceStatus> {
    if (this.closed) return this.current;
    const next = await this.ask();
    this.update(next);
    return next;
  }

  private async ask(): Promise<DeviceStatus> {
    const link = await this.connect();
    if (!link) return OFFLINE;
    const printer = await this.query(link, 1);
    if (!printer.ok) return printer.error;
    const offlineCause = await this.query(link, 2);
    if (!offlineCause.ok) return offlineCause.error;
    const paperSensor = await this.query(link, 4);
    if (!paperSensor.ok) return paperSensor.error;
    let errorCause: number | undefined;
    if (needsErrorCause(this.bits, offlineCause.value)) {
      const reply = await this.query(link, 3);
      if (!reply.ok) return reply.error;
      errorCause = reply.value;
    }
    return deviceStatusFrom(this.bits, {
      printer: printer.value,
      offlineCause: offlineCause.value,
      paperSensor: paperSensor.value,
      errorCause,
    });
  }

  /** One `DLE EOT n` and its one-byte reply; no reply in time means the printer is offline. */
  private query(link: SerialLink, n: 1 | 2 | 3 | 4): Promise<Result<number, DeviceStatus>> {
    return new Promise((resolve) => {
      let settled = false;
      const settle = (result: Result<number, DeviceStatus>): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.waiter = undefined;
        resolve(result);
      };
      const timer = setTimeout(() => settle(err(OFFLINE)), this.options.statusTimeoutMs ?? 500);
      this.waiter = (byte) => settle(isStatusReply(this.bits, byte) ? ok(byte) : err(GARBLED));
      void link.write(statusRequest(n)).then(async (written) => {
        if (written.ok || settled) return;
        this.log(`receipt printer: status request not sent (${written.error})`);
        settle(err(OFFLINE));
        await this.dropLink();
      });
    });
  }

  private async connect(): Promise<SerialLink | undefined> {
    if (this.link) return this.link;
    const opened = await this.openLink();
    if (!opened.ok) {
      // Logged once per reason: an unplugged printer would otherwise fill the log at every poll.
      if (opened.error !== this.lastLinkError)
        this.log(`receipt printer: cannot open the line (${opened.error})`);
      this.lastLinkError = opened.error;
      return undefined;
    }
    this.lastLinkError = undefined;
    const link = opened.value;
    link.onData((chunk) => {
      for (const byte of chunk) this.waiter?.(byte);
    });
    link.onClose((reason) => {
      if (this.link !== link) return;
      this.link = undefined;
      this.log(`receipt printer: line lost (${reason})`);
    });
    this.link = link;
    return link;
  }

  private async dropLink(): Promise<void> {
    const link = this.link;
    this.link = undefined;
    await link?.close();
  }

  private update(next: DeviceStatus): void {
    if (sameStatus(this.current, next)) return;
    this.current = next;
    this.log(`receipt printer: ${next.kind}${next.kind === 'error' ? ` (${next.detail})` : ''}`);
    this.options.onStatus?.(next);
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private writeTimeout(): number {
    return this.options.writeTimeoutMs ?? 10_000;
  }
}

/** Whether a status lets a receipt print, and if not, the failure to answer. Near end still prints. */
function failureOf(status: DeviceStatus): ReceiptFailure | undefined {
  switch (status.kind) {
    case 'ready':
    case 'paper_low':
    case 'busy':
      return undefined;
    case 'no_paper':
    case 'cover_open':
    case 'offline':
      return status.kind;
    default:
      return 'error';
  }
}

function withTimeout<T>(work: Promise<Result<T, string>>, ms: number): Promise<Result<T, string>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Result<T, string>>((resolve) => {
    timer = setTimeout(() => resolve(err(`no drain within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
