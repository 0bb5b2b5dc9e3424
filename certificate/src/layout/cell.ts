/** Puts fitted lines into a box: aligned left, centred or right, at the top or the middle. */
import { type Result, ok } from '@kiosk/protocol';
import { composeFailure, type ComposeError } from '../compose-error.js';
import { fitParagraphs, LEADING, type Fitted, type Paragraph } from '../text/fit.js';
import type { Rect, Sheet } from './sheet.js';

/** Top of the em box above the baseline, as a share of the type size (both faces: 1802/2048). */
export const EM_ASCENT = 0.88;

export interface Placement {
  readonly align?: 'left' | 'center' | 'right';
  readonly valign?: 'top' | 'middle';
}

export function place(
  sheet: Sheet,
  fitted: Fitted,
  box: Rect,
  { align = 'left', valign = 'middle' }: Placement,
): void {
  let top = valign === 'top' ? box.y + box.h : box.y + (box.h + fitted.height) / 2;
  for (const line of fitted.lines) {
    const x =
      align === 'left'
        ? box.x
        : align === 'center'
          ? box.x + (box.w - line.width) / 2
          : box.x + box.w - line.width;
    top -= line.gap;
    const baseline = top - line.size * EM_ASCENT;
    sheet.add({
      kind: 'text',
      glyphs: line.glyphs,
      x,
      baseline,
      size: line.size,
      width: line.width,
      gray: line.gray,
      bounds: box,
    });
    top -= line.size * LEADING;
  }
}

/** Fits and places; `field` names the value for the error when it cannot fit. */
export function textBox(
  sheet: Sheet,
  paragraphs: readonly Paragraph[],
  box: Rect,
  placement: Placement,
  field: string,
): Result<Fitted, ComposeError> {
  const fitted = fitParagraphs(paragraphs, box.w, box.h);
  if (!fitted) return composeFailure('CONTENT_TOO_LONG', field);
  place(sheet, fitted, box, placement);
  return ok(fitted);
}
