import { describe, expect, it } from 'vitest';
import { CM_IOCTL_GET_FEATURE_REQUEST, FEATURE_VERIFY_PIN_DIRECT, parseFeatures } from './features.js';
import { keypadPinResult } from './keypad-result.js';
import { buildPinVerifyStructure, PIN_VERIFY_HEADER_BYTES } from './pin-verify-structure.js';

describe('PIN_VERIFY_STRUCTURE (pcsc-lite reader.h, packed, little-endian)', () => {
  it('is laid out byte for byte as reader.h declares it, for 4 ASCII digits', () => {
    // prettier-ignore
    const expected = [
      0x1e,                   //  0 bTimerOut: 30 s
      0x1e,                   //  1 bTimerOut2: 30 s after the first key
      0x82,                   //  2 bmFormatString: bytes, PIN at offset 0, left-justified, ASCII
      0x04,                   //  3 bmPINBlockString: no length field, PIN block of 4 bytes
      0x00,                   //  4 bmPINLengthFormat: no PIN length in the APDU
      0x04, 0x04,             //  5 wPINMaxExtraDigit: min 4 << 8 | max 4
      0x02,                   //  7 bEntryValidationCondition: the OK key
      0x01,                   //  8 bNumberMessage: one message
      0x11, 0x04,             //  9 wLangId: 0x0411 Japanese, little-endian
      0x00,                   // 11 bMsgIndex
      0x00, 0x00, 0x00,       // 12 bTeoPrologue[3]
      0x09, 0x00, 0x00, 0x00, // 15 ulDataLength: 9, little-endian
      0x00, 0x20, 0x00, 0x80, // 19 abData: VERIFY, PIN reference 80
      0x04,                   //    Lc: the 4-byte PIN block
      0x30, 0x30, 0x30, 0x30, //    placeholder PIN block the reader overwrites
    ];
    expect([...buildPinVerifyStructure({ timeoutSeconds: 30 })]).toEqual(expected);
    expect(PIN_VERIFY_HEADER_BYTES).toBe(19);
  });

  it('keeps the timeout within what one byte holds', () => {
    expect(buildPinVerifyStructure({ timeoutSeconds: 1000 })[0]).toBe(255);
    expect(buildPinVerifyStructure({ timeoutSeconds: 0 })[0]).toBe(1);
    expect([...buildPinVerifyStructure({ timeoutSeconds: 5, langId: 0x0409 }).subarray(9, 11)]).toEqual([
      0x09, 0x04,
    ]);
  });
});

describe('GET_FEATURE_REQUEST answer', () => {
  it('is SCARD_CTL_CODE(3400)', () => {
    expect(CM_IOCTL_GET_FEATURE_REQUEST).toBe(0x42000000 + 3400);
  });

  it('maps each feature to its control code, read big-endian', () => {
    const answer = Uint8Array.of(
      0x06,
      0x04,
      0x42,
      0x33,
      0x00,
      0x06, // VERIFY_PIN_DIRECT
      0x12,
      0x04,
      0x42,
      0x33,
      0x00,
      0x12, // GET_TLV_PROPERTIES
    );
    const features = parseFeatures(answer);
    expect(features.ok && features.value.get(FEATURE_VERIFY_PIN_DIRECT)).toBe(0x42330006);
    expect(features.ok && features.value.get(0x12)).toBe(0x42330012);
    expect(parseFeatures(new Uint8Array(0))).toMatchObject({ ok: true, value: new Map() });
  });

  it('refuses a malformed list instead of reading half of it', () => {
    expect(parseFeatures(Uint8Array.of(0x06, 0x04, 0x42, 0x33, 0x00))).toMatchObject({ ok: false });
    expect(parseFeatures(Uint8Array.of(0x06, 0x02, 0x42, 0x33, 0x00, 0x06))).toMatchObject({
      ok: false,
      error: { kind: 'malformed_features' },
    });
  });
});

describe('the reader’s answer to VERIFY_PIN_DIRECT', () => {
  const answer = (...bytes: number[]) => keypadPinResult(Uint8Array.from(bytes));
  it('maps the card’s and the reader’s status words', () => {
    expect(answer(0x90, 0x00)).toEqual({ ok: true, value: { kind: 'verified' } });
    expect(answer(0x63, 0xc2)).toEqual({ ok: true, value: { kind: 'wrong', triesLeft: 2 } });
    expect(answer(0x63, 0xc0)).toEqual({ ok: true, value: { kind: 'blocked' } });
    expect(answer(0x69, 0x84)).toEqual({ ok: true, value: { kind: 'blocked' } });
    expect(answer(0x64, 0x00)).toEqual({ ok: true, value: { kind: 'timed_out' } });
    expect(answer(0x64, 0x01)).toEqual({ ok: true, value: { kind: 'cancelled' } });
  });

  it('answers anything else with a typed error', () => {
    expect(answer(0x6b, 0x80)).toMatchObject({ ok: false, error: { kind: 'reader_error' } });
    expect(answer(0x6a, 0x82)).toMatchObject({
      ok: false,
      error: { kind: 'card_error', detail: 'keypad VERIFY: 6A82' },
    });
    expect(answer(0x90)).toMatchObject({ ok: false, error: { kind: 'reader_error' } });
    expect(answer()).toMatchObject({ ok: false, error: { kind: 'reader_error' } });
  });
});
