/**
 * The files on a virtual card's text application, signed by the card issuer exactly as a real card's are, with
 * the damage a fault asks for. Which files need the PIN is the card's rule, kept here beside the files.
 */
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { buildCardFiles, type CardHolder } from '@kiosk/protocol/card-data';

export interface CardIssuer {
  readonly key: KeyObject;
  /** The issuer key's identifier (AKI), 20 bytes. */
  readonly aki: Buffer;
}

/** PIN EF: selectable, never readable. */
export const PIN_EF = 0x0011;
/** EF 0001–0003 (My Number, the four items, the signature) are read only after the PIN; EF 0004 is public. */
export const needsPin = (fid: number): boolean => fid >= 0x0001 && fid <= 0x0003;

export interface FileFaults {
  readonly badSignature?: boolean;
  readonly truncatedEf?: number;
}

/**
 * A fresh RSA-2048 card key. Made as PEM and imported again: on Node 20, exporting a KeyObject straight from
 * generateKeyPairSync can deadlock while the finished key-generation job is torn down.
 */
function newCardKey(): KeyObject {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return createPrivateKey(privateKey);
}

export function buildFileSystem(
  holder: CardHolder,
  issuer: CardIssuer,
  options: { cardKey?: KeyObject; ef0005?: Uint8Array; faults?: FileFaults },
): Map<number, Uint8Array> {
  // Each card has its own key pair, certified by the issuer, as real cards do.
  const cardKey = options.cardKey ?? newCardKey();
  const built = buildCardFiles(holder, { cardKey, issuerKey: issuer.key, issuerAki: issuer.aki });
  const files = new Map<number, Uint8Array>([
    [0x0001, new Uint8Array(built.ef0001)],
    [0x0002, new Uint8Array(built.ef0002)],
    [0x0003, new Uint8Array(built.ef0003)],
    [0x0004, new Uint8Array(built.ef0004)],
  ]);
  if (options.ef0005) files.set(0x0005, new Uint8Array(options.ef0005));
  const faults = options.faults ?? {};
  const ef0003 = files.get(0x0003);
  // DF33, the signature, is the last TLV of EF 0003: flipping its last byte breaks it and nothing else.
  if (faults.badSignature && ef0003) ef0003[ef0003.length - 1] = (ef0003.at(-1) ?? 0) ^ 0xff;
  const cut = faults.truncatedEf === undefined ? undefined : files.get(faults.truncatedEf);
  if (faults.truncatedEf !== undefined && cut)
    files.set(faults.truncatedEf, cut.slice(0, Math.max(2, Math.floor(cut.length / 2))));
  return files;
}
