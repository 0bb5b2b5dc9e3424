// The serial driver's logic over an in-memory line that answers DLE EOT like an Epson printer (the pty rig in
// tests/printing runs the same driver through `serialport` and a real pseudo-terminal).
import { err, ok, type DeviceStatus } from '@kiosk/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import type { Receipt } from '../receipt-printer.js';
import { receiptBytes } from './receipt-layout.js';
import type { OpenLink, SerialLink } from './serial-link.js';
import { SerialReceiptPrinter, type SerialReceiptPrinterOptions } from './serial-receipt-printer.js';

type Replies = { 1: number; 2: number; 3: number; 4: number };
const READY: Replies = { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 };
const PAPER_OUT: Replies = { 1: 0x1a, 2: 0x32, 3: 0x12, 4: 0x72 };
const COVER_OPEN: Replies = { 1: 0x1a, 2: 0x16, 3: 0x12, 4: 0x12 };
const CUTTER_ERROR: Replies = { 1: 0x1a, 2: 0x52, 3: 0x1a, 4: 0x12 };

/** A line to a pretend printer: answers status requests from `replies`, keeps everything else as printed. */
class FakeLine {
  replies: Replies | 'silent' | 'garbled' = READY;
  openError: string | undefined;
  writeError: string | undefined;
  /** Called with each print write, before it is acknowledged. */
  onPrint: (() => void) | undefined;
  readonly printed: number[] = [];
  readonly queries: number[] = [];
  opened = 0;
  closed = 0;

  readonly open: OpenLink = async () => {
    if (this.openError) return err(this.openError);
    this.opened += 1;
    let listener: ((chunk: Uint8Array) => void) | undefined;
    const link: SerialLink = {
      write: async (bytes) => {
        if (this.writeError) return err(this.writeError);
        if (bytes.length === 3 && bytes[0] === 0x10 && bytes[1] === 0x04)
          this.answer(bytes[2] as 1 | 2 | 3 | 4, listener);
        else {
          this.printed.push(...bytes);
          this.onPrint?.();
        }
        return ok(undefined);
      },
      onData: (l) => (listener = l),
      onClose: () => {},
      close: async () => {
        this.closed += 1;
      },
    };
    return ok(link);
  };

  private answer(n: 1 | 2 | 3 | 4, listener: ((chunk: Uint8Array) => void) | undefined): void {
    this.queries.push(n);
    const replies = this.replies;
    if (replies === 'silent') return;
    setImmediate(() => listener?.(Uint8Array.of(replies === 'garbled' ? 0x00 : replies[n])));
  }
}

const receipt: Receipt = {
  kioskId: 'K-0001',
  certificateKind: 'vaccination',
  copies: 1,
  feeYen: 120,
  printedAt: new Date('2025-01-02T04:45:00Z'),
};
const layout = { supportPhone: '0120-000-000' };

let printer: SerialReceiptPrinter | undefined;
afterEach(async () => printer?.close());

function start(line: FakeLine, options: Partial<SerialReceiptPrinterOptions> = {}) {
  const seen: DeviceStatus[] = [];
  const logged: string[] = [];
  printer = new SerialReceiptPrinter({
    path: 'unused',
    layout,
    link: line.open,
    // Polls are driven by refresh() here; the timed loop is the pty rig's business.
    pollIntervalMs: 3_600_000,
    // Generous, so that a busy machine is never taken for a silent printer; the silent cases pass their own.
    statusTimeoutMs: 2_000,
    onStatus: (status) => seen.push(status),
    log: (message) => logged.push(message),
    ...options,
  });
  return { printer, seen, logged };
}

describe('SerialReceiptPrinter', () => {
  it('polls DLE EOT 1, 2, 4 and reports ready', async () => {
    const line = new FakeLine();
    const { printer, seen } = start(line);
    expect(await printer.refresh()).toEqual({ kind: 'ready' });
    expect(line.queries.slice(0, 3)).toEqual([1, 2, 4]);
    expect(seen).toEqual([{ kind: 'ready' }]);
    expect(printer.status()).toEqual({ kind: 'ready' });
  });

  it('prints the receipt bytes, busy meanwhile, then checks the status again', async () => {
    const line = new FakeLine();
    const { printer, seen } = start(line);
    await printer.refresh();
    const before = line.queries.length;
    expect(await printer.print(receipt)).toEqual({ ok: true, value: undefined });
    expect(Buffer.from(line.printed)).toEqual(Buffer.from(receiptBytes(receipt, layout)));
    expect(line.queries.slice(before)).toEqual([1, 2, 4, 1, 2, 4]);
    expect(seen).toEqual([{ kind: 'ready' }, { kind: 'busy' }, { kind: 'ready' }]);
  });

  it.each([
    ['paper out', PAPER_OUT, 'no_paper', { kind: 'no_paper' }],
    ['cover open', COVER_OPEN, 'cover_open', { kind: 'cover_open' }],
    ['autocutter error', CUTTER_ERROR, 'error', { kind: 'jam' }],
    ['silent printer', 'silent', 'offline', { kind: 'offline' }],
  ] as const)('%s: refuses to print (%s) and prints nothing', async (_name, replies, failure, status) => {
    const line = new FakeLine();
    const { printer } = start(line, replies === 'silent' ? { statusTimeoutMs: 20 } : {});
    await printer.refresh();
    line.replies = replies;
    expect(await printer.print(receipt)).toEqual({ ok: false, error: failure });
    expect(printer.status()).toEqual(status);
    expect(line.printed).toEqual([]);
  });

  it('asks DLE EOT 3 only when the offline cause flags an error', async () => {
    const line = new FakeLine();
    line.replies = CUTTER_ERROR;
    const { printer } = start(line);
    await printer.refresh();
    expect(line.queries.slice(0, 4)).toEqual([1, 2, 4, 3]);
  });

  it('a byte that is no status reply is an error, not a guess', async () => {
    const line = new FakeLine();
    line.replies = 'garbled';
    const { printer } = start(line);
    expect(await printer.refresh()).toEqual({ kind: 'error', detail: 'status reply not understood' });
  });

  it('prints with the paper near its end', async () => {
    const line = new FakeLine();
    line.replies = { ...READY, 4: 0x1e };
    const { printer } = start(line);
    expect(await printer.print(receipt)).toEqual({ ok: true, value: undefined });
    expect(printer.status()).toEqual({ kind: 'paper_low' });
  });

  it('answers no_paper when the paper runs out during the receipt', async () => {
    const line = new FakeLine();
    line.onPrint = () => (line.replies = PAPER_OUT);
    const { printer } = start(line);
    expect(await printer.print(receipt)).toEqual({ ok: false, error: 'no_paper' });
    expect(line.printed.length).toBeGreaterThan(0);
  });

  it('stays offline while the line cannot open, logging the reason once, and recovers', async () => {
    const line = new FakeLine();
    line.openError = 'no such device';
    const { printer, seen, logged } = start(line);
    expect(await printer.refresh()).toEqual({ kind: 'offline' });
    expect(await printer.print(receipt)).toEqual({ ok: false, error: 'offline' });
    expect(logged.filter((m) => m.includes('no such device'))).toHaveLength(1);
    line.openError = undefined;
    expect(await printer.refresh()).toEqual({ kind: 'ready' });
    expect(seen).toEqual([{ kind: 'ready' }]);
  });

  it('drops a line whose write fails and opens a new one', async () => {
    const line = new FakeLine();
    const { printer } = start(line);
    await printer.refresh();
    line.writeError = 'I/O error';
    expect(await printer.refresh()).toEqual({ kind: 'offline' });
    expect(line.closed).toBe(1);
    line.writeError = undefined;
    expect(await printer.refresh()).toEqual({ kind: 'ready' });
    expect(line.opened).toBe(2);
  });

  it('close() stops polling and closes the line', async () => {
    const line = new FakeLine();
    const { printer } = start(line);
    await printer.refresh();
    await printer.close();
    const queries = line.queries.length;
    expect(line.closed).toBe(1);
    expect(await printer.refresh()).toEqual({ kind: 'ready' }); // the last known status, no I/O
    expect(await printer.print(receipt)).toEqual({ ok: false, error: 'offline' });
    expect(line.queries.length).toBe(queries);
  });
});
