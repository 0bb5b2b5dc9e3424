/** The page's display list as content-stream operators (ISO 32000-1 §8, §9.4). */
import type { Item, Rect } from '../layout/sheet.js';
import { qrOperators } from '../qr/draw.js';
import type { FontUse } from './document-fonts.js';
import { cidHex } from './font-objects.js';
import { num } from './numbers.js';
import type { Glyph } from '../text/shape.js';

const rect = (r: Rect) => `${num(r.x)} ${num(r.y)} ${num(r.w)} ${num(r.h)} re`;

export function pageOperators(items: readonly Item[], use: (glyph: Glyph) => FontUse): string {
  const out: string[] = [];
  for (const item of items) {
    switch (item.kind) {
      case 'fill':
        out.push(`${num(item.gray)} g ${rect(item.rect)} f`);
        break;
      case 'frame':
        out.push(`${num(item.gray)} G ${num(item.lineWidth)} w ${rect(item.rect)} S`);
        break;
      case 'line':
        out.push(
          `${num(item.gray)} G ${num(item.lineWidth)} w ${num(item.from[0])} ${num(item.from[1])} m ` +
            `${num(item.to[0])} ${num(item.to[1])} l S`,
        );
        break;
      case 'qr':
        out.push(qrOperators(item.symbol, item.rect.x, item.rect.y, item.moduleSize));
        break;
      case 'text':
        out.push(textOperators(item.glyphs, item.x, item.baseline, item.size, item.gray, use));
        break;
    }
  }
  return out.join('\n');
}

/** One BT…ET per line; a font change between runs keeps the pen where the previous run left it. */
function textOperators(
  glyphs: readonly Glyph[],
  x: number,
  y: number,
  size: number,
  gray: number,
  use: (glyph: Glyph) => FontUse,
): string {
  const parts = [`BT ${num(gray)} g ${num(x)} ${num(y)} Td`];
  let resource = '';
  let run = '';
  // TJ elements: hex glyph strings and, after a widened glyph, the added space (negative moves right).
  let elements: string[] = [];
  const flushRun = () => {
    if (run) elements.push(`<${run}>`);
    run = '';
  };
  const flushShow = () => {
    flushRun();
    if (elements.length > 0) parts.push(`[${elements.join(' ')}] TJ`);
    elements = [];
  };
  for (const glyph of glyphs) {
    const at = use(glyph);
    if (at.resource !== resource) {
      flushShow();
      parts.push(`/${at.resource} ${num(size)} Tf`);
      resource = at.resource;
    }
    run += cidHex(at.cid);
    if (glyph.extra) {
      flushRun();
      elements.push(num(-glyph.extra));
    }
  }
  flushShow();
  parts.push('ET');
  return parts.join(' ');
}
