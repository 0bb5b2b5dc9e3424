/**
 * pdf-lib's font embedding through upstream fontkit 2. The fork pdf-lib ships (@pdf-lib/fontkit 1.1) drops CJK
 * glyphs when subsetting some fonts, which prints a name with holes in it; fontkit 2 subsets them correctly.
 * The adapter also parses each font once per process: pdf-lib would parse it again for every document.
 */
import * as fontkit from 'fontkit';
import { Readable } from 'node:stream';

import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

type Font = fontkit.Font;
const parsed = new WeakMap<Uint8Array, Font>();

function withStreamingSubsets(font: Font): Font {
  const createSubset = font.createSubset.bind(font);
  // pdf-lib reads subset.encodeStream(); fontkit 2 returns the bytes from encode().
  (font as { createSubset: () => unknown }).createSubset = () => {
    const subset = createSubset() as ReturnType<Font['createSubset']> & { encodeStream?: () => Readable };
    subset.encodeStream = () => Readable.from([subset.encode()]);
    return subset;
  };
  return font;
}

/** The object pdf-lib's `registerFontkit` expects. */
export const fontkitForPdfLib = {
  create(data: Uint8Array): Font {
    let font = parsed.get(data);
    if (!font) {
      // A .ttf holds one font; a collection (.ttc) would need a postscript name, which the composer never passes.
      font = withStreamingSubsets(
        fontkit.create(Buffer.from(data.buffer, data.byteOffset, data.byteLength)) as Font,
      );
      parsed.set(data, font);
    }
    return font;
  },
} as unknown as Fontkit;
