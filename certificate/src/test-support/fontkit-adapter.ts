/**
 * pdf-lib's own font embedding, through upstream fontkit 2: the way a PDF is usually made with pdf-lib, kept as an
 * independent second implementation. The tests draw reference renderings with it, and the benchmark's naive
 * pipeline uses it. (The fork pdf-lib ships, @pdf-lib/fontkit 1.1, drops CJK glyphs when subsetting some fonts;
 * fontkit 2 subsets them correctly.) Like stock pdf-lib, it parses the font again for every document.
 */
import * as fontkit from 'fontkit';
import { Readable } from 'node:stream';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type Font = fontkit.Font;

/** The object pdf-lib's `registerFontkit` expects. */
export const fontkitForPdfLib = {
  create(data: Uint8Array): Font {
    const font = fontkit.create(Buffer.from(data.buffer, data.byteOffset, data.byteLength)) as Font;
    const createSubset = font.createSubset.bind(font);
    // pdf-lib reads subset.encodeStream(); fontkit 2 returns the bytes from encode().
    (font as { createSubset: () => unknown }).createSubset = () => {
      const subset = createSubset() as ReturnType<Font['createSubset']> & { encodeStream?: () => Readable };
      subset.encodeStream = () => Readable.from([subset.encode()]);
      return subset;
    };
    return font;
  },
} as unknown as Fontkit;
