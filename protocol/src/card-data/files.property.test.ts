/**
 * Properties of the EF parsers over generated input: random bytes, damaged real files and generated holders. A
 * file either parses or is CARD_DATA_MALFORMED; nothing throws, nothing is half-parsed.
 */
import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCardFiles } from './build.js';
import { encodeEf0001, parseEf0001 } from './ef0001.js';
import { encodeEf0002, parseEf0002 } from './ef0002.js';
import { parseEf0003 } from './ef0003.js';
import { parseEf0004 } from './ef0004.js';
import { parseCardFiles } from './files.js';
import { keyIdentifier } from './key-identifier.js';
import { isValidMyNumber } from './my-number.js';

const RUNS = { numRuns: 10_000 };
const issuer = generateKeyPairSync('rsa', { modulusLength: 2048 });
const cardKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const real = buildCardFiles(
  {
    myNumber: '123456789018',
    name: '佐藤 花子',
    address: '東京都中央区築地一丁目1番1号',
    birthDate: '1950-04-01',
    sex: 'female',
  },
  { cardKey, issuerKey: issuer.privateKey, issuerAki: keyIdentifier(issuer.publicKey) },
);
const PARSERS = [parseEf0001, parseEf0002, parseEf0003, parseEf0004];
const REAL = [real.ef0001, real.ef0002, real.ef0003, real.ef0004];

const typed = (result: { ok: boolean; error?: { code: string; detail: string } }): boolean =>
  result.ok || (result.error?.code === 'CARD_DATA_MALFORMED' && typeof result.error.detail === 'string');

/** A real file with one kind of damage: a flipped byte, cut short, grown, or a byte changed in its header. */
const damaged = fc
  .tuple(
    fc.integer({ min: 0, max: 3 }),
    fc.integer({ min: 0, max: 3 }),
    fc.nat(),
    fc.integer({ min: 1, max: 255 }),
  )
  .map(([which, how, at, x]) => {
    const file = Buffer.from(REAL[which] ?? Buffer.alloc(0));
    const i = at % file.length;
    if (how === 0) file[i] = (file[i] ?? 0) ^ x;
    if (how === 1) return { which, file: file.subarray(0, i) };
    if (how === 2) return { which, file: Buffer.concat([file, Buffer.alloc(x, x)]) };
    if (how === 3) file[i % 5] = x;
    return { which, file };
  });

describe('EF parser properties', () => {
  it('answer random bytes with a value, never a throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 700 }), fc.constantFrom(...PARSERS), (bytes, parse) => {
        expect(typed(parse(Buffer.from(bytes)))).toBe(true);
      }),
      RUNS,
    );
  });

  it('answer damaged real files with a value, and a damaged set as a whole too', () => {
    fc.assert(
      fc.property(damaged, ({ which, file }) => {
        expect(typed(PARSERS[which]?.(file) ?? { ok: false })).toBe(true);
        const set = { ...real, [`ef000${which + 1}`]: file };
        expect(typed(parseCardFiles(set))).toBe(true);
      }),
      RUNS,
    );
  });

  it('accept a My Number exactly when its check digit is right', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{12}$/), (digits) => {
        expect(parseEf0001(encodeEf0001(digits)).ok).toBe(isValidMyNumber(digits));
      }),
      RUNS,
    );
  });

  it('read back the four items they were given, long-form lengths included', () => {
    const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 });
    const date = fc
      .date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2099-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    const sex = fc.constantFrom('male' as const, 'female' as const, 'unknown' as const);
    fc.assert(
      fc.property(text, text, date, sex, (name, address, birthDate, s) => {
        const parsed = parseEf0002(encodeEf0002({ name, address, birthDate, sex: s }));
        expect(
          parsed.ok && [parsed.value.name, parsed.value.address, parsed.value.birthDate, parsed.value.sex],
        ).toEqual([name, address, birthDate, s]);
      }),
      RUNS,
    );
  });
});
