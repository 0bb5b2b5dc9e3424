/**
 * A virtual My Number card: the text application's files, signed by the dev card issuer exactly as a real card's
 * are, and a PIN counter that locks at zero. Used by the simulated reader (demo) and by tests.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { buildCardFiles } from '@kiosk/protocol/card-data';
import type { CardFiles } from './card-reader.js';

export interface CardHolder {
  readonly myNumber: string;
  readonly name: string;
  readonly address: string;
  readonly birthDate: string;
  readonly sex: 'male' | 'female' | 'unknown';
}

export interface CardIssuer {
  readonly key: KeyObject;
  readonly aki: Buffer;
}

export const PIN_TRIES = 3;

export class VirtualCard {
  readonly files: CardFiles;
  private triesLeft = PIN_TRIES;

  constructor(
    holder: CardHolder,
    issuer: CardIssuer,
    private readonly pin: string,
  ) {
    // Each card has its own key pair, certified by the issuer, as real cards do.
    const cardKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    this.files = buildCardFiles(holder, { cardKey, issuerKey: issuer.key, issuerAki: issuer.aki });
  }

  get pinTriesLeft(): number {
    return this.triesLeft;
  }

  /** The card's own rule: a right PIN resets the counter, a wrong one uses a try, zero tries blocks for good. */
  verifyPin(pin: string): { kind: 'verified' } | { kind: 'wrong'; triesLeft: number } | { kind: 'blocked' } {
    if (this.triesLeft === 0) return { kind: 'blocked' };
    if (pin === this.pin) {
      this.triesLeft = PIN_TRIES;
      return { kind: 'verified' };
    }
    this.triesLeft -= 1;
    return this.triesLeft === 0 ? { kind: 'blocked' } : { kind: 'wrong', triesLeft: this.triesLeft };
  }
}
