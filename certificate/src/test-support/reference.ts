/**
 * A reference rendering of one laid-out line by a second, independent implementation: pdf-lib with fontkit's own
 * subsetter, drawing each run of the line at the position the composer gave it. Rasterised, it must look the same
 * as the certificate wherever that line is.
 */
import { PDFDocument } from 'pdf-lib';
import { certificateFontFiles } from '../fonts.js';
import { fontkitForPdfLib } from './fontkit-adapter.js';
import { A4, type Item } from '../layout/sheet.js';
import type { FaceKey } from '../text/face.js';

type TextItem = Extract<Item, { kind: 'text' }>;

export async function referencePdf(line: TextItem, replace?: (text: string) => string): Promise<Uint8Array> {
  const files = certificateFontFiles();
  if (!files.ok) throw new Error(files.error.detail);
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkitForPdfLib);
  const page = doc.addPage([A4.w, A4.h]);
  const fonts = new Map<FaceKey, Awaited<ReturnType<typeof doc.embedFont>>>();
  let x = line.x;
  for (const glyph of line.glyphs) {
    let font = fonts.get(glyph.face);
    if (!font) {
      font = await doc.embedFont(files.value[glyph.face], { subset: true, features: { liga: false } });
      fonts.set(glyph.face, font);
    }
    const text = replace ? replace(glyph.text) : glyph.text;
    if (text.trim()) page.drawText(text, { x, y: line.baseline, size: line.size, font });
    x += (glyph.advance * line.size) / 1000;
  }
  return doc.save();
}
