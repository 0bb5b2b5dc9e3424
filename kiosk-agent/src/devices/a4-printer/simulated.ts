/**
 * The demo's A4 printer: each printed copy lands as a PDF in the demo paper tray folder. It exists only in demo mode;
 * a production kiosk has no such folder and writes nothing.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DeviceStatus, Result } from '@kiosk/protocol';
import type { A4Printer, PrintFailure, PrintJob } from './a4-printer.js';

export class SimulatedA4Printer implements A4Printer {
  private current: DeviceStatus = { kind: 'ready' };

  constructor(private readonly paperTray: string) {}

  status(): DeviceStatus {
    return this.current;
  }

  async print(job: PrintJob): Promise<Result<void, PrintFailure>> {
    this.current = { kind: 'busy' };
    try {
      await mkdir(this.paperTray, { recursive: true });
      for (let copy = 1; copy <= job.copies; copy++) {
        const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${job.title}-${copy}.pdf`;
        await writeFile(join(this.paperTray, name), job.pdf);
      }
      return { ok: true, value: undefined };
    } catch {
      return { ok: false, error: 'error' };
    } finally {
      this.current = { kind: 'ready' };
    }
  }
}
