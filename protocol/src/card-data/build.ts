/**
 * Builds the four EFs of a card from a holder and keys, byte for byte in the layout the verifier reads, so the
 * virtual card and tests present data that verifies like a real card's. Arguments that cannot be on a real card
 * throw: they are a caller bug, not card data.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { encodeEf0001 } from './ef0001.js';
import { encodeEf0002, encodeHolderFields } from './ef0002.js';
import { encodeEf0003 } from './ef0003.js';
import { encodeEf0004, KEY_ID_BYTES } from './ef0004.js';
import type { CardFiles } from './files.js';
import type { CardHolder } from './holder.js';
import { keyIdentifier } from './key-identifier.js';
import { isValidMyNumber } from './my-number.js';
import { isRsa2048, sha256 } from './primitives.js';

export interface CardKeys {
  /** The card's own RSA-2048 private key (signs EF 0003). */
  readonly cardKey: KeyObject;
  /** The card issuer's RSA-2048 private key (signs EF 0004). */
  readonly issuerKey: KeyObject;
  /** The issuer key's identifier, 20 bytes: `keyIdentifier(issuer public key)`. */
  readonly issuerAki: Buffer;
}

function assertRsa2048PrivateKey(key: KeyObject, what: string): void {
  if (key.type !== 'private' || !isRsa2048(key))
    throw new TypeError(`${what} must be an RSA-2048 private key`);
}

export function buildCardFiles(holder: CardHolder, keys: CardKeys): CardFiles {
  // A real card always has a valid check digit; a card with a bad one can be built from encodeEf0001 and friends.
  if (!isValidMyNumber(holder.myNumber))
    throw new RangeError('myNumber must be 12 digits with a valid check digit');
  assertRsa2048PrivateKey(keys.cardKey, 'cardKey');
  assertRsa2048PrivateKey(keys.issuerKey, 'issuerKey');
  if (keys.issuerAki.length !== KEY_ID_BYTES) throw new RangeError('issuerAki must be 20 bytes');

  const ef0001 = encodeEf0001(holder.myNumber);
  const ef0002 = encodeEf0002(holder);
  // Digests from the encoders' own output, not from the parser, so a parser mistake cannot hide in a round trip.
  const ef0003 = encodeEf0003(
    { ef0001: sha256(ef0001), ef0002: sha256(encodeHolderFields(holder)) },
    keys.cardKey,
  );
  const cardPublicKey = createPublicKey(keys.cardKey);
  const ef0004 = encodeEf0004(
    { issuerAki: keys.issuerAki, cardSki: keyIdentifier(cardPublicKey), cardPublicKey },
    keys.issuerKey,
  );
  return { ef0001, ef0002, ef0003, ef0004 };
}
