import { describe, expect, it } from 'vitest';
import { encodeCommandApdu, parseCommandApdu, withLe } from './apdu.js';
import { getResponse, readBinary, selectEf, selectTextAp, verifyPin, verifyStatus } from './commands.js';
import { encodeResponseApdu, parseResponseApdu } from './response.js';
import { exactLength, moreDataAvailable, pinTriesFromSw } from './status-words.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').toUpperCase();

describe('text application commands', () => {
  it('are byte for byte what the card expects', () => {
    expect(hex(selectTextAp())).toBe('00A4040C0AD3921000310001010408');
    expect(hex(selectEf(0x0002))).toBe('00A4020C020002');
    expect(hex(verifyStatus())).toBe('00200080');
    expect(hex(verifyPin('1234'))).toBe('002000800431323334');
    expect(hex(readBinary(0, 5))).toBe('00B0000005');
    expect(hex(readBinary(0x01fe, 0xff))).toBe('00B001FEFF');
    expect(hex(readBinary(0x7fff, 256))).toBe('00B07FFF00');
    expect(hex(getResponse(0x20))).toBe('00C0000020');
  });

  it('refuse arguments no card command can carry (a caller bug)', () => {
    expect(() => verifyPin('12345')).toThrow(RangeError);
    expect(() => verifyPin('12a4')).toThrow(RangeError);
    expect(() => readBinary(0x8000, 1)).toThrow(RangeError);
    expect(() => readBinary(0, 0)).toThrow(RangeError);
    expect(() => selectEf(0x10000)).toThrow(RangeError);
  });
});

describe('command APDU format', () => {
  it('parses the four cases of ISO 7816-4', () => {
    expect(parseCommandApdu(verifyStatus())).toMatchObject({ ok: true, value: { ins: 0x20, p2: 0x80 } });
    const case2 = parseCommandApdu(readBinary(3, 256));
    expect(case2).toMatchObject({ ok: true, value: { p2: 3, le: 256 } });
    const case3 = parseCommandApdu(selectEf(1));
    expect(case3.ok && hex(case3.value.data)).toBe('0001');
    expect(case3.ok && case3.value.le).toBeUndefined();
    const case4 = parseCommandApdu(Uint8Array.of(0, 0xa4, 4, 0, 2, 0xaa, 0xbb, 0x10));
    expect(case4).toMatchObject({ ok: true, value: { le: 0x10 } });
  });

  it('refuses what is not a short APDU as a value', () => {
    for (const bytes of [
      [],
      [0, 0xa4, 4],
      [0, 0xa4, 4, 0, 3, 1],
      [0, 0xa4, 4, 0, 0, 1, 2],
      [0, 1, 2, 3, 1, 9, 9, 9],
    ]) {
      expect(parseCommandApdu(Uint8Array.from(bytes))).toMatchObject({
        ok: false,
        error: { kind: 'malformed_apdu' },
      });
    }
  });

  it('sets Le on any case, for answering 6C xx', () => {
    expect(withLe(readBinary(0, 5), 3)).toMatchObject({ ok: true });
    const again = withLe(readBinary(0x10, 5), 3);
    expect(again.ok && hex(again.value)).toBe('00B0001003');
    const fromCase3 = withLe(selectEf(1), 0x12);
    expect(fromCase3.ok && hex(fromCase3.value)).toBe('00A4020C02000112');
    expect(hex(encodeCommandApdu({ cla: 0, ins: 0xb0, p1: 0, p2: 0, data: new Uint8Array(0) }))).toBe(
      '00B00000',
    );
  });
});

describe('response APDU', () => {
  it('splits data and status word', () => {
    const parsed = parseResponseApdu(Uint8Array.of(0xd0, 0x0c, 0x90, 0x00));
    expect(parsed.ok && hex(parsed.value.data)).toBe('D00C');
    expect(parsed.ok && parsed.value.sw).toBe(0x9000);
    expect(hex(encodeResponseApdu(Uint8Array.of(1), 0x6a82))).toBe('016A82');
  });

  it('answers a response shorter than a status word with a typed error', () => {
    expect(parseResponseApdu(new Uint8Array(0))).toMatchObject({
      ok: false,
      error: { kind: 'malformed_response' },
    });
    expect(parseResponseApdu(Uint8Array.of(0x90))).toMatchObject({
      ok: false,
      error: { kind: 'malformed_response' },
    });
  });

  it('reads the status words that carry a number', () => {
    expect(moreDataAvailable(0x6110)).toBe(0x10);
    expect(moreDataAvailable(0x6100)).toBe(256);
    expect(moreDataAvailable(0x9000)).toBeUndefined();
    expect(exactLength(0x6c0e)).toBe(0x0e);
    expect(pinTriesFromSw(0x63c2)).toBe(2);
    expect(pinTriesFromSw(0x63c0)).toBe(0);
    expect(pinTriesFromSw(0x6300)).toBeUndefined();
  });
});
