/**
 * A small ESC/POS command builder: the bytes for one receipt, Kanji in Shift-JIS. Pure (no I/O). Mixed lines are
 * one Shift-JIS run under Kanji mode — see README.md "Text encoding" for why the builder never toggles mid-line.
 */
import Encoding from 'encoding-japanese';

export const LF = 0x0a;
export const ESC = 0x1b;
export const FS = 0x1c;
export const GS = 0x1d;
export const DLE = 0x10;
export const EOT = 0x04;

/** Printed for a character the printer's Kanji font lacks (〓, ゲタ): visible, and two columns like a Kanji. */
const GETA = [0x81, 0xac] as const;
/** Printed outside Kanji mode for a character that has no single-byte code. */
const QUESTION = [0x3f] as const;

export type Align = 'left' | 'center' | 'right';
const ALIGN_CODE: Record<Align, number> = { left: 0, center: 1, right: 2 };

/** `DLE EOT n`: a real-time status request (1 printer, 2 offline cause, 3 error cause, 4 roll paper sensor). */
export function statusRequest(n: 1 | 2 | 3 | 4): Uint8Array {
  return Uint8Array.of(DLE, EOT, n);
}

/**
 * Shift-JIS bytes of one character, or undefined when the printer cannot print it: no Shift-JIS code, a control
 * character (text must never smuggle in a command), or beyond JIS X 0208 (lead byte past EA: CP932's IBM
 * extensions and user area, which the printer's Kanji ROM does not hold).
 */
function sjisOf(input: string): number[] | undefined {
  const char = input === '\u00a5' ? '\uffe5' : input; // ¥ has no Shift-JIS code of its own; ￥ (全角) has
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) return undefined;
  const bytes = Encoding.convert(Encoding.stringToCode(char), { to: 'SJIS', from: 'UNICODE', type: 'array' });
  if (bytes.length === 1 && bytes[0] === 0x3f && char !== '?') return undefined; // the library's own fallback
  const lead = bytes[0] ?? 0;
  if (bytes.length === 2 && !((lead >= 0x81 && lead <= 0x9f) || (lead >= 0xe0 && lead <= 0xea)))
    return undefined;
  return bytes;
}

/** The bytes `text` prints as: in Kanji mode every printable character; outside it, single-byte ones only. */
export function shiftJis(text: string, kanjiMode = true): number[] {
  const out: number[] = [];
  for (const char of text) {
    const bytes = sjisOf(char);
    if (bytes && (kanjiMode || bytes.length === 1)) out.push(...bytes);
    else out.push(...(kanjiMode ? GETA : QUESTION));
  }
  return out;
}

/** Columns `text` takes in font A: one per single-byte character, two per Kanji (全角). */
export function displayWidth(text: string): number {
  return shiftJis(text).length;
}

/** Builds one ESC/POS byte stream. Each method appends one command; `bytes()` returns the result. */
export class EscPosEncoder {
  private readonly out: number[] = [];
  private kanji = false;

  /** `ESC @`: clears the print buffer and resets every mode (Kanji mode is taken as off afterwards). */
  initialize(): this {
    this.kanji = false;
    return this.push(ESC, 0x40);
  }

  /** `ESC t n`: the single-byte code table; page 1 (Katakana) gives half-width kana (ｱ…) their Shift-JIS codes. */
  characterTable(page: number): this {
    return this.push(ESC, 0x74, byte(page));
  }

  /** `FS &` Kanji mode on, then `FS C 1` Shift-JIS code system (漢字モード, シフトJIS). */
  kanjiOn(): this {
    this.kanji = true;
    return this.push(FS, 0x26, FS, 0x43, 0x01);
  }

  /** `FS .`: Kanji mode off; text after this prints single-byte characters only. */
  kanjiOff(): this {
    this.kanji = false;
    return this.push(FS, 0x2e);
  }

  /** `ESC a n`. */
  align(align: Align): this {
    return this.push(ESC, 0x61, ALIGN_CODE[align]);
  }

  /** `ESC E n`: emphasis (強調), for single-byte characters and Kanji alike. */
  emphasis(on: boolean): this {
    return this.push(ESC, 0x45, on ? 1 : 0);
  }

  /** `GS ! n`: character size, 1–8 times wide and high; applies to Kanji too (unlike `ESC !`). */
  size(width: number, height: number): this {
    if (!inRange(width, 1, 8) || !inRange(height, 1, 8)) throw new RangeError(`size ${width}×${height}`);
    return this.push(GS, 0x21, ((width - 1) << 4) | (height - 1));
  }

  /** Text without a line feed. Control characters never reach the printer. */
  text(text: string): this {
    return this.push(...shiftJis(text, this.kanji));
  }

  /** Text and `LF` (which prints the line). */
  line(text = ''): this {
    return this.text(text).push(LF);
  }

  /** `ESC d n`: prints the buffer and feeds n lines. */
  feed(lines: number): this {
    return this.push(ESC, 0x64, byte(lines));
  }

  /** `GS V 66 n`: feeds to the cutter (+ n dots) and cuts, leaving one point uncut (partial cut). */
  cut(extraFeedDots = 0): this {
    return this.push(GS, 0x56, 66, byte(extraFeedDots));
  }

  bytes(): Uint8Array {
    return Uint8Array.from(this.out);
  }

  private push(...bytes: number[]): this {
    this.out.push(...bytes);
    return this;
  }
}

const inRange = (n: number, min: number, max: number): boolean => Number.isInteger(n) && n >= min && n <= max;

function byte(n: number): number {
  if (!inRange(n, 0, 255)) throw new RangeError(`ESC/POS parameter ${n} is not a byte`);
  return n;
}
