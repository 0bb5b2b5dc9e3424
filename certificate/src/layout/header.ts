/** The title block: the certificate's name (Japanese, then English), the variant, a double rule. */
import { layoutParagraphs } from '../text/fit.js';
import { place } from './cell.js';
import { fixed, GRAY, MARGIN, type LayoutContext } from './context.js';
import { A4 } from './sheet.js';

/** Draws the header below `top`; returns the y where the next section starts. */
export function header(ctx: LayoutContext, top: number): number {
  const { labels, sheet } = ctx;
  const width = A4.w - MARGIN.left - MARGIN.right;
  const paragraphs = [fixed(ctx, labels.title.ja, 19, 'bold')];
  if (ctx.bilingual && labels.title.en) paragraphs.push(fixed(ctx, labels.title.en, 13, 'bold', GRAY.label));
  paragraphs.push(fixed(ctx, labels.variant, 9.5, 'regular', GRAY.label));
  const fitted = layoutParagraphs(paragraphs, width, 1);
  if (!fitted) throw new Error('the title does not fit the page width');
  const box = { x: MARGIN.left, y: top - fitted.height, w: width, h: fitted.height };
  place(sheet, fitted, box, { align: 'center', valign: 'top' });
  const rule = box.y - 7;
  sheet.line([MARGIN.left, rule], [A4.w - MARGIN.right, rule], 1.4);
  sheet.line([MARGIN.left, rule - 2.6], [A4.w - MARGIN.right, rule - 2.6], 0.5);
  return rule - 2.6 - 12 * ctx.density;
}

/** A section heading: a short dark bar, the Japanese name, the English beside it. Returns the next y. */
export function sectionHeading(
  ctx: LayoutContext,
  top: number,
  label: { ja: string; en?: string | undefined },
): number {
  const { sheet } = ctx;
  const size = 10.5;
  const baseline = top - size * 0.88;
  sheet.fill({ x: MARGIN.left, y: baseline - 1, w: 3.2, h: size * 0.92 }, GRAY.ink);
  const x = MARGIN.left + 8;
  const ja = fixed(ctx, label.ja, size, 'bold');
  const jaWidth = (ja.text.width * size) / 1000;
  const bounds = { x: MARGIN.left, y: top - size, w: A4.w - MARGIN.left - MARGIN.right, h: size };
  sheet.add({ kind: 'text', glyphs: ja.text.glyphs, x, baseline, size, width: jaWidth, gray: 0, bounds });
  if (ctx.bilingual && label.en) {
    const enSize = 8.5;
    const en = fixed(ctx, label.en, enSize);
    const width = (en.text.width * enSize) / 1000;
    sheet.add({
      kind: 'text',
      glyphs: en.text.glyphs,
      x: x + jaWidth + 8,
      baseline,
      size: enSize,
      width,
      gray: GRAY.english,
      bounds,
    });
  }
  return top - size - 6;
}
