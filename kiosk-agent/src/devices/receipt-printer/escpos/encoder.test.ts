// The ESC/POS builder, byte for byte: commands, Shift-JIS text in and out of Kanji mode, widths.
import { describe, expect, it } from 'vitest';
import { displayWidth, EscPosEncoder, shiftJis, statusRequest } from './encoder.js';

const hex = (bytes: Uint8Array | number[]): string => Buffer.from(bytes).toString('hex');
const build = (f: (e: EscPosEncoder) => EscPosEncoder): string => hex(f(new EscPosEncoder()).bytes());

describe('EscPosEncoder commands', () => {
  it.each([
    ['ESC @', (e: EscPosEncoder) => e.initialize(), '1b40'],
    ['ESC t 1', (e: EscPosEncoder) => e.characterTable(1), '1b7401'],
    ['FS & FS C 1', (e: EscPosEncoder) => e.kanjiOn(), '1c261c4301'],
    ['FS .', (e: EscPosEncoder) => e.kanjiOff(), '1c2e'],
    [
      'ESC a 0/1/2',
      (e: EscPosEncoder) => e.align('left').align('center').align('right'),
      '1b61001b61011b6102',
    ],
    ['ESC E 1/0', (e: EscPosEncoder) => e.emphasis(true).emphasis(false), '1b45011b4500'],
    ['GS ! 0x11', (e: EscPosEncoder) => e.size(2, 2), '1d2111'],
    ['GS ! 0x00', (e: EscPosEncoder) => e.size(1, 1), '1d2100'],
    ['GS ! 0x70 (8 wide)', (e: EscPosEncoder) => e.size(8, 1), '1d2170'],
    ['ESC d 3', (e: EscPosEncoder) => e.feed(3), '1b6403'],
    ['GS V 66 0', (e: EscPosEncoder) => e.cut(), '1d564200'],
    ['GS V 66 10', (e: EscPosEncoder) => e.cut(10), '1d56420a'],
    ['LF', (e: EscPosEncoder) => e.line(), '0a'],
  ])('%s', (_name, f, expected) => {
    expect(build(f)).toBe(expected);
  });

  it('DLE EOT n asks for real-time status', () => {
    expect(hex(statusRequest(1))).toBe('100401');
    expect(hex(statusRequest(4))).toBe('100404');
  });

  it('rejects parameters that are not bytes or sizes (bugs in the caller)', () => {
    expect(() => new EscPosEncoder().feed(256)).toThrow(RangeError);
    expect(() => new EscPosEncoder().size(0, 1)).toThrow(RangeError);
    expect(() => new EscPosEncoder().size(1, 9)).toThrow(RangeError);
  });
});

describe('text', () => {
  it('in Kanji mode, a mixed line is one Shift-JIS run: ASCII single-byte, Kanji double-byte', () => {
    expect(build((e) => e.kanjiOn().line('証明書 ID-1'))).toBe(
      '1c261c4301' + '8fd896be8f91' + '2049442d31' + '0a',
    );
  });

  it('encodes ワクチン接種証明書 and the full-width yen sign', () => {
    expect(hex(shiftJis('ワクチン接種証明書'))).toBe('838f834e8360839390da8eed8fd896be8f91');
    expect(hex(shiftJis('￥1,200'))).toBe('818f312c323030');
    expect(hex(shiftJis('¥'))).toBe('818f'); // ¥ printed as ￥: Shift-JIS has no byte for ¥ of its own
  });

  it('keeps half-width katakana single-byte (ESC t 1 prints them)', () => {
    expect(hex(shiftJis('ｱｲ'))).toBe('b1b2');
  });

  it('prints 〓 for characters the Kanji ROM lacks, and never passes control characters', () => {
    expect(hex(shiftJis('𠮷'))).toBe('81ac'); // not in JIS X 0208
    expect(hex(shiftJis('髙'))).toBe('81ac'); // CP932 IBM extension (lead byte EE), not JIS X 0208
    expect(hex(shiftJis('a\x1b@\nb'))).toBe('6181ac4081ac62');
    expect(hex(shiftJis('?'))).toBe('3f');
  });

  it('outside Kanji mode, ASCII stays single-byte and anything double-byte becomes ?', () => {
    expect(build((e) => e.initialize().text('Fee 240'))).toBe('1b40' + '46656520323430');
    expect(build((e) => e.kanjiOn().kanjiOff().text('円A'))).toBe('1c261c4301' + '1c2e' + '3f41');
    expect(build((e) => e.kanjiOn().initialize().text('円'))).toBe('1c261c4301' + '1b40' + '3f');
  });

  it('counts columns as the printer does: a Kanji is two', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('領収書')).toBe(6);
    expect(displayWidth('金額 Fee')).toBe(8);
    expect(displayWidth('ｱ')).toBe(1);
  });
});
