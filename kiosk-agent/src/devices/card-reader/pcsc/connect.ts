/**
 * SCardConnect, exclusive: while the kiosk reads the card (and holds a verified PIN on it), no other program on the
 * PC may talk to it. T=0 or T=1, whichever the card offers.
 */
import type { Result } from '@kiosk/protocol';
import type { CardError } from '../card-error.js';
import type { PcscReader } from './binding.js';
import {
  classifyScardError,
  errorText,
  SCARD_LEAVE_CARD,
  SCARD_PROTOCOL_T0,
  SCARD_PROTOCOL_T1,
  SCARD_SHARE_EXCLUSIVE,
} from './scard.js';

/** The protocol pcscd agreed with the card, or why there is no connection. */
export function connectExclusive(reader: PcscReader, timeoutMs: number): Promise<Result<number, CardError>> {
  return new Promise((resolve) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      resolve({ ok: false, error: { kind: 'timeout', ms: timeoutMs } });
    }, timeoutMs);
    const done = (result: Result<number, CardError>): void => {
      clearTimeout(timer);
      resolve(result);
    };
    // A handle nobody will use must not hold the card exclusively: let go of it at once.
    const letGo = (): void => reader.disconnect(SCARD_LEAVE_CARD, () => {});
    const options = { share_mode: SCARD_SHARE_EXCLUSIVE, protocol: SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1 };
    try {
      reader.connect(options, (error, protocol) => {
        if (error) return done({ ok: false, error: connectError(error) });
        if (timedOut) return letGo();
        // pcsclite answers without a protocol when its handle is still connected from an earlier failure.
        if (typeof protocol !== 'number') {
          letGo();
          const detail = 'a previous connection was still open';
          return done({ ok: false, error: { kind: 'reader_error', detail } });
        }
        done({ ok: true, value: protocol });
      });
    } catch (error) {
      done({ ok: false, error: connectError(error) });
    }
  });
}

function connectError(error: unknown): CardError {
  switch (classifyScardError(error)) {
    case 'card_gone':
      return { kind: 'card_removed' };
    case 'busy':
      return { kind: 'reader_error', detail: 'another program holds the card' };
    case 'unclear':
      return { kind: 'card_error', detail: `the card does not answer: ${errorText(error)}` };
    default:
      return { kind: 'reader_error', detail: errorText(error) };
  }
}
