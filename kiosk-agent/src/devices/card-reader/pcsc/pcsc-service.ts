/**
 * Keeps a working PC/SC context, whatever pcscd does. pcsclite throws when pcscd is absent and its context never
 * recovers once pcscd stops, so on either this throws the whole context away and makes a new one, with backoff,
 * until pcscd answers again. Events from a discarded context are ignored: each context has its own generation.
 */
import type { Result } from '@kiosk/protocol';
import type { PcscContext, PcscLibrary, PcscReader } from './binding.js';
import { classifyScardError, errorText } from './scard.js';

export type ServiceEvent =
  | { readonly kind: 'up' }
  | { readonly kind: 'down'; readonly detail: string }
  | { readonly kind: 'reader_added'; readonly reader: PcscReader }
  | { readonly kind: 'reader_removed'; readonly name: string }
  | { readonly kind: 'reader_state'; readonly name: string; readonly state: number };

export interface RetryPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { initialMs: 250, maxMs: 5_000 };

export class PcscService {
  private context: PcscContext | undefined;
  private readonly readers = new Map<string, PcscReader>();
  private generation = 0;
  private delayMs: number;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly library: () => Result<PcscLibrary, string>,
    private readonly retry: RetryPolicy,
    private readonly onEvent: (event: ServiceEvent) => void,
  ) {
    this.delayMs = retry.initialMs;
  }

  start(): void {
    this.connect();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.discard();
  }

  private connect(): void {
    this.timer = undefined;
    if (this.closed) return;
    const library = this.library();
    if (!library.ok) return this.down(library.error);
    let context: PcscContext;
    try {
      context = library.value();
    } catch (error) {
      return this.down(errorText(error));
    }
    const generation = ++this.generation;
    const current = (): boolean => generation === this.generation && !this.closed;
    this.context = context;
    this.delayMs = this.retry.initialMs;
    context.on('error', (error) => {
      if (current()) this.down(errorText(error));
    });
    context.on('reader', (reader) => {
      if (current()) this.attach(reader, current);
      else later(() => closeQuietly(reader));
    });
    this.onEvent({ kind: 'up' });
  }

  private attach(reader: PcscReader, current: () => boolean): void {
    const name = reader.name;
    reader.on('error', (error) => {
      // A reader's own failure is followed by its 'end'; only a lost pcscd concerns the whole context.
      if (current() && classifyScardError(error) === 'service') this.down(errorText(error));
    });
    reader.on('end', () => {
      if (!current() || this.readers.get(name) !== reader) return;
      this.readers.delete(name);
      this.onEvent({ kind: 'reader_removed', name });
    });
    reader.on('status', (status) => {
      if (current() && this.readers.get(name) === reader)
        this.onEvent({ kind: 'reader_state', name, state: status.state });
    });
    this.readers.set(name, reader);
    this.onEvent({ kind: 'reader_added', reader });
  }

  private down(detail: string): void {
    if (this.closed) return;
    this.discard();
    this.onEvent({ kind: 'down', detail });
    if (this.timer) return;
    const delay = this.delayMs;
    this.delayMs = Math.min(this.delayMs * 2, this.retry.maxMs);
    this.timer = setTimeout(() => this.connect(), delay);
    this.timer.unref();
  }

  /** Drops the current context and its readers; their late events and errors go nowhere. */
  private discard(): void {
    this.generation++;
    const readers = [...this.readers.values()];
    const context = this.context;
    this.readers.clear();
    this.context = undefined;
    // Closing waits on pcsclite's threads, which may be inside the very callback that brought us here: defer.
    later(() => {
      for (const reader of readers) closeQuietly(reader);
      if (context) closeQuietly(context);
    });
  }
}

/** pcsclite's close() emits a spurious error ("Command cancelled"): keep a listener so it never throws. */
function closeQuietly(handle: PcscReader | PcscContext): void {
  handle.removeAllListeners();
  handle.on('error', () => {});
  try {
    handle.close();
  } catch {
    // Closing a context whose pcscd is gone may fail; there is nothing left to release.
  }
}

function later(task: () => void): void {
  setImmediate(task);
}
