/**
 * The simulated A4 printer. In demo mode each printed copy lands as a PDF in the demo paper tray folder; without a
 * tray (not demo mode) it writes nothing at all. Paper out and jams can be set at runtime (the demo dock), and a
 * limited stack of paper makes a job run out midway.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DeviceStatus, Result } from '@kiosk/protocol';
import type { A4Printer, PrintFailure, PrintJob } from './a4-printer.js';

export type SimulatedA4Fault = 'none' | 'no_paper' | 'jam';

export interface SimulatedA4PrinterOptions {
  /** The demo paper tray folder; only the demo has one. */
  readonly paperTray?: string | undefined;
}

export class SimulatedA4Printer implements A4Printer {
  private fault: SimulatedA4Fault = 'none';
  /** Sheets left in the paper cassette; unlimited unless `loadPaper` says otherwise. */
  private sheetsLeft = Infinity;
  private printing = false;

  constructor(private readonly opts: SimulatedA4PrinterOptions = {}) {}

  status(): DeviceStatus {
    if (this.fault !== 'none') return { kind: this.fault };
    return { kind: this.printing ? 'busy' : 'ready' };
  }

  currentFault(): SimulatedA4Fault {
    return this.fault;
  }

  /** Paper out or a jam from now on; `none` clears the jam, or refills the cassette (unlimited). */
  setFault(fault: SimulatedA4Fault): void {
    this.fault = fault;
    if (fault === 'none') this.sheetsLeft = Infinity;
  }

  /** Refills the cassette with `sheets`: the sheet after the last one runs out of paper mid-job. */
  loadPaper(sheets: number): void {
    this.fault = 'none';
    this.sheetsLeft = sheets;
  }

  async print(job: PrintJob): Promise<Result<void, PrintFailure>> {
    this.printing = true;
    try {
      for (let copy = 1; copy <= job.copies; copy++) {
        if (this.sheetsLeft <= 0) this.fault = 'no_paper';
        if (this.fault !== 'none') return { ok: false, error: this.fault };
        this.sheetsLeft--;
        await this.deliver(job, copy);
      }
      return { ok: true, value: undefined };
    } catch {
      return { ok: false, error: 'error' };
    } finally {
      this.printing = false;
    }
  }

  private async deliver(job: PrintJob, copy: number): Promise<void> {
    const tray = this.opts.paperTray;
    if (tray === undefined) return;
    await mkdir(tray, { recursive: true });
    const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${job.title}-${copy}.pdf`;
    await writeFile(join(tray, name), job.pdf);
  }
}
