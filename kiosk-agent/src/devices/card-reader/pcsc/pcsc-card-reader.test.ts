// The reader layer's own logic against a scripted pcsclite: what pcscd may do (be absent, die, emit errors on
// close, report odd states) must never crash it. The real stack is tested in tests/card/ against a real pcscd.
import { EventEmitter, once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import type { CardReaderStatus } from '../card-reader.js';
import type { PcscContext, PcscReader } from './binding.js';
import { PcscCardReader } from './pcsc-card-reader.js';
import { SCARD_LEAVE_CARD, SCARD_RESET_CARD, SCARD_STATE } from './scard.js';

const EMPTY = SCARD_STATE.EMPTY;
const PRESENT = SCARD_STATE.PRESENT;
/** A fresh buffer each time, as pcsclite gives: the transport wipes what it has read. */
const ok = (): { response: Buffer } => ({ response: Buffer.from([0x90, 0x00]) });
const pcscError = (what: string, code: number): Error =>
  new Error(`${what} error: something.(0x${code.toString(16).padStart(8, '0')})`);

class FakeReader extends EventEmitter implements PcscReader {
  readonly dispositions: number[] = [];
  answer: (command: Buffer) => { response: Buffer } | { error: Error } | 'never' = () => ok();
  constructor(readonly name: string) {
    super();
  }
  connect(_options: unknown, done: (error: unknown, protocol: number) => void): void {
    setImmediate(() => done(null, 2));
  }
  disconnect(disposition: number, done: (error: unknown) => void): void {
    this.dispositions.push(disposition);
    setImmediate(() => {
      done(null);
      this.emit('disconnected');
    });
  }
  transmit(data: Buffer, _max: number, _protocol: number, done: (error: unknown, r: Buffer) => void): void {
    const answer = this.answer(data);
    if (answer === 'never') return;
    setImmediate(() =>
      'error' in answer ? done(answer.error, Buffer.alloc(0)) : done(null, answer.response),
    );
  }
  control(_data: Buffer, _code: number, _max: number, done: (error: unknown, r: Buffer) => void): void {
    setImmediate(() => done(pcscError('SCardControl', 0x80100016), Buffer.alloc(0)));
  }
  close(): void {
    this.emit('error', pcscError('SCardGetStatusChange', 0x80100002)); // pcsclite does this on close
  }
  report(state: number): void {
    this.emit('status', { state });
  }
}

class FakeContext extends EventEmitter implements PcscContext {
  close(): void {
    this.emit('error', pcscError('SCardGetStatusChange', 0x80100002));
  }
  attach(name: string, state?: number): FakeReader {
    const reader = new FakeReader(name);
    this.emit('reader', reader);
    if (state !== undefined) reader.report(state);
    return reader;
  }
}

/** pcscd as pcsclite sees it: contexts, and an absent pcscd making the constructor throw. */
class FakePcscd {
  running = true;
  readonly contexts: FakeContext[] = [];
  readonly library = () => ({
    ok: true as const,
    value: (): FakeContext => {
      if (!this.running) throw pcscError('SCardEstablishContext', 0x8010001d);
      const context = new FakeContext();
      this.contexts.push(context);
      return context;
    },
  });
  get latest(): FakeContext {
    const context = this.contexts.at(-1);
    if (!context) throw new Error('no context yet');
    return context;
  }
}

const readers: PcscCardReader[] = [];
function makeReader(pcscd: FakePcscd, readerName?: RegExp): PcscCardReader {
  const reader = new PcscCardReader({
    library: pcscd.library,
    retry: { initialMs: 1, maxMs: 5 },
    commandTimeoutMs: 50,
    readerName,
  });
  readers.push(reader);
  return reader;
}
afterEach(async () => {
  for (const reader of readers.splice(0)) await reader.close();
});

function next(reader: PcscCardReader, kind: CardReaderStatus['kind']): Promise<CardReaderStatus> {
  if (reader.status().kind === kind) return Promise.resolve(reader.status());
  return new Promise((resolve) => {
    const stop = reader.onStatus((status) => {
      if (status.kind !== kind) return;
      stop();
      resolve(status);
    });
  });
}

describe('PcscCardReader and pcscd', () => {
  it('says service_down while pcscd is absent and recovers by itself when it starts', async () => {
    const pcscd = new FakePcscd();
    pcscd.running = false;
    const reader = makeReader(pcscd);
    expect(reader.status()).toEqual({ kind: 'service_down', detail: expect.stringContaining('0x8010001d') });
    pcscd.running = true;
    await next(reader, 'no_reader');
    pcscd.latest.attach('Reader A', EMPTY);
    await next(reader, 'no_card');
  });

  it('makes a new context when pcscd stops, ignoring the old one, and never throws on its spurious errors', async () => {
    const pcscd = new FakePcscd();
    const reader = makeReader(pcscd);
    const old = pcscd.latest;
    const oldReader = old.attach('Reader A', PRESENT);
    expect(reader.status().kind).toBe('card_present');
    old.emit('error', pcscError('SCardGetStatusChange', 0x80100013));
    expect(reader.status().kind).toBe('service_down');
    await next(reader, 'no_reader');
    expect(pcscd.contexts).toHaveLength(2);
    oldReader.report(PRESENT); // late news from the discarded context
    expect(reader.status().kind).toBe('no_reader');
    pcscd.latest.attach('Reader A', EMPTY);
    expect(reader.status().kind).toBe('no_card');
  });

  it('reports a mute card as card_error and an unknown reader as no_reader', () => {
    const pcscd = new FakePcscd();
    const reader = makeReader(pcscd);
    const a = pcscd.latest.attach('Reader A', PRESENT | SCARD_STATE.MUTE);
    expect(reader.status()).toEqual({ kind: 'card_error', detail: expect.stringContaining('mute') });
    a.report(SCARD_STATE.UNKNOWN);
    expect(reader.status().kind).toBe('no_reader');
  });

  it('uses the reader the pattern names, else the first by name, whatever order they come in', () => {
    const pcscd = new FakePcscd();
    const named = makeReader(pcscd, /Pinpad/);
    const first = makeReader(pcscd);
    for (const context of pcscd.contexts) {
      context.attach('Zeta Pinpad 00', PRESENT);
      context.attach('Alpha Contactless 00', EMPTY);
    }
    expect([named.readerName(), named.status().kind]).toEqual(['Zeta Pinpad 00', 'card_present']);
    expect([first.readerName(), first.status().kind]).toEqual(['Alpha Contactless 00', 'no_card']);
  });
});

describe('PcscCardReader commands', () => {
  async function opened(answer?: FakeReader['answer']) {
    const pcscd = new FakePcscd();
    const reader = makeReader(pcscd);
    const card = pcscd.latest.attach('Reader A', PRESENT);
    const textAp = await reader.openTextApplication();
    if (!textAp.ok) throw new Error(`open: ${textAp.error.kind}`);
    if (answer) card.answer = answer;
    return { reader, card, textAp: textAp.value };
  }

  it('has no keypad when the reader refuses SCardControl', async () => {
    expect((await opened()).textAp.pinEntry).toBe('on_screen');
  });

  it('reports a removal pcscd names, and disconnects leaving the card alone', async () => {
    const { card, textAp } = await opened(() => ({ error: pcscError('SCardTransmit', 0x80100069) }));
    expect(await textAp.pinTriesLeft()).toEqual({ ok: false, error: { kind: 'card_removed' } });
    card.report(EMPTY);
    await new Promise((resolve) => setImmediate(resolve));
    expect(card.dispositions).toEqual([SCARD_LEAVE_CARD]);
  });

  it('takes a failed exchange for a removal when pcscd reports the card gone right after', async () => {
    const { card, textAp } = await opened(() => {
      setImmediate(() => card.report(EMPTY));
      return { error: pcscError('SCardTransmit', 0x80100016) };
    });
    expect(await textAp.pinTriesLeft()).toEqual({ ok: false, error: { kind: 'card_removed' } });
  });

  it('bounds each command, then refuses the link until the card is opened again', async () => {
    const { reader, card, textAp } = await opened(() => 'never');
    expect(await textAp.pinTriesLeft()).toEqual({ ok: false, error: { kind: 'timeout', ms: 50 } });
    card.answer = (command) => (command[1] === 0x20 ? { response: Buffer.from([0x63, 0xc3]) } : ok());
    expect((await textAp.pinTriesLeft()).ok).toBe(false);
    const again = await reader.openTextApplication();
    expect(card.dispositions).toEqual([SCARD_RESET_CARD]);
    if (!again.ok) throw new Error(`open: ${again.error.kind}`);
    expect(await again.value.pinTriesLeft()).toEqual({ ok: true, value: 3 });
  });

  it('says so when another program holds the card', async () => {
    const pcscd = new FakePcscd();
    const reader = makeReader(pcscd);
    const card = pcscd.latest.attach('Reader A', PRESENT);
    card.connect = (_options, done) => setImmediate(() => done(pcscError('SCardConnect', 0x8010000b), 0));
    expect(await reader.openTextApplication()).toEqual({
      ok: false,
      error: { kind: 'reader_error', detail: 'another program holds the card' },
    });
  });

  it('lets go of a connection that pcscd grants only after the connect timed out', async () => {
    const pcscd = new FakePcscd();
    const reader = makeReader(pcscd);
    const card = pcscd.latest.attach('Reader A', PRESENT);
    // Slower than the reader's 50 ms bound on every call.
    card.connect = (_options, done) => setTimeout(() => done(null, 2), 80);
    const released = once(card, 'disconnected');
    expect(await reader.openTextApplication()).toEqual({ ok: false, error: { kind: 'timeout', ms: 50 } });
    await released;
    expect(card.dispositions).toEqual([SCARD_LEAVE_CARD]);
  });
});
