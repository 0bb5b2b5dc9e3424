/** 接種記録: one row per dose in a bordered table, with a shaded header row. */
import type { Dose } from '@kiosk/protocol';
import { ok, type Result } from '@kiosk/protocol';
import type { ComposeError } from '../compose-error.js';
import { fitParagraphs, layoutParagraphs, type Paragraph } from '../text/fit.js';
import { place, textBox } from './cell.js';
import { all, fixed, GRAY, labelParagraphs, MARGIN, value, type LayoutContext } from './context.js';
import { doseOrdinal } from './format.js';
import { sectionHeading } from './header.js';
import { CELL_PADDING } from './key-value-table.js';
import { A4, inset } from './sheet.js';
import { makerInEnglish, productInEnglish } from './vaccine-names.js';

// Shares of the table width: dose, date, type, product, maker, lot.
const COLUMNS = {
  bilingual: [0.1, 0.155, 0.17, 0.22, 0.2, 0.155],
  japanese: [0.085, 0.195, 0.175, 0.225, 0.18, 0.14],
} as const;

const CENTERED = new Set([0, 1, 5]);

export function dosesSection(ctx: LayoutContext, top: number): Result<number, ComposeError> {
  const { sheet, labels, density } = ctx;
  const x0 = MARGIN.left;
  const width = A4.w - MARGIN.left - MARGIN.right;
  const xs: number[] = [x0];
  for (const share of ctx.bilingual ? COLUMNS.bilingual : COLUMNS.japanese)
    xs.push(xs.at(-1)! + share * width);
  const cellWidth = (i: number) => xs[i + 1]! - xs[i]! - 2 * CELL_PADDING.x;

  const rows = all(ctx.content.doses.map((dose, i) => doseCells(ctx, dose, i)));
  if (!rows.ok) return rows;
  let y = sectionHeading(ctx, top, labels.doses);
  const tableTop = y;

  const headerHeight = ctx.bilingual ? 25 : 18;
  y -= headerHeight;
  sheet.fill({ x: x0, y, w: width, h: headerHeight }, GRAY.fill);
  for (const [i, label] of labels.doseColumns.entries()) {
    const box = inset({ x: xs[i]!, y, w: xs[i + 1]! - xs[i]!, h: headerHeight }, 3, CELL_PADDING.y);
    if (!textBox(sheet, labelParagraphs(ctx, label), box, { align: 'center' }, 'label').ok) {
      throw new Error(`column label does not fit: ${label.ja}`);
    }
  }
  const lineYs = [y];

  const minHeight = (ctx.bilingual ? 30 : 26) * density;
  const maxHeight = Math.max(minHeight, 46 * density);
  for (const cells of rows.value) {
    // What each cell needs at full size, or shrunk as far as it shrinks before breaking lines.
    const natural = cells.map(
      (c, i) => fitParagraphs(c.paragraphs, cellWidth(i), Infinity)?.height ?? Infinity,
    );
    const height = Math.min(maxHeight, Math.max(minHeight, Math.max(...natural) + 2 * CELL_PADDING.y + 2));
    y -= height;
    for (const [i, cell] of cells.entries()) {
      const box = inset({ x: xs[i]!, y, w: xs[i + 1]! - xs[i]!, h: height }, CELL_PADDING.x, CELL_PADDING.y);
      const placed = textBox(
        sheet,
        cell.paragraphs,
        box,
        { align: CENTERED.has(i) ? 'center' : 'left' },
        cell.field,
      );
      if (!placed.ok) return placed;
    }
    lineYs.push(y);
  }
  for (const ly of lineYs.slice(0, -1)) sheet.line([x0, ly], [x0 + width, ly], 0.4, GRAY.rule);
  for (const x of xs.slice(1, -1)) sheet.line([x, y], [x, tableTop], 0.4, GRAY.rule);
  sheet.frame({ x: x0, y, w: width, h: tableTop - y }, 0.8);
  const below = layoutParagraphs(
    [fixed(ctx, labels.nothingFollows, 7.5, 'regular', GRAY.english)],
    width,
    1,
  )!;
  place(
    sheet,
    below,
    { x: x0, y: y - 3 - below.height, w: width, h: below.height },
    { align: 'right', valign: 'top' },
  );
  return ok(y - 3 - below.height);
}

interface Cell {
  readonly paragraphs: readonly Paragraph[];
  readonly field: string;
}

function doseCells(ctx: LayoutContext, dose: Dose, index: number): Result<Cell[], ComposeError> {
  const field = (name: string) => `doses[${index}].${name}`;
  const withEnglish = (
    text: string,
    english: string | undefined,
    name: string,
    keepWhole?: number,
  ): Result<Cell, ComposeError> => {
    const main = value(ctx, text, 9, field(name), { keepWhole });
    if (!main.ok) return main;
    const paragraphs = [main.value];
    if (ctx.bilingual && english) paragraphs.push(fixed(ctx, english, 7.5, 'regular', GRAY.english));
    return ok({ paragraphs, field: field(name) });
  };
  const ordinal = doseOrdinal(dose.doseNumber);
  const number: Cell = {
    paragraphs: ctx.bilingual
      ? [fixed(ctx, ordinal.ja, 9.5, 'bold'), fixed(ctx, ordinal.en, 7.5, 'regular', GRAY.english)]
      : [fixed(ctx, ordinal.ja, 9.5, 'bold')],
    field: field('doseNumber'),
  };
  const date = value(ctx, dose.date, 9.5, field('date'), { keepWhole: 0 });
  if (!date.ok) return date;
  return all([
    ok(number),
    ok({ paragraphs: [date.value], field: field('date') }),
    withEnglish(dose.vaccineType, undefined, 'vaccineType', 0.85),
    withEnglish(dose.product, productInEnglish(dose.product), 'product'),
    withEnglish(dose.manufacturer, makerInEnglish(dose.manufacturer), 'manufacturer'),
    withEnglish(dose.lot, undefined, 'lot', 0),
  ]);
}
