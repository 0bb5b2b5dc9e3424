import { createPublicKey, generateKeyPair, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCardFiles, type CardKeys } from './build.js';
import { encodeEf0001 } from './ef0001.js';
import { encodeEf0003, parseEf0003 } from './ef0003.js';
import type { CardFiles } from './files.js';
import type { CardHolder } from './holder.js';
import { keyIdentifier } from './key-identifier.js';
import { sha256 } from './primitives.js';
import { verifyCardData, type CardTrustAnchors } from './verify.js';

const rsa2048 = async (): Promise<KeyObject> =>
  (await promisify(generateKeyPair)('rsa', { modulusLength: 2048 })).privateKey;

const holder: CardHolder = {
  myNumber: '987654321093',
  name: '𠮷田 太郎',
  address: '東京都千代田区霞が関一丁目二番二号 中央合同庁舎第五号館本館 厚生労働省内 '.repeat(3),
  birthDate: '1952-07-31',
  sex: 'unknown',
};

const FILES = ['ef0001', 'ef0002', 'ef0003', 'ef0004'] as const;

let keys: CardKeys;
let otherCardKey: KeyObject;
let otherIssuerKey: KeyObject;
let anchors: CardTrustAnchors;
let card: CardFiles;

beforeAll(async () => {
  const [cardKey, issuerKey, otherCard, otherIssuer] = await Promise.all([
    rsa2048(),
    rsa2048(),
    rsa2048(),
    rsa2048(),
  ]);
  otherCardKey = otherCard;
  otherIssuerKey = otherIssuer;
  const issuerAki = keyIdentifier(issuerKey);
  keys = { cardKey, issuerKey, issuerAki };
  anchors = new Map([[issuerAki.toString('hex'), createPublicKey(issuerKey)]]);
  card = buildCardFiles(holder, keys);
});

const codeOf = (files: CardFiles, trust: CardTrustAnchors = anchors): string => {
  const result = verifyCardData(files, trust);
  return result.ok ? 'ok' : result.error.code;
};

const pad = (b: Buffer, size: number, byte: number): Buffer =>
  Buffer.concat([b, Buffer.alloc(size - b.length, byte)]);

describe('verifyCardData', () => {
  it('gives the holder back from a built card', () => {
    const result = verifyCardData(card, anchors);
    expect(result).toEqual({ ok: true, value: { ...holder, issuerAki: keys.issuerAki.toString('hex') } });
  });

  it('tolerates the padding readers add after each file', () => {
    const padded = {
      ef0001: pad(card.ef0001, 17, 0xff),
      ef0002: pad(card.ef0002, 1024, 0x00),
      ef0003: pad(card.ef0003, 384, 0xff),
      ef0004: pad(card.ef0004, 768, 0xff),
    };
    expect(verifyCardData(padded, anchors).ok).toBe(true);
  });

  it('refuses bytes other than padding after a file', () => {
    expect(codeOf({ ...card, ef0001: Buffer.concat([card.ef0001, Buffer.from([0xff, 0x01])]) })).toBe(
      'CARD_DATA_MALFORMED',
    );
  });

  it('CARD_DIGEST_MISMATCH when a byte of the name changes', () => {
    const ef0002 = Buffer.from(card.ef0002);
    // The name starts after FF20 82 xx xx, DF21 03 000000 and DF22 0E; its last byte is a UTF-8 continuation byte,
    // and flipping its low bit keeps the text valid UTF-8 (郎 → 郏).
    const lastNameByte = 11 + 2 + Buffer.byteLength(holder.name) - 1;
    ef0002.writeUInt8(ef0002.readUInt8(lastNameByte) ^ 0x01, lastNameByte);
    const result = verifyCardData({ ...card, ef0002 }, anchors);
    expect(!result.ok && result.error).toEqual({
      code: 'CARD_DIGEST_MISMATCH',
      detail: 'EF0002 does not match DF32',
    });
  });

  it('CARD_DIGEST_MISMATCH when EF0001 is swapped for another valid number, without naming it', () => {
    const result = verifyCardData({ ...card, ef0001: encodeEf0001('123456789018') }, anchors);
    expect(!result.ok && result.error.code).toBe('CARD_DIGEST_MISMATCH');
    expect(!result.ok && result.error.detail).not.toMatch(/[0-9]{11}/);
  });

  it('CARD_SIGNATURE_INVALID when the digests are signed by another card key', () => {
    const parsed = parseEf0003(card.ef0003);
    if (!parsed.ok) throw new Error(parsed.error.detail);
    const digests = { ef0001: parsed.value.ef0001Digest, ef0002: parsed.value.ef0002Digest };
    expect(codeOf({ ...card, ef0003: encodeEf0003(digests, otherCardKey) })).toBe('CARD_SIGNATURE_INVALID');
  });

  it('CARD_SIGNATURE_INVALID when a signed digest is changed', () => {
    const ef0003 = Buffer.from(card.ef0003);
    ef0003.writeUInt8(ef0003.readUInt8(10) ^ 0x80, 10);
    expect(codeOf({ ...card, ef0003 })).toBe('CARD_SIGNATURE_INVALID');
  });

  it('CARD_ISSUER_UNKNOWN when the certificate comes from an issuer that is not trusted', () => {
    const foreign = buildCardFiles(holder, {
      ...keys,
      issuerKey: otherIssuerKey,
      issuerAki: keyIdentifier(otherIssuerKey),
    });
    expect(codeOf(foreign)).toBe('CARD_ISSUER_UNKNOWN');
    expect(codeOf(card, new Map())).toBe('CARD_ISSUER_UNKNOWN');
  });

  it('CARD_CERTIFICATE_INVALID when the certificate names a trusted AKI but another key signed it', () => {
    expect(codeOf(buildCardFiles(holder, { ...keys, issuerKey: otherIssuerKey }))).toBe(
      'CARD_CERTIFICATE_INVALID',
    );
  });

  it('CARD_CERTIFICATE_INVALID, not a throw, when the anchor under that AKI is not an RSA key', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    expect(codeOf(card, new Map([[keys.issuerAki.toString('hex'), ec]]))).toBe('CARD_CERTIFICATE_INVALID');
  });

  it('CARD_DATA_MALFORMED for a properly signed card whose My Number has a wrong check digit', () => {
    const ef0001 = encodeEf0001('987654321094');
    const ef0003 = encodeEf0003(
      { ef0001: sha256(ef0001), ef0002: sha256(card.ef0002.subarray(11)) },
      keys.cardKey,
    );
    expect(codeOf({ ...card, ef0001, ef0003 })).toBe('CARD_DATA_MALFORMED');
  });

  it('CARD_DATA_MALFORMED when a file is missing', () => {
    expect(codeOf({ ...card, ef0004: undefined as unknown as Buffer })).toBe('CARD_DATA_MALFORMED');
  });

  it.each(FILES)('CARD_DATA_MALFORMED, never a throw, for every truncation of %s', (name) => {
    const file = card[name];
    for (let length = 0; length < file.length; length++) {
      const truncated = { ...card, [name]: file.subarray(0, length) };
      expect(codeOf(truncated), `length ${length}`).toBe('CARD_DATA_MALFORMED');
    }
  });

  it.each(FILES)('refuses random bytes behind the right outer tag of %s, never throwing', (name) => {
    // Deterministic pseudo-random input: SHA-256 in counter mode.
    const bytes = (seed: string, length: number): Buffer => {
      const blocks = Array.from({ length: Math.ceil(length / 32) }, (_, i) =>
        sha256(Buffer.from(`${seed}/${i}`)),
      );
      return Buffer.concat(blocks).subarray(0, length);
    };
    const prefix = card[name].subarray(0, name === 'ef0001' ? 2 : 5);
    for (let i = 0; i < 300; i++) {
      const body = bytes(`${name}/${i}`, i * 2);
      expect(codeOf({ ...card, [name]: Buffer.concat([prefix, body]) })).toBe('CARD_DATA_MALFORMED');
    }
  });

  it.each(FILES)('refuses every single-byte change to %s except in the unprotected header', (name) => {
    const file = card[name];
    // EF0002's DF21 value (3 bytes after FF20 82 xx xx and DF21 03) is covered by neither digest nor signature.
    const unprotected = (i: number): boolean => name === 'ef0002' && i >= 8 && i < 11;
    for (let i = 0; i < file.length; i++) {
      const changed = Buffer.from(file);
      changed.writeUInt8(changed.readUInt8(i) ^ 0xff, i);
      const result = verifyCardData({ ...card, [name]: changed }, anchors);
      expect(result.ok, `offset ${i}`).toBe(unprotected(i));
      if (!result.ok) {
        expect(result.error.detail).not.toContain(holder.myNumber.slice(0, 11));
        expect(result.error.detail).not.toContain(holder.name);
      }
    }
  });
});
