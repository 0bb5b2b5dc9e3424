/**
 * The APDU link to a VirtualCard inside this process, for the demo's simulated reader: the same CardTransport the
 * PC/SC reader gives, so the text application's code is the same. Taking the card off the reader fails the
 * exchange in flight with `card_removed`, as pcscd does.
 */
import type { Result } from '@kiosk/protocol';
import type { CardTransport, ResponseApdu, TransportError } from '../card-transport.js';
import { parseResponseApdu } from '../text-ap/response.js';
import type { VirtualCard } from './virtual-card.js';

const NO_ANSWER = Symbol('no answer');

/** The promise's value, or NO_ANSWER when `ms` pass first; the timer never outlives the race. */
async function within<T>(promise: Promise<T>, ms: number | undefined): Promise<T | typeof NO_ANSWER> {
  if (ms === undefined) return promise;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<typeof NO_ANSWER>((resolve) => {
    timer = setTimeout(() => resolve(NO_ANSWER), ms);
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}

export class InProcessTransport implements CardTransport {
  constructor(
    private readonly card: VirtualCard,
    /** Whether this card is still the one on the reader. */
    private readonly present: () => boolean,
  ) {}

  async transmit(command: Uint8Array, timeoutMs?: number): Promise<Result<ResponseApdu, TransportError>> {
    if (!this.present()) return { ok: false, error: { kind: 'card_removed' } };
    // The card gets its own copy, wiped when it is done: the caller wipes its command as soon as this returns.
    const copy = command.slice();
    const answer = await within(
      this.card.process(copy).finally(() => copy.fill(0)),
      timeoutMs,
    );
    if (!this.present()) return { ok: false, error: { kind: 'card_removed' } };
    if (answer === NO_ANSWER) return { ok: false, error: { kind: 'timeout', ms: timeoutMs ?? 0 } };
    const response = parseResponseApdu(answer);
    if (!response.ok) return { ok: false, error: { kind: 'reader_error', detail: response.error.detail } };
    return response;
  }

  async features(): Promise<ReadonlyMap<number, number>> {
    return new Map();
  }

  async control(
    _code: number,
    _data: Uint8Array,
    _timeoutMs?: number,
  ): Promise<Result<Uint8Array, TransportError>> {
    return { ok: false, error: { kind: 'reader_error', detail: 'this reader has no control codes' } };
  }

  async disconnect(): Promise<void> {}
}
