/**
 * What a certificate PDF really draws, read back with pdf-lib's parser (not the composer's code): for every glyph
 * shown on the page, its font, CID, the characters its ToUnicode map gives, and the embedded outline.
 */
import { inflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFRef } from 'pdf-lib';

export interface DrawnGlyph {
  readonly baseFont: string;
  readonly cid: number;
  readonly text: string;
  readonly font: fontkit.Font;
}

/** A stream's bytes, inflated when compressed. */
function streamAt(dict: PDFDict, key: string): Buffer {
  const stream = dict.lookup(PDFName.of(key));
  if (!(stream instanceof PDFRawStream)) throw new Error(`${key} is not a stream`);
  const filter = stream.dict.get(PDFName.of('Filter'));
  return filter ? inflateSync(stream.contents) : Buffer.from(stream.contents);
}

export async function drawnGlyphs(pdf: Uint8Array): Promise<DrawnGlyph[]> {
  const doc = await PDFDocument.load(pdf);
  const page = doc.getPage(0).node;
  const lookupDict = (dict: PDFDict, key: string) => dict.lookup(PDFName.of(key), PDFDict);
  const fontsDict = lookupDict(page.Resources()!, 'Font');
  const fonts = new Map<string, { baseFont: string; font: fontkit.Font; unicode: Map<number, string> }>();
  for (const [name, ref] of fontsDict.entries()) {
    const type0 = doc.context.lookup(ref as PDFRef, PDFDict);
    const cidFont = type0.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
    const descriptor = lookupDict(cidFont, 'FontDescriptor');
    const file = streamAt(descriptor, 'FontFile2');
    const cmap = streamAt(type0, 'ToUnicode').toString('latin1');
    const unicode = new Map<number, string>();
    for (const m of cmap.matchAll(/<([0-9A-F]{4})> <([0-9A-F]+)>/g)) {
      unicode.set(parseInt(m[1]!, 16), Buffer.from(m[2]!, 'hex').swap16().toString('utf16le'));
    }
    const baseFont = type0.lookup(PDFName.of('BaseFont'), PDFName).decodeText();
    fonts.set(name.decodeText(), { baseFont, font: fontkit.create(file) as fontkit.Font, unicode });
  }
  const ops = streamAt(page, 'Contents').toString('latin1');
  const drawn: DrawnGlyph[] = [];
  let current: string | undefined;
  for (const m of ops.matchAll(/\/(\w+) [\d.]+ Tf|\[([^\]]*)\] TJ/g)) {
    if (m[1]) {
      current = m[1];
      continue;
    }
    const font = fonts.get(current!)!;
    for (const hex of m[2]!.matchAll(/<([0-9A-F]*)>/g)) {
      for (let i = 0; i < hex[1]!.length; i += 4) {
        const cid = parseInt(hex[1]!.slice(i, i + 4), 16);
        drawn.push({ baseFont: font.baseFont, cid, text: font.unicode.get(cid) ?? '', font: font.font });
      }
    }
  }
  return drawn;
}
