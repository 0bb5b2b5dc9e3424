/** The A4 printer that prints certificates. CUPS drives the real one; the simulated one fills a demo paper tray. */
import type { DeviceStatus, Result } from '@kiosk/protocol';

/** Why a print did not complete, as a device reason the centre and the operators understand. */
export type PrintFailure = 'no_paper' | 'jam' | 'cover_open' | 'offline' | 'timeout' | 'error';

export interface PrintJob {
  readonly pdf: Uint8Array;
  readonly copies: number;
  /** Used as the job title and file name; a certificate ID, never a name. */
  readonly title: string;
}

export interface A4Printer {
  status(): DeviceStatus;
  /** Resolves once the job has completed on paper, or failed. */
  print(job: PrintJob): Promise<Result<void, PrintFailure>>;
}
