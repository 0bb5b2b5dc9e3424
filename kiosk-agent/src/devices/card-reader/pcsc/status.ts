/** From what pcscd reports to what the session machine sees, and which reader the kiosk uses. */
import type { CardReaderStatus } from '../card-reader.js';
import { SCARD_STATE } from './scard.js';

/** The selected reader's state bits, as pcscd last reported them (none yet: nothing is known about it). */
export function statusFromState(state: number | undefined): CardReaderStatus {
  if (state === undefined) return { kind: 'no_reader' };
  if (state & SCARD_STATE.UNKNOWN) return { kind: 'no_reader' };
  if (state & SCARD_STATE.PRESENT) {
    // A mute card gave no answer to reset: nothing on it can be read, and the resident should turn it round.
    if (state & SCARD_STATE.MUTE) return { kind: 'card_error', detail: 'the card does not answer (mute)' };
    return { kind: 'card_present' };
  }
  if (state & SCARD_STATE.UNAVAILABLE) return { kind: 'card_error', detail: 'the reader is unavailable' };
  return { kind: 'no_card' };
}

/**
 * The reader to use: the configured pattern picks among several (a kiosk may also have, say, a contactless
 * reader for another service); without a pattern, the first by name. `inUse`, the reader of an open
 * connection, stays chosen while it is attached.
 */
export function chooseReader(
  names: Iterable<string>,
  pattern: RegExp | undefined,
  inUse: string | undefined,
): string | undefined {
  const candidates = [...names].filter((name) => !pattern || pattern.test(name)).sort();
  if (inUse !== undefined && candidates.includes(inUse)) return inUse;
  return candidates[0];
}

export const sameStatus = (a: CardReaderStatus, b: CardReaderStatus): boolean =>
  a.kind === b.kind && ('detail' in a ? a.detail : '') === ('detail' in b ? b.detail : '');
