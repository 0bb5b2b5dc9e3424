/**
 * Turns the printer's real-time status replies (`DLE EOT 1/2/4`, and 3 when an error is flagged) into the
 * kiosk's DeviceStatus, through the model's bit table. Pure: the serial driver does the asking.
 */
import type { DeviceStatus } from '@kiosk/protocol';
import type { StatusBits } from './status-models.js';

/** One reply byte per query; `errorCause` only when the offline cause flagged an error. */
export interface StatusReplies {
  readonly printer: number;
  readonly offlineCause: number;
  readonly paperSensor: number;
  readonly errorCause?: number;
}

/** Whether `byte` can be a status reply at all (the model's fixed bits are right). */
export function isStatusReply(bits: StatusBits, byte: number): boolean {
  return (byte & bits.fixedMask) === bits.fixedValue;
}

const on = (byte: number, mask: number): boolean => (byte & mask) !== 0;

/** Whether the offline cause asks for `DLE EOT 3` (which error). */
export function needsErrorCause(bits: StatusBits, offlineCause: number): boolean {
  return on(offlineCause, bits.offlineCause.error);
}

/**
 * The kiosk's view, most pressing first. Cover open wins over paper end because Epson warns that the paper sensor
 * may read wrong while the cover is open; paper end (either sensor or the paper-end stop) comes before errors
 * because it is what the operator must fix; near end only shows when nothing else is wrong.
 */
export function deviceStatusFrom(bits: StatusBits, replies: StatusReplies): DeviceStatus {
  const cause = bits.offlineCause;
  if (on(replies.offlineCause, cause.coverOpen)) return { kind: 'cover_open' };
  if (on(replies.paperSensor, bits.paperSensor.end) || on(replies.offlineCause, cause.paperEndStop))
    return { kind: 'no_paper' };
  if (on(replies.offlineCause, cause.error)) return errorStatus(bits, replies.errorCause);
  if (on(replies.printer, bits.printer.offline))
    return on(replies.offlineCause, cause.feedButton) ? { kind: 'busy' } : { kind: 'offline' };
  if (on(replies.paperSensor, bits.paperSensor.nearEnd)) return { kind: 'paper_low' };
  return { kind: 'ready' };
}

function errorStatus(bits: StatusBits, errorCause: number | undefined): DeviceStatus {
  const causes = bits.errorCause;
  const byte = errorCause ?? 0;
  // Epson: autocutter errors are mostly paper jammed at the cutter, cleared by fixing it (and DLE ENQ).
  if (on(byte, causes.autocutter)) return { kind: 'jam' };
  if (on(byte, causes.unrecoverable)) return { kind: 'error', detail: 'unrecoverable printer error' };
  if (on(byte, causes.autoRecoverable))
    return { kind: 'error', detail: 'head too hot or cover opened while printing' };
  if (on(byte, causes.recoverable)) return { kind: 'error', detail: 'recoverable printer error' };
  return { kind: 'error', detail: 'printer error' };
}

/** Same kind and detail: no change to report. */
export function sameStatus(a: DeviceStatus, b: DeviceStatus): boolean {
  return a.kind === b.kind && (a.kind !== 'error' || b.kind !== 'error' || a.detail === b.detail);
}
