/** The footer: how to verify the certificate, in a light box across the page bottom. */
import { layoutParagraphs } from '../text/fit.js';
import { place } from './cell.js';
import { fixed, GRAY, MARGIN, type LayoutContext } from './context.js';
import { A4, inset } from './sheet.js';

/** Draws the footer on the bottom margin; returns its top. */
export function footer(ctx: LayoutContext): number {
  const { sheet, labels } = ctx;
  const box = { x: MARGIN.left, w: A4.w - MARGIN.left - MARGIN.right };
  const paragraphs = [fixed(ctx, labels.verify.ja, 7.5, 'regular', GRAY.label)];
  if (ctx.bilingual && labels.verify.en) {
    paragraphs.push({ ...fixed(ctx, labels.verify.en, 7, 'regular', GRAY.english), gapBefore: 2 });
  }
  const padding = { x: 8, y: 5 };
  const fitted = layoutParagraphs(paragraphs, box.w - 2 * padding.x, 1);
  if (!fitted) throw new Error('the verification note does not fit the page width');
  const rect = { ...box, y: MARGIN.bottom, h: fitted.height + 2 * padding.y };
  sheet.fill(rect, 0.965);
  sheet.frame(rect, 0.4, GRAY.rule);
  place(sheet, fitted, inset(rect, padding.x, padding.y), { valign: 'top' });
  return rect.y + rect.h;
}
