// From CUPS's printer-state-reasons to the kiosk's device status and print failures.
import { describe, expect, it } from 'vitest';
import type { JobAttributes, PrinterAttributes } from './cups-output.js';
import {
  blockingFailure,
  describeSupplies,
  failureOfEndedJob,
  judgePrinter,
  refusalBeforeSubmit,
  severityOf,
  suppliesOf,
} from './printer-state.js';

const printer = (reasons: string[], more: Partial<PrinterAttributes> = {}): PrinterAttributes => ({
  state: 'idle',
  reasons,
  message: '',
  acceptingJobs: true,
  markers: [],
  ...more,
});
const job = (state: JobAttributes['state'], printerReasons?: string[]): JobAttributes => ({
  state,
  reasons: [],
  printerReasons,
});
const statusOf = (reasons: string[], more: Partial<PrinterAttributes> = {}) =>
  judgePrinter(printer(reasons, more)).status;

describe('printer status', () => {
  it('reads the severity from the suffix; none is an error', () => {
    expect(severityOf('media-empty-error')).toBe('error');
    expect(severityOf('media-empty')).toBe('error');
    expect(severityOf('media-low-warning')).toBe('warning');
    expect(severityOf('toner-low-report')).toBe('report');
  });

  it('maps paper, jam, cover and offline reasons, whatever their suffix', () => {
    expect(statusOf(['media-empty-error'])).toEqual({ kind: 'no_paper' });
    expect(statusOf(['media-needed-warning'])).toEqual({ kind: 'no_paper' });
    expect(statusOf(['media-jam-error'])).toEqual({ kind: 'jam' });
    expect(statusOf(['door-open-error'])).toEqual({ kind: 'cover_open' });
    expect(statusOf(['cover-open'])).toEqual({ kind: 'cover_open' });
    expect(statusOf(['offline-report'])).toEqual({ kind: 'offline' });
    expect(statusOf(['media-low-warning'])).toEqual({ kind: 'paper_low' });
  });

  it('puts the fault the operators must fix first before "offline" and "paused"', () => {
    expect(statusOf(['paused', 'media-empty-error'], { state: 'stopped' })).toEqual({ kind: 'no_paper' });
    expect(statusOf(['media-empty-error', 'media-jam-error'])).toEqual({ kind: 'jam' });
  });

  it('says offline for a stopped queue, a paused one or one that refuses jobs', () => {
    expect(statusOf(['paused'], { state: 'stopped' })).toEqual({ kind: 'offline' });
    expect(statusOf([], { state: 'stopped' })).toEqual({ kind: 'offline' });
    expect(statusOf([], { acceptingJobs: false })).toEqual({ kind: 'offline' });
  });

  it('stays ready with low toner (reported through supplies), and "one tray is empty" news', () => {
    expect(statusOf(['toner-low-report'])).toEqual({ kind: 'ready' });
    expect(statusOf(['toner-low'])).toEqual({ kind: 'ready' });
    expect(statusOf(['marker-supply-low-warning', 'media-empty-report'])).toEqual({ kind: 'ready' });
    expect(statusOf(['connecting-to-device'], { state: 'processing' })).toEqual({ kind: 'busy' });
  });

  it('names an error-level reason it does not know', () => {
    expect(statusOf(['toner-empty-error'])).toEqual({ kind: 'error', detail: 'toner-empty-error' });
    expect(statusOf(['cups-missing-filter-warning'])).toEqual({ kind: 'ready' });
  });
});

describe('print failures', () => {
  it('fails a job the printer holds back or cannot print', () => {
    // retry-job policy: the job is held, the printer idle with the backend's reason.
    expect(blockingFailure(printer(['media-empty-error']), job('held'))).toBe('no_paper');
    // stop-printer policy: the queue stops, the job stays pending.
    expect(
      blockingFailure(printer(['media-empty-error', 'paused'], { state: 'stopped' }), job('pending')),
    ).toBe('no_paper');
    expect(blockingFailure(printer(['paused'], { state: 'stopped' }), job('pending'))).toBe('offline');
    expect(blockingFailure(printer(['media-jam-error'], { state: 'processing' }), job('processing'))).toBe(
      'jam',
    );
  });

  it('lets a job wait while the printer only warns', () => {
    expect(
      blockingFailure(printer(['offline-report'], { state: 'processing' }), job('processing')),
    ).toBeUndefined();
    expect(
      blockingFailure(printer(['toner-low-report'], { state: 'processing' }), job('processing')),
    ).toBeUndefined();
    expect(blockingFailure(printer(['media-low-warning']), job('pending'))).toBeUndefined();
  });

  it('but fails it once the job is held back on that warning', () => {
    expect(blockingFailure(printer(['offline-report']), job('held'))).toBe('offline');
  });

  it('refuses to submit to a printer that cannot print or a queue that refuses jobs', () => {
    expect(refusalBeforeSubmit(printer(['media-empty-error']))).toBe('no_paper');
    expect(refusalBeforeSubmit(printer(['paused'], { state: 'stopped' }))).toBe('offline');
    expect(refusalBeforeSubmit(printer([], { acceptingJobs: false }))).toBe('offline');
    expect(refusalBeforeSubmit(printer(['toner-low-report', 'media-low-warning']))).toBeUndefined();
    expect(refusalBeforeSubmit(printer(['offline-report']))).toBeUndefined();
  });

  it('explains an ended job by the reasons it stopped on, else by the printer now, else as an error', () => {
    expect(failureOfEndedJob(job('aborted', ['media-empty-error']), printer([]))).toBe('no_paper');
    expect(failureOfEndedJob(job('aborted'), printer(['door-open-error']))).toBe('cover_open');
    expect(failureOfEndedJob(job('canceled', []), undefined)).toBe('error');
  });
});

describe('supplies', () => {
  it('lists markers with levels and flags those at or below their low level', () => {
    const supplies = suppliesOf(
      printer([], {
        markers: [
          { name: 'Black', type: 'toner', color: '#000000', level: 12, lowLevel: 15 },
          { name: 'Drum', type: 'opc', color: undefined, level: 80, lowLevel: 10 },
          { name: 'Waste', type: 'waste-toner', color: undefined, level: undefined, lowLevel: undefined },
        ],
      }),
    );
    expect(supplies.map((s) => [s.name, s.levelPercent, s.low])).toEqual([
      ['Black', 12, true],
      ['Drum', 80, false],
      ['Waste', undefined, false],
    ]);
    expect(describeSupplies(supplies)).toBe('Black toner 12% low, Drum opc 80%, Waste waste-toner ?');
  });
});
