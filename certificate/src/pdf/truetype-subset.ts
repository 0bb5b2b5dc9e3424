/**
 * A TrueType subset: the outlines of the glyphs a document draws, copied byte for byte, renumbered 0..n-1 in the
 * order they were added (glyph 0, .notdef, first). The PDF draws with these new numbers (CIDToGIDMap Identity).
 * Copying outlines instead of decoding and re-encoding them is what keeps a certificate at a few milliseconds; the
 * tables kept are the ones a PDF renderer reads from an embedded TrueType program (ISO 32000-1 §9.9).
 */
import { glyphRange, horizontalMetrics, type Sfnt } from './sfnt.js';

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

export class GlyphSubset {
  private readonly ids = new Map<number, number>();
  readonly glyphs: number[] = [];

  constructor(readonly font: Sfnt) {
    this.add(0);
  }

  /** The glyph's number in the subset (added on first use). */
  add(gid: number): number {
    let id = this.ids.get(gid);
    if (id === undefined) {
      id = this.glyphs.length;
      this.ids.set(gid, id);
      this.glyphs.push(gid);
    }
    return id;
  }

  /** The font program. Composite glyphs bring their components, numbered after everything drawn. */
  encode(): Uint8Array {
    const outlines: Uint8Array[] = [];
    for (let i = 0; i < this.glyphs.length; i++) outlines.push(this.outline(this.glyphs[i]!));
    const { font } = this;
    const n = this.glyphs.length;
    const loca = new DataView(new ArrayBuffer((n + 1) * 4));
    let glyfLength = 0;
    outlines.forEach((outline, i) => {
      loca.setUint32(i * 4, glyfLength);
      glyfLength += (outline.length + 3) & ~3;
    });
    loca.setUint32(n * 4, glyfLength);
    const glyf = new Uint8Array(glyfLength);
    outlines.reduce((at, outline) => (glyf.set(outline, at), at + ((outline.length + 3) & ~3)), 0);
    const hmtx = new DataView(new ArrayBuffer(n * 4));
    this.glyphs.forEach((gid, i) => {
      const { advance, lsb } = horizontalMetrics(font, gid);
      hmtx.setUint16(i * 4, advance);
      hmtx.setInt16(i * 4 + 2, lsb);
    });
    const head = this.copy('head');
    new DataView(head.buffer).setUint32(8, 0);
    new DataView(head.buffer).setInt16(50, 1);
    const hhea = this.copy('hhea');
    new DataView(hhea.buffer).setUint16(34, n);
    const maxp = this.copy('maxp');
    new DataView(maxp.buffer).setUint16(4, n);
    const tables: [string, Uint8Array][] = [
      ['cvt ', this.copy('cvt ')],
      ['fpgm', this.copy('fpgm')],
      ['glyf', glyf],
      ['head', head],
      ['hhea', hhea],
      ['hmtx', new Uint8Array(hmtx.buffer)],
      ['loca', new Uint8Array(loca.buffer)],
      ['maxp', maxp],
      ['prep', this.copy('prep')],
    ];
    return assemble(tables.filter(([, data]) => data.length > 0));
  }

  /** A glyph's outline; a composite one gets its component numbers rewritten to subset numbers. */
  private outline(gid: number): Uint8Array {
    const range = glyphRange(this.font, gid);
    if (range.length === 0) return new Uint8Array(0);
    const source = this.font.bytes.subarray(range.offset, range.offset + range.length);
    const view = new DataView(source.buffer, source.byteOffset, source.byteLength);
    if (view.getInt16(0) >= 0) return source;
    const copy = Uint8Array.from(source);
    const out = new DataView(copy.buffer);
    let at = 10;
    for (;;) {
      const flags = view.getUint16(at);
      out.setUint16(at + 2, this.add(view.getUint16(at + 2)));
      at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      if (flags & WE_HAVE_A_SCALE) at += 2;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
      else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
      if (!(flags & MORE_COMPONENTS)) return copy;
    }
  }

  private copy(tag: string): Uint8Array {
    const range = this.font.tables.get(tag);
    if (!range) return new Uint8Array(0);
    // A copy: the caller edits it, and the font's bytes may be a Buffer, whose slice() is a view.
    return Uint8Array.from(this.font.bytes.subarray(range.offset, range.offset + range.length));
  }
}

/** Table directory + tables, 4-byte aligned, with checksums and head.checkSumAdjustment. */
function assemble(tables: readonly [string, Uint8Array][]): Uint8Array {
  const count = tables.length;
  const headerLength = 12 + count * 16;
  const total = tables.reduce((sum, [, data]) => sum + ((data.length + 3) & ~3), headerLength);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const log2 = Math.floor(Math.log2(count));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, count);
  view.setUint16(6, 2 ** log2 * 16);
  view.setUint16(8, log2);
  view.setUint16(10, count * 16 - 2 ** log2 * 16);
  let at = headerLength;
  let headAt = -1;
  tables.forEach(([tag, data], i) => {
    const entry = 12 + i * 16;
    for (let c = 0; c < 4; c++) out[entry + c] = tag.charCodeAt(c);
    out.set(data, at);
    view.setUint32(entry + 4, checksum(view, at, data.length));
    view.setUint32(entry + 8, at);
    view.setUint32(entry + 12, data.length);
    if (tag === 'head') headAt = at;
    at += (data.length + 3) & ~3;
  });
  if (headAt >= 0) view.setUint32(headAt + 8, (0xb1b0afba - checksum(view, 0, total)) >>> 0);
  return out;
}

function checksum(view: DataView, offset: number, length: number): number {
  let sum = 0;
  const end = offset + ((length + 3) & ~3);
  for (let at = offset; at < end; at += 4) sum = (sum + view.getUint32(at)) >>> 0;
  return sum;
}
