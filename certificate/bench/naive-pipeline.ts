/**
 * The naive way to make the same certificate with pdf-lib: every document parses its fonts again (fontkit.create
 * through pdf-lib's embedFont), shapes each line with fontkit's layout engine, subsets with fontkit and draws each
 * QR run as its own rectangle. Same page, same layout: only the PDF making differs.
 */
import { PDFDocument, rgb, type PDFFont } from 'pdf-lib';
import type { CertificateCodes } from '../src/compose.js';
import { layoutPage } from '../src/compose.js';
import type { CertificateContent } from '../src/content.js';
import type { FontFiles } from '../src/fonts.js';
import { fontkitForPdfLib } from '../src/test-support/fontkit-adapter.js';
import { QUIET_ZONE } from '../src/qr/draw.js';
import type { FaceKey } from '../src/text/face.js';

export async function composeNaively(
  content: CertificateContent,
  codes: CertificateCodes,
  files: FontFiles,
): Promise<Uint8Array> {
  const sheet = layoutPage(content, codes);
  if (!sheet.ok) throw new Error(sheet.error.detail);
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkitForPdfLib);
  const page = doc.addPage([595.28, 841.89]);
  const fonts = new Map<FaceKey, PDFFont>();
  const font = async (face: FaceKey) => {
    let embedded = fonts.get(face);
    if (!embedded) {
      embedded = await doc.embedFont(files[face], { subset: true, features: { liga: false } });
      fonts.set(face, embedded);
    }
    return embedded;
  };
  for (const item of sheet.value.items) {
    if (item.kind === 'text') {
      let x = item.x;
      let run = '';
      let runFace: FaceKey | undefined;
      let runX = x;
      const flush = async () => {
        if (run.trim() && runFace) {
          page.drawText(run, {
            x: runX,
            y: item.baseline,
            size: item.size,
            font: await font(runFace),
            color: rgb(item.gray, item.gray, item.gray),
          });
        }
        run = '';
      };
      for (const glyph of item.glyphs) {
        if (glyph.face !== runFace) {
          await flush();
          runFace = glyph.face;
          runX = x;
        }
        run += glyph.text;
        x += (glyph.advance * item.size) / 1000;
      }
      await flush();
    } else if (item.kind === 'fill') {
      const { x, y, w, h } = item.rect;
      page.drawRectangle({ x, y, width: w, height: h, color: rgb(item.gray, item.gray, item.gray) });
    } else if (item.kind === 'frame') {
      const { x, y, w, h } = item.rect;
      page.drawRectangle({
        x,
        y,
        width: w,
        height: h,
        borderWidth: item.lineWidth,
        borderColor: rgb(item.gray, item.gray, item.gray),
      });
    } else if (item.kind === 'line') {
      page.drawLine({
        start: { x: item.from[0], y: item.from[1] },
        end: { x: item.to[0], y: item.to[1] },
        thickness: item.lineWidth,
      });
    } else {
      const { symbol, moduleSize: m, rect } = item;
      for (let row = 0; row < symbol.size; row++) {
        for (let col = 0; col < symbol.size; col++) {
          if (!symbol.modules[row * symbol.size + col]) continue;
          let end = col;
          while (end < symbol.size && symbol.modules[row * symbol.size + end]) end++;
          const y = rect.y + rect.h - (QUIET_ZONE + row + 1) * m;
          page.drawRectangle({
            x: rect.x + (QUIET_ZONE + col) * m,
            y,
            width: (end - col) * m,
            height: m,
            color: rgb(0, 0, 0),
          });
          col = end;
        }
      }
    }
  }
  return doc.save();
}
