/** What every section of the layout reads, and the small helpers they share. */
import { ok, type Result } from '@kiosk/protocol';
import type { ComposeError } from '../compose-error.js';
import type { CertificateContent } from '../content.js';
import type { QrSymbol } from '../qr/symbol.js';
import type { Paragraph } from '../text/fit.js';
import type { Faces } from '../text/faces.js';
import { shape, shapeFixed, type Weight } from '../text/shape.js';
import type { Label, Labels } from './labels.js';
import type { Sheet } from './sheet.js';

export interface Codes {
  readonly shc: QrSymbol;
  readonly vdsNc?: QrSymbol | undefined;
}

/** How tightly the page is set: 1 is the comfortable layout, smaller values make room for many or long doses. */
export type Density = number;

export interface LayoutContext {
  readonly sheet: Sheet;
  readonly faces: Faces;
  readonly labels: Labels;
  readonly content: CertificateContent;
  readonly codes: Codes;
  readonly density: Density;
  readonly bilingual: boolean;
}

export const MARGIN = { left: 42, right: 42, top: 40, bottom: 32 } as const;

export const GRAY = { ink: 0, label: 0.2, english: 0.35, rule: 0.45, fill: 0.93 } as const;

/** A paragraph of fixed text (shaped once per process). */
export const fixed = (
  ctx: LayoutContext,
  text: string,
  size: number,
  weight: Weight = 'regular',
  gray = 0,
): Paragraph => ({
  text: shapeFixed(ctx.faces, text, weight),
  size,
  gray,
});

/** A paragraph of a record value; `field` names it in errors. */
export function value(
  ctx: LayoutContext,
  text: string,
  size: number,
  field: string,
  { weight = 'regular', gray = 0, keepWhole }: { weight?: Weight; gray?: number; keepWhole?: number } = {},
): Result<Paragraph, ComposeError> {
  const shaped = shape(ctx.faces, text, weight, field);
  return shaped.ok ? ok({ text: shaped.value, size, gray, keepWhole }) : shaped;
}

/** A label in Japanese, with its English beneath on the bilingual variant. */
export function labelParagraphs(
  ctx: LayoutContext,
  label: Label,
  size = ctx.bilingual ? 8.5 : 9.5,
  weight: Weight = 'regular',
): Paragraph[] {
  const out = [fixed(ctx, label.ja, size, weight, GRAY.label)];
  if (ctx.bilingual && label.en) out.push(fixed(ctx, label.en, size * 0.8, 'regular', GRAY.english));
  return out;
}

/** Collects results; the first failure wins. */
export function all<T>(results: readonly Result<T, ComposeError>[]): Result<T[], ComposeError> {
  const values: T[] = [];
  for (const r of results) {
    if (!r.ok) return r;
    values.push(r.value);
  }
  return ok(values);
}
