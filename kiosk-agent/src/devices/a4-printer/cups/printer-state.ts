/**
 * From what CUPS says about the printer (printer-state, printer-state-reasons, markers) to what the session and
 * the operators see: a DeviceStatus, the PrintFailure of a job that cannot go on, and the supplies' levels.
 */
import type { DeviceStatus } from '@kiosk/protocol';
import type { PrintFailure } from '../a4-printer.js';
import type { JobAttributes, PrinterAttributes } from './cups-output.js';

type Severity = 'error' | 'warning' | 'report';
type Condition = 'jam' | 'cover_open' | 'no_paper' | 'offline' | 'paper_low' | 'supply_low';

/** RFC 8011 §5.4.12: the suffix gives the severity, and a reason without one is an error. */
export function severityOf(reason: string): Severity {
  if (reason.endsWith('-report')) return 'report';
  if (reason.endsWith('-warning')) return 'warning';
  return 'error';
}

const CONDITIONS: readonly (readonly [RegExp, Condition])[] = [
  [/^media-jam$/, 'jam'],
  [/^(door-open|cover-open|interlock-open)$/, 'cover_open'],
  [/^(media-empty|media-needed)$/, 'no_paper'],
  // cupsdisable (or a stop after a failed job) adds "paused"; backends say "offline-report" while unreachable.
  [/^(offline|paused|shutdown)$/, 'offline'],
  [/^media-low$/, 'paper_low'],
  // Toner, ink, drum, waste toner: the operators plan a visit; the kiosk still prints.
  [/-(low|almost-full|near-eol)$/, 'supply_low'],
];

/** CUPS's own progress notes, some without a suffix: never a fault. */
const PROGRESS = new Set(['connecting-to-device', 'moving-to-paused', 'cups-waiting-for-job-completed']);

function conditionOf(reason: string): Condition | undefined {
  const base = reason.replace(/-(error|warning|report)$/, '');
  return CONDITIONS.find(([pattern]) => pattern.test(base))?.[1];
}

export interface PrinterVerdict {
  readonly status: DeviceStatus;
  /** The printer cannot go on by itself (an error-level reason, or the queue is stopped): a job would wait. */
  readonly halted: boolean;
}

/** The printer's status for the session, most pressing first: the resident cannot fix any of these. */
export function judgePrinter(printer: PrinterAttributes): PrinterVerdict {
  const reasons = printer.reasons.map((reason) => ({
    reason,
    condition: conditionOf(reason),
    severity: severityOf(reason),
  }));
  const stopped = printer.state === 'stopped';
  for (const kind of ['jam', 'cover_open', 'no_paper'] as const) {
    // "-report" is news ("one tray is empty"), not a fault.
    const found = reasons.filter((r) => r.condition === kind && r.severity !== 'report');
    if (found.length > 0)
      return { status: { kind }, halted: stopped || found.some((r) => r.severity === 'error') };
  }
  const offline = reasons.filter((r) => r.condition === 'offline');
  if (offline.length > 0 || stopped || !printer.acceptingJobs)
    return { status: { kind: 'offline' }, halted: stopped || offline.some((r) => r.severity === 'error') };
  const faults = reasons.filter((r) => !r.condition && r.severity === 'error' && !PROGRESS.has(r.reason));
  if (faults.length > 0)
    return { status: { kind: 'error', detail: faults.map((r) => r.reason).join(' ') }, halted: false };
  if (reasons.some((r) => r.condition === 'paper_low'))
    return { status: { kind: 'paper_low' }, halted: false };
  if (printer.state === 'processing') return { status: { kind: 'busy' }, halted: false };
  return { status: { kind: 'ready' }, halted: false };
}

/** The failure a status stands for, when it stands for one. */
export function failureOf(status: DeviceStatus): PrintFailure | undefined {
  switch (status.kind) {
    case 'no_paper':
    case 'jam':
    case 'cover_open':
    case 'offline':
      return status.kind;
    case 'error':
      return 'error';
    default:
      return undefined;
  }
}

/**
 * Why a job that is not over will not print, if it will not: the printer has stopped, reports an error-level
 * fault, or holds the job back (held / processing-stopped) while it reports one. A warning alone (an offline
 * printer the backend is still trying to reach) waits for the job's timeout.
 */
export function blockingFailure(printer: PrinterAttributes, job: JobAttributes): PrintFailure | undefined {
  const verdict = judgePrinter(printer);
  const failure = failureOf(verdict.status);
  if (!failure) return undefined;
  const heldBack = job.state === 'held' || job.state === 'stopped';
  return verdict.halted || heldBack ? failure : undefined;
}

/** Why a job that was not submitted would fail at once: a new job would only wait behind the fault. */
export function refusalBeforeSubmit(printer: PrinterAttributes): PrintFailure | undefined {
  if (!printer.acceptingJobs) return 'offline';
  const verdict = judgePrinter(printer);
  return verdict.halted ? failureOf(verdict.status) : undefined;
}

/**
 * Why an aborted or canceled job failed: the printer's reasons when the job stopped (cupsd keeps them with the
 * job), else its reasons now; 'error' when they name nothing the operators can fix.
 */
export function failureOfEndedJob(job: JobAttributes, printer: PrinterAttributes | undefined): PrintFailure {
  const reasons = job.printerReasons ?? printer?.reasons ?? [];
  const base: PrinterAttributes = printer ?? {
    state: 'idle',
    reasons: [],
    message: '',
    acceptingJobs: true,
    markers: [],
  };
  const failure = failureOf(judgePrinter({ ...base, reasons }).status);
  return failure ?? 'error';
}

/** One supply for the operators' heartbeat: toner, ink, drum… */
export interface Supply {
  readonly name: string;
  readonly type: string;
  readonly color: string | undefined;
  /** Percent left; undefined when the printer does not say. */
  readonly levelPercent: number | undefined;
  readonly low: boolean;
}

export function suppliesOf(printer: PrinterAttributes): Supply[] {
  return printer.markers.map((marker) => ({
    name: marker.name,
    type: marker.type,
    color: marker.color,
    levelPercent: marker.level,
    low: marker.level !== undefined && marker.lowLevel !== undefined && marker.level <= marker.lowLevel,
  }));
}

/** A short line for the heartbeat's device detail, e.g. "Black toner 12% low, Drum 80%". */
export function describeSupplies(supplies: readonly Supply[]): string {
  return supplies
    .map((s) => {
      const what = s.name.toLowerCase().includes(s.type.replace(/-/g, ' ')) ? s.name : `${s.name} ${s.type}`;
      const level = s.levelPercent === undefined ? '?' : `${s.levelPercent}%`;
      return `${what} ${level}${s.low ? ' low' : ''}`;
    })
    .join(', ')
    .slice(0, 200);
}
