/**
 * What the card's answer to VERIFY means. The same status words come back whether the PIN was typed on the screen
 * or on a pinpad reader. The counter lives on the card (3 tries); at 0 the PIN is blocked for good and only the
 * municipality office can reset it.
 */
import type { PinResult } from '../card-reader.js';
import { isBlockedSw, pinTriesFromSw, SW } from './status-words.js';

export const PIN_TRIES = 3;

/** The answer to VERIFY with a PIN; undefined for a status word VERIFY should not give. */
export function pinResultFromSw(sw: number): PinResult | undefined {
  if (sw === SW.OK) return { kind: 'verified' };
  if (isBlockedSw(sw)) return { kind: 'blocked' };
  const triesLeft = pinTriesFromSw(sw);
  if (triesLeft === undefined) return undefined;
  return triesLeft === 0 ? { kind: 'blocked' } : { kind: 'wrong', triesLeft };
}

/**
 * The answer to VERIFY without data: tries left, 0 when blocked. `90 00` means the PIN is already verified in this
 * card session; the success that verified it reset the counter, so all tries are left.
 */
export function triesLeftFromSw(sw: number): number | undefined {
  if (sw === SW.OK) return PIN_TRIES;
  if (isBlockedSw(sw)) return 0;
  return pinTriesFromSw(sw);
}
