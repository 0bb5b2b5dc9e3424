/**
 * CardTransport over one exclusive pcsclite connection. Every call is bounded by a timeout; once a command has timed
 * out, or the card or pcscd is gone, the link refuses everything after (the card's state is unknown, so the
 * session must start over) and the next read reconnects. Command and response bytes are never logged: they carry
 * the PIN and the card data.
 */
import type { Result } from '@kiosk/protocol';
import type { CardTransport, ResponseApdu, TransportError } from '../card-transport.js';
import { CM_IOCTL_GET_FEATURE_REQUEST, parseFeatures, parseResponseApdu } from '../text-ap/index.js';
import type { PcscReader } from './binding.js';
import { classifyScardError, errorText, SCARD_LEAVE_CARD, SCARD_RESET_CARD } from './scard.js';

/** Room for any answer, extended lengths included. */
const MAX_RESPONSE = 65_538;
const MAX_CONTROL_RESPONSE = 1_024;

export interface PcscTransportOptions {
  readonly reader: PcscReader;
  readonly protocol: number;
  readonly defaultTimeoutMs: number;
  /**
   * pcscd sees a card leave a moment after a command fails because of it. Resolves true if the reader reports the
   * card gone within `withinMs`, so such a failure is reported as a removal, not as a reader fault.
   */
  readonly cardLeft: (withinMs: number) => Promise<boolean>;
}

/** How long to wait for pcscd to confirm a removal after a failed command. */
const REMOVAL_GRACE_MS = 1_500;

type LinkState = { readonly kind: 'open' } | { readonly kind: 'failed'; readonly error: TransportError };

type Call<T> = { ok: true; value: T } | { ok: false; error: unknown } | { ok: false; timedOut: true };

export class PcscTransport implements CardTransport {
  private state: LinkState = { kind: 'open' };
  private disconnecting: Promise<void> | undefined;

  constructor(private readonly options: PcscTransportOptions) {}

  /** Called by the reader when pcscd reports the card gone, the reader gone or pcscd itself gone. */
  fail(error: TransportError): void {
    if (this.state.kind === 'open') this.state = { kind: 'failed', error };
  }

  async transmit(command: Uint8Array, timeoutMs?: number): Promise<Result<ResponseApdu, TransportError>> {
    const { reader, protocol } = this.options;
    // Both copies may hold the PIN (VERIFY) or card data: wiped once used.
    const sent = Buffer.from(command);
    const answer = await this.call<Buffer>(timeoutMs, (done) =>
      reader.transmit(sent, MAX_RESPONSE, protocol, done),
    );
    sent.fill(0);
    if (!answer.ok) return answer;
    const parsed = parseResponseApdu(new Uint8Array(answer.value));
    answer.value.fill(0);
    if (parsed.ok) return parsed;
    // vpcd answers nothing at all when the card leaves mid-command; a real reader would fail the call.
    if (await this.options.cardLeft(REMOVAL_GRACE_MS)) return this.broken({ kind: 'card_removed' });
    return this.broken({ kind: 'reader_error', detail: parsed.error.detail });
  }

  async control(
    code: number,
    data: Uint8Array,
    timeoutMs?: number,
  ): Promise<Result<Uint8Array, TransportError>> {
    const { reader } = this.options;
    const answer = await this.call<Buffer>(timeoutMs, (done) =>
      reader.control(Buffer.from(data), code, MAX_CONTROL_RESPONSE, done),
    );
    return answer.ok ? { ok: true, value: new Uint8Array(answer.value) } : answer;
  }

  /** Part 10 features; readers without SCardControl (vpcd among them) simply have none. */
  async features(): Promise<ReadonlyMap<number, number>> {
    if (this.state.kind !== 'open') return new Map();
    const { reader, defaultTimeoutMs } = this.options;
    const answer = await this.settle<Buffer>(defaultTimeoutMs, (done) =>
      reader.control(Buffer.alloc(0), CM_IOCTL_GET_FEATURE_REQUEST, MAX_CONTROL_RESPONSE, done),
    );
    if (!answer.ok) return new Map();
    const features = parseFeatures(new Uint8Array(answer.value));
    return features.ok ? features.value : new Map();
  }

  async disconnect(): Promise<void> {
    return this.release(SCARD_RESET_CARD);
  }

  /** Ends the connection to a card that has already left: there is nothing to reset. */
  abandon(): Promise<void> {
    return this.release(SCARD_LEAVE_CARD);
  }

  private release(disposition: number): Promise<void> {
    this.fail({ kind: 'reader_error', detail: 'disconnected' });
    this.disconnecting ??= (async () => {
      const done = await this.disconnectWith(disposition);
      // pcsclite keeps its handle when SCardDisconnect fails (say, resetting a card that just left); without
      // letting go, the next connect would find the reader still taken.
      if (!done && disposition !== SCARD_LEAVE_CARD) await this.disconnectWith(SCARD_LEAVE_CARD);
    })();
    return this.disconnecting;
  }

  private async disconnectWith(disposition: number): Promise<boolean> {
    const { reader, defaultTimeoutMs } = this.options;
    const outcome = await this.settle<void>(defaultTimeoutMs, (done) =>
      reader.disconnect(disposition, (error) => done(error, undefined)),
    );
    return outcome.ok;
  }

  /** One native call, refused when the link is no longer usable, its failure mapped to a TransportError. */
  private async call<T>(
    timeoutMs: number | undefined,
    start: (done: (error: unknown, value: T) => void) => void,
  ): Promise<Result<T, TransportError>> {
    if (this.state.kind !== 'open') return { ok: false, error: this.state.error };
    const ms = timeoutMs ?? this.options.defaultTimeoutMs;
    const outcome = await this.settle(ms, start);
    if (outcome.ok) return outcome;
    if ('timedOut' in outcome) return this.broken({ kind: 'timeout', ms });
    return this.broken(await this.explain(outcome.error));
  }

  private async explain(error: unknown): Promise<TransportError> {
    switch (classifyScardError(error)) {
      case 'card_gone':
        return { kind: 'card_removed' };
      case 'unclear':
        if (await this.options.cardLeft(REMOVAL_GRACE_MS)) return { kind: 'card_removed' };
        return { kind: 'reader_error', detail: errorText(error) };
      default:
        return { kind: 'reader_error', detail: errorText(error) };
    }
  }

  private broken(error: TransportError): Result<never, TransportError> {
    // A concurrent failure (say, the removal event) may have got here first; report the first cause.
    this.fail(error);
    return { ok: false, error: this.state.kind === 'failed' ? this.state.error : error };
  }

  /** Runs a callback-style native call with a deadline; a late answer after the deadline is dropped. */
  private settle<T>(ms: number, start: (done: (error: unknown, value: T) => void) => void): Promise<Call<T>> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ ok: false, timedOut: true }), ms);
      try {
        start((error, value) => {
          clearTimeout(timer);
          resolve(error ? { ok: false, error } : { ok: true, value });
        });
      } catch (error) {
        clearTimeout(timer);
        resolve({ ok: false, error });
      }
    });
  }
}
