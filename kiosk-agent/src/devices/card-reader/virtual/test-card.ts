/**
 * Test material for virtual cards: an issuer and a card key made once per test file (RSA key generation is the
 * slow part), and a card holder. Only tests import this.
 */
import { generateKeyPairSync } from 'node:crypto';
import { keyIdentifier } from '@kiosk/protocol/card-data';
import type { CardHolder } from '@kiosk/protocol/card-data';
import type { CardIssuer } from './card-files.js';

const issuerKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
export const testIssuer: CardIssuer = { key: issuerKey.privateKey, aki: keyIdentifier(issuerKey.publicKey) };
export const testCardKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

export const testHolder: CardHolder = {
  myNumber: '123456789018',
  name: '佐藤 花子',
  address: '東京都中央区築地一丁目1番1号',
  birthDate: '1950-04-01',
  sex: 'female',
};

export const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').toUpperCase();
