/**
 * Properties of the APDU layer and the text application against cards that answer garbage: random responses, and
 * a virtual card whose answers are damaged at random. Every call ends in a value (the data, or a typed CardError);
 * nothing throws, and files come back only whole and valid.
 */
import { generateKeyPairSync } from 'node:crypto';
import { keyIdentifier } from '@kiosk/protocol/card-data';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CardError } from '../card-error.js';
import type { CardTransport, ResponseApdu, TransportError } from '../card-transport.js';
import type { Result } from '@kiosk/protocol';
import { VirtualCard } from '../virtual/virtual-card.js';
import { encodeCommandApdu, parseCommandApdu } from './apdu.js';
import { encodeResponseApdu, parseResponseApdu } from './response.js';
import { FEATURE_VERIFY_PIN_DIRECT } from './secure-pin/features.js';
import { openTextApplication } from './text-application.js';
import { validateEf } from './validate.js';

const RUNS = { numRuns: 10_000 };
const KINDS = new Set<CardError['kind']>([
  'card_removed',
  'no_text_ap',
  'pin_blocked',
  'pin_required',
  'malformed',
  'timeout',
  'card_error',
  'reader_error',
]);
const typed = (result: Result<unknown, CardError>): boolean => result.ok || KINDS.has(result.error.kind);

/** Status words a card might give: mostly 90 00, so that scripts get deep into the flow, then the ones the code reacts to. */
const sw = fc.oneof(
  { weight: 8, arbitrary: fc.constant(0x9000) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      0x6282,
      0x6982,
      0x6983,
      0x6984,
      0x6a82,
      0x6b00,
      0x6d00,
      0x6400,
      0x6401,
      0x6b80,
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xff }).map((x) => 0x6100 | x) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xff }).map((x) => 0x6c00 | x) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x0f }).map((x) => 0x63c0 | x) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }) },
);
/** Response data: often empty or a few bytes (cut headers), sometimes the start of a real EF, sometimes long. */
const data = fc.oneof(
  { weight: 4, arbitrary: fc.uint8Array({ maxLength: 6 }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom(
          [0xd0, 0x0c],
          [0xff, 0x20, 0x81, 0x90],
          [0x7f, 0x21, 0x82, 0x02, 0x44],
          [0xdf],
          [0xff, 0x20, 0x82],
        ),
        fc.uint8Array({ maxLength: 8 }),
      )
      .map(([head, rest]) => Uint8Array.from([...head, ...rest])),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
);
const answer = fc.oneof(
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 3 }) },
  { weight: 9, arbitrary: fc.tuple(data, sw).map(([d, s]) => encodeResponseApdu(d, s)) },
);
const failure: fc.Arbitrary<TransportError> = fc.constantFrom(
  { kind: 'card_removed' as const },
  { kind: 'timeout' as const, ms: 5 },
  { kind: 'reader_error' as const, detail: 'x' },
);
const step = fc.oneof(
  { weight: 9, arbitrary: answer.map((raw) => ({ raw })) },
  { weight: 1, arbitrary: failure.map((error) => ({ error })) },
);

/** A transport that plays a script of raw answers (and failures), then answers nothing useful. */
function scripted(
  script: ({ raw: Uint8Array } | { error: TransportError })[],
  keypad: boolean,
  control: Uint8Array,
): CardTransport {
  let at = 0;
  const next = (): Result<Uint8Array, TransportError> => {
    const item = script[at++] ?? { error: { kind: 'card_removed' } };
    return 'raw' in item ? { ok: true, value: item.raw.slice() } : { ok: false, error: item.error };
  };
  return {
    async transmit(): Promise<Result<ResponseApdu, TransportError>> {
      const raw = next();
      if (!raw.ok) return raw;
      const parsed = parseResponseApdu(raw.value);
      return parsed.ok ? parsed : { ok: false, error: { kind: 'reader_error', detail: parsed.error.detail } };
    },
    features: async () => new Map(keypad ? [[FEATURE_VERIFY_PIN_DIRECT, 0x42330006]] : []),
    control: async () => ({ ok: true, value: control.slice() }),
    disconnect: async () => {},
  };
}

/** Fails the property, naming the step: plain checks, cheaper than expect() over tens of thousands of runs. */
function check(step: string, result: Result<unknown, CardError>): void {
  if (!typed(result)) throw new Error(`${step} gave something other than a value or a typed CardError`);
}

/** Drives everything the session would: open, tries, PIN (screen or keypad), files. True when files came back. */
async function drive(transport: CardTransport): Promise<boolean> {
  const app = await openTextApplication(transport);
  check('open', app);
  if (!app.ok) return false;
  check('tries', await app.value.pinTriesLeft());
  check('verify', await app.value.verifyPin('1234'));
  if (app.value.pinEntry === 'reader_keypad')
    check('keypad', await app.value.verifyPinOnReader({ timeoutSeconds: 1 }));
  const files = await app.value.readFiles();
  check('files', files);
  if (!files.ok) return false;
  const { ef0001, ef0002, ef0003, ef0004 } = files.value;
  for (const [i, file] of [ef0001, ef0002, ef0003, ef0004].entries())
    if (!validateEf(i + 1, file).ok) throw new Error(`EF000${i + 1} came back but does not validate`);
  return true;
}

describe('APDU format properties', () => {
  it('splits any response into data and status word, or refuses it as a value', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (raw) => {
        const parsed = parseResponseApdu(raw);
        expect(parsed.ok).toBe(raw.length >= 2);
        if (parsed.ok) expect(encodeResponseApdu(parsed.value.data, parsed.value.sw)).toEqual(raw);
      }),
      RUNS,
    );
  });

  it('parses a command APDU back to the same bytes, or refuses it as a value', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 270 }), (bytes) => {
        const parsed = parseCommandApdu(bytes);
        if (parsed.ok) expect(encodeCommandApdu(parsed.value)).toEqual(bytes);
        else expect(parsed.error.kind).toBe('malformed_apdu');
      }),
      RUNS,
    );
  });
});

describe('text application against garbage', () => {
  it('answers a card that says random things with values only', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { maxLength: 40 }),
        fc.boolean(),
        answer,
        async (script, keypad, control) => {
          await drive(scripted(script, keypad, control));
        },
      ),
      RUNS,
    );
  });

  it('answers a real card whose answers are damaged at random with values only', async () => {
    const issuer = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const card = new VirtualCard({
      holder: {
        myNumber: '123456789018',
        name: '佐藤 花子',
        address: '東京都中央区',
        birthDate: '1950-04-01',
        sex: 'female',
      },
      issuer: { key: issuer.privateKey, aki: keyIdentifier(issuer.publicKey) },
      pin: '1234',
    });
    const outcomes = { read: 0, refused: 0 };
    const damage = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.nat(), fc.integer({ min: 1, max: 255 }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(damage, { freq: 3 }), { maxLength: 30 }), async (plan) => {
        card.powerOn();
        let at = 0;
        const transport: CardTransport = {
          async transmit(command) {
            const raw = await card.process(command);
            const hurt = plan[at++];
            if (hurt) {
              const [how, where, x] = hurt;
              const i = where % raw.length;
              if (how === 0) raw[i] = (raw[i] ?? 0) ^ x;
              if (how === 1) return parsedOrError(raw.subarray(0, i));
              if (how === 2)
                return parsedOrError(Uint8Array.from([...raw.subarray(0, -2), x, ...raw.subarray(-2)]));
              if (how === 3) raw[raw.length - 1] = x;
              if (how === 4) raw[raw.length - 2] = x;
              if (how === 5) return { ok: false, error: { kind: 'card_removed' } };
              // Data cut short under an intact status word: a header or a chunk that ends early.
              if (how === 6)
                return parsedOrError(
                  Uint8Array.from([...raw.subarray(0, i % Math.max(1, raw.length - 2)), ...raw.subarray(-2)]),
                );
            }
            return parsedOrError(raw);
          },
          features: async () => new Map(),
          control: async () => ({ ok: false, error: { kind: 'reader_error', detail: 'none' } }),
          disconnect: async () => {},
        };
        outcomes[(await drive(transport)) ? 'read' : 'refused']++;
      }),
      RUNS,
    );
    // Both ends were reached: whole files from undamaged runs, refusals from damaged ones.
    expect(outcomes.read).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
    // Only the right PIN was ever sent: damaged answers cannot have used a try.
    expect(card.pinTriesLeft).toBe(3);
  });
});

function parsedOrError(raw: Uint8Array): Result<ResponseApdu, TransportError> {
  const parsed = parseResponseApdu(raw);
  return parsed.ok ? parsed : { ok: false, error: { kind: 'reader_error', detail: parsed.error.detail } };
}
