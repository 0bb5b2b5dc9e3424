/**
 * Read access to the tables of a TrueType font file (glyf outlines), for the subsetter and the font descriptor.
 * Only what those two need: table directory, head, hhea, maxp, hmtx, loca, OS/2, post.
 */
export interface TableRange {
  readonly offset: number;
  readonly length: number;
}

export interface Sfnt {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  readonly tables: ReadonlyMap<string, TableRange>;
  readonly unitsPerEm: number;
  readonly numGlyphs: number;
  readonly numberOfHMetrics: number;
  readonly longLoca: boolean;
  /** In 1/1000 em, as PDF font dictionaries want. */
  readonly metrics: {
    readonly ascent: number;
    readonly descent: number;
    readonly capHeight: number;
    readonly bbox: readonly [number, number, number, number];
    readonly italicAngle: number;
  };
}

export function readSfnt(bytes: Uint8Array): Sfnt {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(0);
  // 0x00010000 or 'true': TrueType outlines. CFF ('OTTO') and collections are not what the certificate ships.
  if (version !== 0x00010000 && version !== 0x74727565) throw new Error('not a TrueType (glyf) font file');
  const tables = new Map<string, TableRange>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
    tables.set(tag, { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) });
  }
  const table = (tag: string): number => {
    const range = tables.get(tag);
    if (!range) throw new Error(`font has no ${tag} table`);
    return range.offset;
  };
  const head = table('head');
  const hhea = table('hhea');
  const unitsPerEm = view.getUint16(head + 18);
  const toPdf = (units: number) => Math.round((units * 1000) / unitsPerEm);
  const os2 = tables.get('OS/2');
  const post = tables.get('post');
  const ascent = view.getInt16(hhea + 4);
  return {
    bytes,
    view,
    tables,
    unitsPerEm,
    numGlyphs: view.getUint16(table('maxp') + 4),
    numberOfHMetrics: view.getUint16(hhea + 34),
    longLoca: view.getInt16(head + 50) === 1,
    metrics: {
      ascent: toPdf(ascent),
      descent: toPdf(view.getInt16(hhea + 6)),
      capHeight: toPdf(os2 && view.getUint16(os2.offset) >= 2 ? view.getInt16(os2.offset + 88) : ascent),
      bbox: [
        toPdf(view.getInt16(head + 36)),
        toPdf(view.getInt16(head + 38)),
        toPdf(view.getInt16(head + 40)),
        toPdf(view.getInt16(head + 42)),
      ],
      italicAngle: post ? view.getInt32(post.offset + 4) / 65536 : 0,
    },
  };
}

/** Byte range of a glyph's outline in the glyf table (empty for blank glyphs such as the space). */
export function glyphRange(font: Sfnt, gid: number): TableRange {
  const loca = font.tables.get('loca')!.offset;
  const glyf = font.tables.get('glyf')!.offset;
  const [start, end] = font.longLoca
    ? [font.view.getUint32(loca + gid * 4), font.view.getUint32(loca + gid * 4 + 4)]
    : [font.view.getUint16(loca + gid * 2) * 2, font.view.getUint16(loca + gid * 2 + 2) * 2];
  return { offset: glyf + start, length: end - start };
}

/** Advance width and left side bearing, in font units. */
export function horizontalMetrics(font: Sfnt, gid: number): { advance: number; lsb: number } {
  const hmtx = font.tables.get('hmtx')!.offset;
  const long = Math.min(gid, font.numberOfHMetrics - 1);
  const advance = font.view.getUint16(hmtx + long * 4);
  const lsb =
    gid < font.numberOfHMetrics
      ? font.view.getInt16(hmtx + gid * 4 + 2)
      : font.view.getInt16(hmtx + font.numberOfHMetrics * 4 + (gid - font.numberOfHMetrics) * 2);
  return { advance, lsb };
}
