import { beforeEach, describe, expect, it } from 'vitest';
import {
  getResponse,
  readBinary,
  selectEf,
  selectTextAp,
  verifyPin,
  verifyStatus,
} from '../text-ap/commands.js';
import { VirtualCard, type CardFaults } from './virtual-card.js';
import { testIssuer as issuer, testCardKey as cardKey, testHolder as holder, hex } from './test-card.js';

const swOf = (response: Uint8Array): string => hex(response.subarray(-2));
const make = (faults?: CardFaults) => new VirtualCard({ holder, issuer, pin: '1234', cardKey, faults });

let card: VirtualCard;
const send = async (command: Uint8Array): Promise<Uint8Array> => card.process(command);
beforeEach(() => {
  card = make();
});

describe('virtual My Number card', () => {
  it('has the ATR of these cards', () => {
    expect(hex(card.atr)).toBe('3BE000FF8131FE4514');
  });

  it('selects the text application and its EFs; anything else is 6A82', async () => {
    expect(swOf(await send(selectEf(1)))).toBe('6A82');
    expect(swOf(await send(Uint8Array.of(0, 0xa4, 4, 0x0c, 2, 0xd3, 0x92)))).toBe('6A82');
    expect(swOf(await send(selectTextAp()))).toBe('9000');
    expect(swOf(await send(selectEf(0x0004)))).toBe('9000');
    expect(swOf(await send(selectEf(0x0011)))).toBe('9000');
    expect(swOf(await send(selectEf(0x0005)))).toBe('6A82');
    expect(swOf(await send(selectEf(0x0100)))).toBe('6A82');
  });

  it('counts PIN tries, locks at zero for good, and keeps the counter across resets', async () => {
    await send(selectTextAp());
    expect(swOf(await send(verifyStatus()))).toBe('63C3');
    expect(swOf(await send(verifyPin('0000')))).toBe('63C2');
    card.reset();
    card.powerOff();
    card.powerOn();
    await send(selectTextAp());
    expect(swOf(await send(verifyStatus()))).toBe('63C2');
    expect(swOf(await send(verifyPin('1234')))).toBe('9000');
    expect(card.pinTriesLeft).toBe(3);
    expect(swOf(await send(verifyStatus()))).toBe('9000');
    for (const expected of ['63C2', '63C1', '63C0', '6984'])
      expect(swOf(await send(verifyPin('9999')))).toBe(expected);
    expect(swOf(await send(verifyPin('1234')))).toBe('6984');
    expect(swOf(await send(verifyStatus()))).toBe('6984');
    card.reset();
    await send(selectTextAp());
    expect(swOf(await send(verifyPin('1234')))).toBe('6984');
    expect(card.pinTriesLeft).toBe(0);
  });

  it('starts blocked with the locked fault', async () => {
    card = make({ locked: true });
    await send(selectTextAp());
    expect(swOf(await send(verifyStatus()))).toBe('6984');
  });

  it('reads EF 0004 without the PIN and EF 0001–0003 only after it', async () => {
    await send(selectTextAp());
    await send(selectEf(4));
    const head = await send(readBinary(0, 4));
    expect(hex(head)).toBe(`${hex(card.files.ef0004.subarray(0, 4))}9000`);
    for (const fid of [1, 2, 3]) {
      await send(selectEf(fid));
      expect(swOf(await send(readBinary(0, 2)))).toBe('6982');
    }
    await send(verifyPin('1234'));
    await send(selectEf(1));
    expect(hex(await send(readBinary(2, 12)))).toBe(`${hex(Buffer.from(holder.myNumber))}9000`);
    // A warm reset forgets the verified PIN.
    card.reset();
    await send(selectTextAp());
    await send(selectEf(1));
    expect(swOf(await send(readBinary(0, 2)))).toBe('6982');
  });

  it('answers READ BINARY past the end with 6B00 and a too-long Le with 6C xx', async () => {
    await send(selectTextAp());
    await send(selectEf(4));
    const size = card.files.ef0004.length;
    expect(swOf(await send(readBinary(size, 1)))).toBe('6B00');
    expect(swOf(await send(readBinary(size - 3, 5)))).toBe('6C03');
    expect(hex(await send(readBinary(size - 3, 3)))).toBe(`${hex(card.files.ef0004.subarray(size - 3))}9000`);
    expect(swOf(await send(Uint8Array.of(0, 0xb0, 0, 0)))).toBe('6700');
  });

  it('refuses what it does not know', async () => {
    expect(swOf(await send(Uint8Array.of(0x80, 0xa4, 4, 0x0c)))).toBe('6E00');
    expect(swOf(await send(Uint8Array.of(0, 0xca, 0, 0)))).toBe('6D00');
    expect(swOf(await send(Uint8Array.of(0, 0xa4)))).toBe('6700');
    expect(swOf(await send(readBinary(0, 1)))).toBe('6986');
    expect(swOf(await send(getResponse(4)))).toBe('6985');
    card.powerOff();
    expect(swOf(await send(selectTextAp()))).toBe('6F00');
  });

  it('hands data out through GET RESPONSE in pieces with the responseGetResponse fault', async () => {
    card = make({ responseGetResponse: true });
    await send(selectTextAp());
    await send(selectEf(4));
    expect(hex(await send(readBinary(0, 0x50)))).toBe('6140');
    const first = await send(getResponse(0x40));
    expect(swOf(first)).toBe('6110');
    const second = await send(getResponse(0x10));
    expect(swOf(second)).toBe('9000');
    expect(hex(Buffer.concat([first.subarray(0, -2), second.subarray(0, -2)]))).toBe(
      hex(card.files.ef0004.subarray(0, 0x50)),
    );
  });

  it('has no text application with noTextAp, and a damaged file with truncatedEf or badSignature', async () => {
    expect(swOf(await make({ noTextAp: true }).process(selectTextAp()))).toBe('6A82');
    const whole = card.files;
    const cut = make({ truncatedEf: 2 }).files.ef0002;
    expect(cut.length).toBeLessThan(whole.ef0002.length);
    const bad = make({ badSignature: true }).files.ef0003;
    expect(bad.subarray(0, -1)).toEqual(whole.ef0003.subarray(0, -1));
    expect(bad.at(-1)).not.toBe(whole.ef0003.at(-1));
  });
});
