/**
 * Writes one subset font as the objects a PDF needs for it (ISO 32000-1 §9.7): a Type0 font with Identity-H
 * encoding over a CIDFontType2 whose CIDs are the subset's glyph numbers, the widths, the compressed TrueType
 * program, and a ToUnicode map so the text can be searched and copied.
 */
import { deflateSync } from 'node:zlib';
import { num } from './numbers.js';
import type { GlyphSubset } from './truetype-subset.js';
import type { PdfWriter } from './writer.js';

export interface SubsetFont {
  readonly postscriptName: string;
  readonly subset: GlyphSubset;
  /** Subset glyph number → the characters it shows. */
  readonly unicode: ReadonlyMap<number, string>;
  /** Advance width in 1/1000 em of an original glyph id. */
  advance(gid: number): number;
}

/** Writes the objects; returns the number of the Type0 font object. */
export function writeFont(writer: PdfWriter, font: SubsetFont): number {
  const program = font.subset.encode();
  const glyphs = font.subset.glyphs;
  const name = `${subsetTag(glyphs)}+${font.postscriptName}`;
  const m = font.subset.font.metrics;
  const [type0, cidFont, descriptor, file, toUnicode] = [0, 0, 0, 0, 0].map(() => writer.allocate()) as [
    number,
    number,
    number,
    number,
    number,
  ];
  writer.stream(file, `/Length1 ${program.length} /Filter /FlateDecode`, deflateSync(program));
  writer.object(
    descriptor,
    `<< /Type /FontDescriptor /FontName /${name} /Flags 4 /FontBBox [${m.bbox.join(' ')}] ` +
      `/ItalicAngle ${num(m.italicAngle)} /Ascent ${m.ascent} /Descent ${m.descent} /CapHeight ${m.capHeight} ` +
      `/StemV 80 /FontFile2 ${file} 0 R >>`,
  );
  const widths = glyphs.slice(1).map((gid) => num(font.advance(gid)));
  writer.object(
    cidFont,
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${name} ` +
      `/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> ` +
      `/FontDescriptor ${descriptor} 0 R /CIDToGIDMap /Identity /DW 1000 /W [1 [${widths.join(' ')}]] >>`,
  );
  writer.stream(
    toUnicode,
    '/Filter /FlateDecode',
    deflateSync(Buffer.from(toUnicodeCMap(font.unicode), 'latin1')),
  );
  writer.object(
    type0,
    `<< /Type /Font /Subtype /Type0 /BaseFont /${name} /Encoding /Identity-H ` +
      `/DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`,
  );
  return type0;
}

export const cidHex = (cid: number): string => cid.toString(16).toUpperCase().padStart(4, '0');

function toUnicodeCMap(unicode: ReadonlyMap<number, string>): string {
  const entries = [...unicode].sort(([a], [b]) => a - b);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100);
    const lines = block.map(
      ([cid, text]) =>
        `<${cidHex(cid)}> <${Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase()}>`,
    );
    blocks.push(`${block.length} beginbfchar\n${lines.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** Six capital letters naming a subset (ISO 32000-1 §9.6.4), derived from its glyphs so output is reproducible. */
function subsetTag(glyphs: readonly number[]): string {
  let hash = 0x811c9dc5;
  for (const gid of glyphs) hash = Math.imul(hash ^ gid, 0x01000193) >>> 0;
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (hash % 26));
    hash = Math.floor(hash / 26) + i * 7919;
  }
  return tag;
}
