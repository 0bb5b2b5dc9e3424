/**
 * The cards the simulated kiosks present: one virtual My Number card per printable resident, its EF 0001–0004
 * signed by the dev card issuer as a real card's are. Built once, before anything is measured.
 */
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { devPkiPaths } from '@kiosk/certs';
import { loadCardIssuer, VirtualCard } from '@kiosk/kiosk-agent';
import type { IssuanceRequest } from '@kiosk/protocol';
import { cardHolderOf, printableResidents } from './population.js';

/** What one issuance request needs from a resident: the municipality and the card's files, base64. */
export interface PooledCard {
  readonly municipalityCode: string;
  readonly card: IssuanceRequest['card'];
}

export interface CardPool {
  readonly cards: readonly PooledCard[];
  readonly buildMs: number;
}

export function buildCardPool(certsDir: string, population: number, size: number): CardPool {
  const started = performance.now();
  const issuer = loadCardIssuer(devPkiPaths(certsDir).cardIssuer);
  // One card key pair for the whole pool: generating 2,000 RSA keys would take minutes, and the centre verifies a
  // card the same way whichever key it carries. Each card's files and signatures are still its own.
  // Made from PEM rather than kept as the generated KeyObject: on Node 20, exporting a generated key (the card
  // certificate needs its modulus) can deadlock if the finished key generation job is collected meanwhile.
  const cardKey = createPrivateKey(
    generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    }).privateKey,
  );
  const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
  const cards = printableResidents(population, size).map((resident): PooledCard => {
    const { files } = new VirtualCard({ holder: cardHolderOf(resident), issuer, pin: '1234', cardKey });
    return {
      municipalityCode: resident.record.municipalityCode,
      card: {
        ef0001: b64(files.ef0001),
        ef0002: b64(files.ef0002),
        ef0003: b64(files.ef0003),
        ef0004: b64(files.ef0004),
      },
    };
  });
  if (cards.length === 0) throw new Error('no printable resident among the synthetic ones');
  return { cards, buildMs: performance.now() - started };
}
