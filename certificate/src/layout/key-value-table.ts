/** A bordered two-column table: shaded labels on the left, values on the right, one row per fact. */
import { ok, type Result } from '@kiosk/protocol';
import type { ComposeError } from '../compose-error.js';
import type { Paragraph } from '../text/fit.js';
import { textBox } from './cell.js';
import { GRAY, labelParagraphs, MARGIN, type LayoutContext } from './context.js';
import type { Label } from './labels.js';
import { A4, inset } from './sheet.js';

export interface Row {
  readonly label: Label;
  readonly value: readonly Paragraph[];
  readonly height: number;
  /** Names the value in errors. */
  readonly field: string;
}

export const CELL_PADDING = { x: 6, y: 2.5 } as const;

/** Draws the rows below `top`; returns the y under the table. */
export function keyValueTable(
  ctx: LayoutContext,
  top: number,
  rows: readonly Row[],
  labelWidth: number,
): Result<number, ComposeError> {
  const { sheet } = ctx;
  const x = MARGIN.left;
  const width = A4.w - MARGIN.left - MARGIN.right;
  const height = rows.reduce((h, r) => h + r.height, 0);
  const table = { x, y: top - height, w: width, h: height };
  sheet.fill({ x, y: table.y, w: labelWidth, h: height }, GRAY.fill);
  let y = top;
  for (const [i, row] of rows.entries()) {
    y -= row.height;
    if (i < rows.length - 1) sheet.line([x, y], [x + width, y], 0.4, GRAY.rule);
    const labelBox = inset({ x, y, w: labelWidth, h: row.height }, CELL_PADDING.x, CELL_PADDING.y);
    const label = textBox(sheet, labelParagraphs(ctx, row.label), labelBox, {}, 'label');
    if (!label.ok) throw new Error(`label does not fit: ${row.label.ja}`);
    const valueBox = inset(
      { x: x + labelWidth, y, w: width - labelWidth, h: row.height },
      CELL_PADDING.x + 2,
      CELL_PADDING.y,
    );
    const value = textBox(sheet, row.value, valueBox, {}, row.field);
    if (!value.ok) return value;
  }
  sheet.line([x + labelWidth, table.y], [x + labelWidth, top], 0.4, GRAY.rule);
  sheet.frame(table, 0.8);
  return ok(table.y);
}
