import {
  createHash,
  createPublicKey,
  generateKeyPair,
  generateKeyPairSync,
  verify,
  type KeyObject,
} from 'node:crypto';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCardFiles } from './build.js';
import type { CardHolder } from './holder.js';
import { keyIdentifier } from './key-identifier.js';

const rsa2048 = async (): Promise<KeyObject> =>
  (await promisify(generateKeyPair)('rsa', { modulusLength: 2048 })).privateKey;

const sha1 = (b: Buffer): Buffer => createHash('sha1').update(b).digest();
const sha256 = (b: Buffer): Buffer => createHash('sha256').update(b).digest();
const hexOf = (b: Buffer, from: number, to: number): string => b.subarray(from, to).toString('hex');

const holder: CardHolder = {
  myNumber: '123456789018',
  name: '𠮷田 太郎',
  // Long enough for 81 xx on DF23 and 82 xx xx on FF20.
  address: '北海道札幌市中央区北一条西二丁目一番地 札幌市役所本庁舎 '.repeat(4),
  birthDate: '1944-02-29',
  sex: 'male',
};

let cardKey: KeyObject;
let issuerKey: KeyObject;
let issuerAki: Buffer;

beforeAll(async () => {
  [cardKey, issuerKey] = await Promise.all([rsa2048(), rsa2048()]);
  issuerAki = keyIdentifier(createPublicKey(issuerKey));
});

describe('keyIdentifier', () => {
  it('is SHA-1 of the PKCS#1 RSAPublicKey DER, from the public or the private key', () => {
    const publicKey = createPublicKey(cardKey);
    const expected = sha1(publicKey.export({ type: 'pkcs1', format: 'der' }));
    expect(keyIdentifier(publicKey)).toEqual(expected);
    expect(keyIdentifier(cardKey)).toEqual(expected);
  });

  it('takes the bit-string contents for other key types too', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const point = publicKey.export({ type: 'spki', format: 'der' }).subarray(-65);
    expect(point[0]).toBe(0x04);
    expect(keyIdentifier(publicKey)).toEqual(sha1(point));
  });
});

describe('buildCardFiles layout', () => {
  it('writes EF0001 as D0 0C + the digits', () => {
    const { ef0001 } = buildCardFiles(holder, { cardKey, issuerKey, issuerAki });
    expect(ef0001).toEqual(Buffer.concat([Buffer.from('d00c', 'hex'), Buffer.from(holder.myNumber)]));
  });

  it('writes EF0002 with long-form lengths and DF22 right after the header', () => {
    const { ef0002 } = buildCardFiles(holder, { cardKey, issuerKey, issuerAki });
    const addressBytes = Buffer.byteLength(holder.address);
    expect(addressBytes).toBeGreaterThan(255);
    expect(hexOf(ef0002, 0, 3)).toBe('ff2082');
    expect(ef0002.readUInt16BE(3)).toBe(ef0002.length - 5);
    expect(hexOf(ef0002, 5, 11)).toBe('df2103000000');
    const name = Buffer.from(holder.name);
    expect(hexOf(ef0002, 11, 14)).toBe('df22' + name.length.toString(16).padStart(2, '0'));
    expect(hexOf(ef0002, 14 + name.length, 17 + name.length)).toBe('df2382');
    expect(ef0002.readUInt16BE(17 + name.length)).toBe(addressBytes);
  });

  it('writes EF0003 in 336 bytes: digests of EF0001 and of EF0002 from DF22, signed by the card key', () => {
    const { ef0001, ef0002, ef0003 } = buildCardFiles(holder, { cardKey, issuerKey, issuerAki });
    expect(ef0003).toHaveLength(336);
    expect(hexOf(ef0003, 0, 8)).toBe('ff3082014bdf3120');
    expect(hexOf(ef0003, 8, 40)).toBe(sha256(ef0001).toString('hex'));
    expect(hexOf(ef0003, 40, 43)).toBe('df3220');
    expect(hexOf(ef0003, 43, 75)).toBe(sha256(ef0002.subarray(11)).toString('hex'));
    expect(hexOf(ef0003, 75, 80)).toBe('df33820100');
    expect(verify('sha256', ef0003.subarray(5, 75), createPublicKey(cardKey), ef0003.subarray(80))).toBe(
      true,
    );
  });

  it('writes EF0004 in 580 bytes: AKI, SKI, modulus, exponent, signed by the issuer', () => {
    const { ef0004 } = buildCardFiles(holder, { cardKey, issuerKey, issuerAki });
    const cardPublic = createPublicKey(cardKey);
    const n = Buffer.from(cardPublic.export({ format: 'jwk' }).n ?? '', 'base64url');
    expect(ef0004).toHaveLength(580);
    expect(hexOf(ef0004, 0, 12)).toBe('7f2182023f7f4e8201358114');
    expect(ef0004.subarray(12, 32)).toEqual(issuerAki);
    expect(hexOf(ef0004, 32, 34)).toBe('8214');
    expect(ef0004.subarray(34, 54)).toEqual(keyIdentifier(cardPublic));
    expect(hexOf(ef0004, 54, 58)).toBe('83820100');
    expect(ef0004.subarray(58, 314)).toEqual(n);
    expect(hexOf(ef0004, 314, 324)).toBe('84030100015f37820100');
    expect(verify('sha256', ef0004.subarray(5, 319), createPublicKey(issuerKey), ef0004.subarray(324))).toBe(
      true,
    );
  });
});

describe('buildCardFiles arguments', () => {
  it('throws on a holder or keys no card can have', () => {
    const keys = { cardKey, issuerKey, issuerAki };
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    expect(() => buildCardFiles({ ...holder, myNumber: '123456789019' }, keys)).toThrow(RangeError);
    expect(() => buildCardFiles({ ...holder, birthDate: '1944-13-01' }, keys)).toThrow(RangeError);
    expect(() => buildCardFiles(holder, { ...keys, cardKey: small })).toThrow(TypeError);
    expect(() => buildCardFiles(holder, { ...keys, issuerKey: ec })).toThrow(TypeError);
    expect(() => buildCardFiles(holder, { ...keys, cardKey: createPublicKey(cardKey) })).toThrow(TypeError);
    expect(() => buildCardFiles(holder, { ...keys, issuerAki: issuerAki.subarray(1) })).toThrow(RangeError);
  });

  it('never names the My Number when it refuses one', () => {
    expect(() =>
      buildCardFiles({ ...holder, myNumber: '123456789019' }, { cardKey, issuerKey, issuerAki }),
    ).toThrow(/^(?!.*12345678901)/);
  });
});
