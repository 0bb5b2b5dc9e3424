/**
 * Where each printer model puts its conditions in the `DLE EOT n` reply bytes. Models differ, so the decoder reads
 * bit masks from a table; a mask of 0 means the model does not report that condition.
 */

export interface StatusBits {
  /** Bits every reply carries at a fixed value; a byte without them is not a status reply. */
  readonly fixedMask: number;
  readonly fixedValue: number;
  /** n = 1, printer status. */
  readonly printer: { readonly offline: number };
  /** n = 2, offline cause. */
  readonly offlineCause: {
    readonly coverOpen: number;
    /** Paper is being fed with the FEED button: offline, but only for a moment. */
    readonly feedButton: number;
    readonly paperEndStop: number;
    /** Some error: ask n = 3 for which. */
    readonly error: number;
  };
  /** n = 3, error cause. */
  readonly errorCause: {
    readonly recoverable: number;
    readonly autocutter: number;
    readonly unrecoverable: number;
    /** Head too hot, or cover opened while printing: clears by itself. */
    readonly autoRecoverable: number;
  };
  /** n = 4, roll paper sensors; a condition counts when any of its bits is on. */
  readonly paperSensor: { readonly nearEnd: number; readonly end: number };
}

/**
 * Epson TM-T88 family and the many printers that copy it (Epson "ESC/POS Application Programming Guide", Status
 * commands DLE EOT, Ver. 10.01 pp. 304–310; TM-T88III Specification rev. B sheets 73–74): bits 1 and 4 always on,
 * 0 and 7 always off. Bits the TM-T88III leaves undefined (n = 1 bits 5–6, n = 3 bit 2) are not read.
 */
const EPSON_TM_T88: StatusBits = {
  fixedMask: 0x93,
  fixedValue: 0x12,
  printer: { offline: 0x08 },
  offlineCause: { coverOpen: 0x04, feedButton: 0x08, paperEndStop: 0x20, error: 0x40 },
  errorCause: { recoverable: 0, autocutter: 0x08, unrecoverable: 0x20, autoRecoverable: 0x40 },
  paperSensor: { nearEnd: 0x0c, end: 0x60 },
};

/** Add a model here only with its manual's bit layout at hand. */
export const STATUS_MODELS = {
  'epson-tm-t88': EPSON_TM_T88,
} as const satisfies Record<string, StatusBits>;

export type PrinterModel = keyof typeof STATUS_MODELS;

export function isPrinterModel(name: string): name is PrinterModel {
  return Object.hasOwn(STATUS_MODELS, name);
}
