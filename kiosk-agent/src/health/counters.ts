/**
 * The kiosk's counters for the heartbeat: what happened since the agent started, as integers under fixed names.
 * Nothing else can be counted, so nothing about an applicant can reach the centre this way.
 */

/** Counted events; the heartbeat sends every one of them, zeros included. */
export const EVENT_COUNTERS = [
  /** Sessions started (a resident tapped "start"). */
  'sessions',
  'certificates_printed',
  /** Certificates that did not print (paper out, jam…): refunded and void at the centre. */
  'print_failures',
  'receipts_printed',
  /** Receipts that did not print; their certificates still count. */
  'receipt_failures',
  /** The payment device failed to collect or to refund. */
  'payment_failures',
  /** Residents who cancelled while paying. */
  'payments_cancelled',
  /** Outcomes given up on after their retries: the centre still shows those certificates as issued. */
  'outcomes_undelivered',
] as const;
export type EventCounter = (typeof EVENT_COUNTERS)[number];

/**
 * An estimate of the A4 paper used: one sheet per copy printed since the printer last came back from `no_paper`
 * (someone refilled it). Operators compare it with the cassette size to send staff before it runs out.
 */
export const SHEETS_SINCE_REFILL = 'sheets_since_refill';
export type CounterName = EventCounter | typeof SHEETS_SINCE_REFILL;
export type CounterSnapshot = Readonly<Record<CounterName, number>>;
export const COUNTER_NAMES: readonly CounterName[] = [...EVENT_COUNTERS, SHEETS_SINCE_REFILL];

/** What the session needs to count with. */
export interface Counting {
  count(name: EventCounter): void;
  sheetsPrinted(sheets: number): void;
}

export class HealthCounters implements Counting {
  private readonly values = new Map<CounterName, number>();

  count(name: EventCounter): void {
    this.add(name, 1);
  }

  sheetsPrinted(sheets: number): void {
    this.add(SHEETS_SINCE_REFILL, sheets);
  }

  paperRefilled(): void {
    this.values.set(SHEETS_SINCE_REFILL, 0);
  }

  snapshot(): CounterSnapshot {
    const snapshot = {} as Record<CounterName, number>;
    for (const name of COUNTER_NAMES) snapshot[name] = this.values.get(name) ?? 0;
    return snapshot;
  }

  private add(name: CounterName, by: number): void {
    this.values.set(name, (this.values.get(name) ?? 0) + by);
  }
}
