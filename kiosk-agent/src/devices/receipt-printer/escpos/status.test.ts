// The Epson TM-T88 status table, bit by bit: each DLE EOT reply bit and the DeviceStatus it leads to.
import { describe, expect, it } from 'vitest';
import { STATUS_MODELS, isPrinterModel } from './status-models.js';
import {
  deviceStatusFrom,
  isStatusReply,
  needsErrorCause,
  sameStatus,
  type StatusReplies,
} from './status.js';

const epson = STATUS_MODELS['epson-tm-t88'];
/** An idle printer with paper: every reply holds only its fixed bits (1 and 4 on). */
const IDLE: StatusReplies = { printer: 0x12, offlineCause: 0x12, paperSensor: 0x12 };
const status = (replies: Partial<StatusReplies>) => deviceStatusFrom(epson, { ...IDLE, ...replies });

describe('Epson TM-T88 replies', () => {
  it('an idle printer with paper is ready', () => {
    expect(status({})).toEqual({ kind: 'ready' });
  });

  it('n=1 bit 3 (off-line) without a cause: offline', () => {
    expect(status({ printer: 0x12 | 0x08 })).toEqual({ kind: 'offline' });
  });

  it('n=1 bit 2 (drawer kick-out pin) means nothing to a receipt', () => {
    expect(status({ printer: 0x12 | 0x04 })).toEqual({ kind: 'ready' });
  });

  it('n=2 bit 2 (cover open): cover_open', () => {
    expect(status({ printer: 0x1a, offlineCause: 0x12 | 0x04 })).toEqual({ kind: 'cover_open' });
  });

  it('n=2 bit 3 (paper fed by the FEED button) while off-line: busy', () => {
    expect(status({ printer: 0x1a, offlineCause: 0x12 | 0x08 })).toEqual({ kind: 'busy' });
  });

  it('n=2 bit 5 (stopped at paper end): no_paper', () => {
    expect(status({ printer: 0x1a, offlineCause: 0x12 | 0x20 })).toEqual({ kind: 'no_paper' });
  });

  it('n=2 bit 6 (error) asks for n=3, and the cause decides', () => {
    expect(needsErrorCause(epson, 0x12 | 0x40)).toBe(true);
    expect(needsErrorCause(epson, 0x12 | 0x20)).toBe(false);
    const withCause = (errorCause: number | undefined) =>
      status({ printer: 0x1a, offlineCause: 0x52, ...(errorCause === undefined ? {} : { errorCause }) });
    expect(withCause(0x12 | 0x08)).toEqual({ kind: 'jam' }); // bit 3: autocutter error
    expect(withCause(0x12 | 0x20)).toEqual({ kind: 'error', detail: 'unrecoverable printer error' }); // bit 5
    expect(withCause(0x12 | 0x40)).toEqual({
      kind: 'error',
      detail: 'head too hot or cover opened while printing',
    });
    expect(withCause(0x12)).toEqual({ kind: 'error', detail: 'printer error' });
    expect(withCause(undefined)).toEqual({ kind: 'error', detail: 'printer error' });
  });

  it('n=3 bit 2 is undefined on the TM-T88III and is not read', () => {
    expect(status({ printer: 0x1a, offlineCause: 0x52, errorCause: 0x12 | 0x04 })).toEqual({
      kind: 'error',
      detail: 'printer error',
    });
  });

  it('n=4 bits 2–3 (near end): paper_low, either bit alone too', () => {
    expect(status({ paperSensor: 0x12 | 0x0c })).toEqual({ kind: 'paper_low' });
    expect(status({ paperSensor: 0x12 | 0x04 })).toEqual({ kind: 'paper_low' });
    expect(status({ paperSensor: 0x12 | 0x08 })).toEqual({ kind: 'paper_low' });
  });

  it('n=4 bits 5–6 (paper end): no_paper, even before the printer stops', () => {
    expect(status({ paperSensor: 0x12 | 0x60 })).toEqual({ kind: 'no_paper' });
    expect(status({ paperSensor: 0x12 | 0x6c })).toEqual({ kind: 'no_paper' });
  });

  it('cover open wins over paper end (the sensor may read wrong with the cover open)', () => {
    expect(status({ printer: 0x1a, offlineCause: 0x12 | 0x04 | 0x20, paperSensor: 0x72 })).toEqual({
      kind: 'cover_open',
    });
  });

  it('paper end wins over an error, an error over near end', () => {
    expect(status({ offlineCause: 0x12 | 0x20 | 0x40, errorCause: 0x1a })).toEqual({ kind: 'no_paper' });
    expect(status({ offlineCause: 0x12 | 0x40, errorCause: 0x1a, paperSensor: 0x1e })).toEqual({
      kind: 'jam',
    });
  });
});

describe('reply framing and the table', () => {
  it('a status reply has bits 1 and 4 on, 0 and 7 off', () => {
    expect(isStatusReply(epson, 0x12)).toBe(true);
    expect(isStatusReply(epson, 0x7e)).toBe(true);
    expect(isStatusReply(epson, 0x00)).toBe(false);
    expect(isStatusReply(epson, 0x13)).toBe(false); // bit 0 on
    expect(isStatusReply(epson, 0x92)).toBe(false); // bit 7 on
    expect(isStatusReply(epson, 0x02)).toBe(false); // bit 4 off
  });

  it('names models by key', () => {
    expect(isPrinterModel('epson-tm-t88')).toBe(true);
    expect(isPrinterModel('toString')).toBe(false);
  });

  it('compares statuses by kind and detail', () => {
    expect(sameStatus({ kind: 'ready' }, { kind: 'ready' })).toBe(true);
    expect(sameStatus({ kind: 'ready' }, { kind: 'paper_low' })).toBe(false);
    expect(sameStatus({ kind: 'error', detail: 'a' }, { kind: 'error', detail: 'b' })).toBe(false);
  });
});
