/**
 * One command and its complete answer, over any CardTransport. The card may answer `6C xx` (wrong Le: send the
 * command again asking for xx bytes) or `61 xx` (xx bytes wait: fetch them with GET RESPONSE, perhaps several
 * times); callers see only the assembled data and the final status word. Each transmit has its own timeout.
 */
import type { Result } from '@kiosk/protocol';
import type { CardError } from '../card-error.js';
import type { CardTransport, ResponseApdu, TransportError } from '../card-transport.js';
import { withLe } from './apdu.js';
import { getResponse } from './commands.js';
import { exactLength, moreDataAvailable, swHex } from './status-words.js';

export interface ExchangeOptions {
  /** Bounds each transmit, GET RESPONSE included. */
  readonly timeoutMs: number;
}

/** A card that keeps announcing more data is broken; this bounds the answer to 64 KiB. */
const MAX_GET_RESPONSE_ROUNDS = 256;

export function transportToCardError(error: TransportError): CardError {
  switch (error.kind) {
    case 'card_removed':
      return { kind: 'card_removed' };
    case 'timeout':
      return { kind: 'timeout', ms: error.ms };
    case 'reader_error':
      return { kind: 'reader_error', detail: error.detail };
  }
}

type Exchanged = Result<ResponseApdu, CardError>;

/** Sends `command`; on `6C xx` sends it once more with Le = xx. */
async function send(
  transport: CardTransport,
  command: Uint8Array,
  options: ExchangeOptions,
): Promise<Exchanged> {
  const first = await transport.transmit(command, options.timeoutMs);
  if (!first.ok) return { ok: false, error: transportToCardError(first.error) };
  const le = exactLength(first.value.sw);
  if (le === undefined) return first;
  const again = withLe(command, le);
  if (!again.ok)
    return { ok: false, error: { kind: 'card_error', detail: `6C answer to ${again.error.detail}` } };
  const second = await transport.transmit(again.value, options.timeoutMs);
  // The corrected copy is ours; it may hold a PIN, like the command it copies.
  again.value.fill(0);
  if (!second.ok) return { ok: false, error: transportToCardError(second.error) };
  if (exactLength(second.value.sw) !== undefined)
    return {
      ok: false,
      error: { kind: 'card_error', detail: `${swHex(second.value.sw)} after a corrected Le` },
    };
  return second;
}

export async function exchange(
  transport: CardTransport,
  command: Uint8Array,
  options: ExchangeOptions,
): Promise<Exchanged> {
  const first = await send(transport, command, options);
  if (!first.ok || moreDataAvailable(first.value.sw) === undefined) return first;

  const parts: Uint8Array[] = [first.value.data];
  let sw = first.value.sw;
  let rounds = 0;
  const wipeParts = (): void => parts.forEach((part) => part.fill(0));
  for (let more = moreDataAvailable(sw); more !== undefined; more = moreDataAvailable(sw)) {
    if (++rounds > MAX_GET_RESPONSE_ROUNDS) {
      wipeParts();
      return { ok: false, error: { kind: 'card_error', detail: 'GET RESPONSE never ends' } };
    }
    const next = await send(transport, getResponse(more), options);
    if (!next.ok) {
      wipeParts();
      return next;
    }
    parts.push(next.value.data);
    sw = next.value.sw;
  }
  const data = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    data.set(part, at);
    at += part.length;
  }
  // The pieces may hold card data; only the assembled copy survives.
  wipeParts();
  return { ok: true, value: { data, sw } };
}
