/**
 * The card reader through pcscd (PC/SC), behind the same CardReader interface as the simulated one. It follows one
 * reader (chosen by name pattern when several exist), turns pcscd's reports into a status, and opens the text
 * application over an exclusive connection. pcscd may be absent, stop or restart at any time: the status says
 * `service_down` meanwhile and the layer reconnects by itself.
 */
import type { Result } from '@kiosk/protocol';
import type { CardError } from '../card-error.js';
import type { CardReader, CardReaderStatus, TextApplication } from '../card-reader.js';
import { openTextApplication } from '../text-ap/index.js';
import { loadPcscLite, type PcscLibrary, type PcscReader } from './binding.js';
import { connectExclusive } from './connect.js';
import { DEFAULT_RETRY, PcscService, type RetryPolicy, type ServiceEvent } from './pcsc-service.js';
import { chooseReader, sameStatus, statusFromState } from './status.js';
import { PcscTransport } from './transport.js';

export interface PcscCardReaderOptions {
  /** Which reader to use when several are attached (`KIOSK_CARD_READER`); the first by name when absent. */
  readonly readerName?: RegExp | undefined;
  /** Bounds each command sent to the card and each connect. */
  readonly commandTimeoutMs?: number;
  /** Backoff between attempts to reach pcscd. */
  readonly retry?: RetryPolicy;
  /** The PC/SC library; the npm `pcsclite` package unless a test of this layer's logic passes a fake. */
  readonly library?: () => Result<PcscLibrary, string>;
  /** Status changes and pcscd failures, for the operators' log. Never card data. */
  readonly log?: (message: string) => void;
}

const DEFAULT_COMMAND_TIMEOUT_MS = 5_000;

type Service = { readonly kind: 'up' } | { readonly kind: 'down'; readonly detail: string };

export class PcscCardReader implements CardReader {
  private service: Service = { kind: 'down', detail: 'not started' };
  /** Attached readers and their last reported state bits. */
  private readonly readers = new Map<string, { reader: PcscReader; state: number | undefined }>();
  private selected: string | undefined;
  private link: PcscTransport | undefined;
  /** The end of a connection lost to a removal or a pcscd failure; the next connect waits for it. */
  private releasing: Promise<void> = Promise.resolve();
  private current: CardReaderStatus;
  private readonly listeners = new Set<(status: CardReaderStatus) => void>();
  private readonly pcsc: PcscService;
  /** openTextApplication calls run one at a time: each replaces the previous connection. */
  private opening: Promise<unknown> = Promise.resolve();
  private readonly timeoutMs: number;
  private readonly log: (message: string) => void;

  constructor(private readonly options: PcscCardReaderOptions = {}) {
    this.timeoutMs = options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    this.log = options.log ?? (() => {});
    this.current = this.compute();
    this.pcsc = new PcscService(options.library ?? loadPcscLite, options.retry ?? DEFAULT_RETRY, (event) =>
      this.onService(event),
    );
    this.pcsc.start();
  }

  status(): CardReaderStatus {
    return this.current;
  }

  /** The reader in use, for the operators' screen and logs. */
  readerName(): string | undefined {
    return this.selected;
  }

  onStatus(listener: (status: CardReaderStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  openTextApplication(): Promise<Result<TextApplication, CardError>> {
    const next = this.opening.then(() => this.open());
    this.opening = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await this.opening;
    await this.dropLink();
    this.pcsc.close();
  }

  private async open(): Promise<Result<TextApplication, CardError>> {
    await this.dropLink();
    const name = this.selected;
    const entry = name === undefined ? undefined : this.readers.get(name);
    const status = this.current;
    if (!entry || status.kind !== 'card_present') return { ok: false, error: unavailable(status) };
    const connected = await connectExclusive(entry.reader, this.timeoutMs);
    if (!connected.ok) return connected;
    const link = new PcscTransport({
      reader: entry.reader,
      protocol: connected.value,
      defaultTimeoutMs: this.timeoutMs,
      cardLeft: (ms) => this.cardLeft(ms),
    });
    // The card may have left, or pcscd stopped, while connecting.
    if (this.selected !== name || this.current.kind !== 'card_present') {
      await link.disconnect();
      return { ok: false, error: unavailable(this.current) };
    }
    this.link = link;
    return openTextApplication(link, { commandTimeoutMs: this.timeoutMs });
  }

  private async dropLink(): Promise<void> {
    const link = this.link;
    this.link = undefined;
    await link?.disconnect();
    await this.releasing;
  }

  private onService(event: ServiceEvent): void {
    switch (event.kind) {
      case 'up':
        this.service = { kind: 'up' };
        this.log('pcscd reached');
        break;
      case 'down':
        if (this.service.kind === 'up' || this.service.detail !== event.detail)
          this.log(`pcscd: ${event.detail}`);
        this.service = { kind: 'down', detail: event.detail };
        this.readers.clear();
        this.lose({ kind: 'reader_error', detail: 'pcscd stopped' });
        break;
      case 'reader_added':
        this.readers.set(event.reader.name, { reader: event.reader, state: undefined });
        this.log(`reader attached: ${event.reader.name}`);
        break;
      case 'reader_removed':
        this.readers.delete(event.name);
        if (event.name === this.selected) this.lose({ kind: 'card_removed' });
        this.log(`reader removed: ${event.name}`);
        break;
      case 'reader_state': {
        const entry = this.readers.get(event.name);
        if (entry) entry.state = event.state;
        if (event.name === this.selected && statusFromState(event.state).kind !== 'card_present')
          this.lose({ kind: 'card_removed' });
        break;
      }
    }
    // The reader holding the card being read stays chosen; otherwise the first by name, whatever order pcscd
    // reports the readers' states in.
    const inUse = this.link ? this.selected : undefined;
    this.selected = chooseReader(this.readers.keys(), this.options.readerName, inUse);
    this.update();
  }

  /** The connection is over: the card, its reader or pcscd went away. */
  private lose(error: { kind: 'card_removed' } | { kind: 'reader_error'; detail: string }): void {
    const link = this.link;
    if (!link) return;
    this.link = undefined;
    link.fail(error);
    this.releasing = error.kind === 'card_removed' ? link.abandon() : link.disconnect();
  }

  private compute(): CardReaderStatus {
    if (this.service.kind === 'down') return { kind: 'service_down', detail: this.service.detail };
    if (this.selected === undefined) return { kind: 'no_reader' };
    return statusFromState(this.readers.get(this.selected)?.state);
  }

  private update(): void {
    const next = this.compute();
    if (sameStatus(next, this.current)) return;
    this.current = next;
    this.log(`status: ${next.kind}${'detail' in next ? ` (${next.detail})` : ''}`);
    for (const listener of [...this.listeners]) listener(next);
  }

  /** True once the card is reported gone, within `ms`; pcscd notices a removal a moment after a failed command. */
  private cardLeft(ms: number): Promise<boolean> {
    if (this.current.kind !== 'card_present') return Promise.resolve(true);
    return new Promise((resolve) => {
      const stop = (gone: boolean): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(gone);
      };
      const listener = (status: CardReaderStatus): void => {
        if (status.kind !== 'card_present') stop(true);
      };
      const timer = setTimeout(() => stop(false), ms);
      this.listeners.add(listener);
    });
  }
}

function unavailable(status: CardReaderStatus): CardError {
  switch (status.kind) {
    case 'service_down':
      return { kind: 'reader_error', detail: `pcscd: ${status.detail}` };
    case 'card_error':
      return { kind: 'card_error', detail: status.detail };
    default:
      return { kind: 'card_removed' };
  }
}
