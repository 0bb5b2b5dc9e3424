/**
 * The band above the footer: on the left the certifying sentence and who issued the certificate, when, under which
 * ID; on the right the signed codes with their captions.
 */
import { ok, type Result } from '@kiosk/protocol';
import { composeFailure, type ComposeError } from '../compose-error.js';
import { layoutParagraphs, type Paragraph } from '../text/fit.js';
import { place, textBox } from './cell.js';
import { codeSize } from './codes.js';
import { all, fixed, GRAY, MARGIN, value, type LayoutContext } from './context.js';
import type { Label } from './labels.js';
import { A4 } from './sheet.js';

const GAP = 14;
const MIN_TEXT_WIDTH = 120;

/** Draws the band with its bottom at `bottom`; returns its top. */
export function closingBand(ctx: LayoutContext, bottom: number): Result<number, ComposeError> {
  const { sheet, codes, labels } = ctx;
  const placed = [
    { code: 'shc' as const, symbol: codes.shc, label: labels.shc },
    ...(codes.vdsNc ? [{ code: 'vdsNc' as const, symbol: codes.vdsNc, label: labels.vdsNc }] : []),
  ].map((c) => ({ ...c, ...codeSize(c.symbol) }));
  const right = A4.w - MARGIN.right;
  const codesWidth = placed.reduce((w, c) => w + c.side + GAP, 0);
  const textWidth = right - MARGIN.left - codesWidth;
  if (textWidth < MIN_TEXT_WIDTH) {
    return composeFailure('CODE_TOO_LONG', 'vdsNc: the codes do not fit the page at 0.5 mm modules');
  }
  const captions = placed.map((c) => {
    const paragraphs = [
      fixed(ctx, c.label.title, 8, 'bold'),
      ...bilingual(ctx, c.label.caption, 7, GRAY.english),
    ];
    const fitted = layoutParagraphs(paragraphs, c.side, 1);
    if (!fitted) throw new Error('code caption wider than the code');
    return fitted;
  });
  // Codes stand on one line, so their captions line up whatever their sizes.
  const captionHeight = Math.max(...captions.map((c) => c.height));
  const codesHeight = Math.max(...placed.map((c) => c.side)) + 2 + captionHeight;

  const left = issuerParagraphs(ctx);
  if (!left.ok) return left;
  const natural = layoutParagraphs(left.value, textWidth, 1);
  const height = Math.max(codesHeight, natural ? natural.height : 0);
  const top = bottom + height;

  let x = right;
  for (const [i, c] of [...placed].reverse().entries()) {
    x -= c.side;
    const rect = { x, y: bottom + captionHeight + 2, w: c.side, h: c.side };
    sheet.add({ kind: 'qr', code: c.code, symbol: c.symbol, rect, moduleSize: c.moduleSize });
    const caption = captions[placed.length - 1 - i]!;
    const captionBox = { x, y: bottom, w: c.side, h: captionHeight };
    place(sheet, caption, captionBox, { align: 'center', valign: 'top' });
    x -= GAP;
  }
  const text = textBox(
    sheet,
    left.value,
    { x: MARGIN.left, y: bottom, w: textWidth, h: height },
    { valign: 'top' },
    'municipality',
  );
  return text.ok ? ok(top) : text;
}

function bilingual(ctx: LayoutContext, label: Label, size: number, gray: number): Paragraph[] {
  const out = [fixed(ctx, label.ja, size, 'regular', gray)];
  if (ctx.bilingual && label.en) out.push(fixed(ctx, label.en, size * 0.93, 'regular', gray));
  return out;
}

/** The certifying sentence, then certificate ID, date of issue and the issuer, each under a small label. */
function issuerParagraphs(ctx: LayoutContext): Result<Paragraph[], ComposeError> {
  const { content, labels } = ctx;
  const small = (label: Label): Paragraph => ({
    ...fixed(
      ctx,
      ctx.bilingual && label.en ? `${label.ja} / ${label.en}` : label.ja,
      7,
      'regular',
      GRAY.english,
    ),
    gapBefore: 9,
  });
  const statement = bilingual(ctx, labels.statement, 8.5, GRAY.ink);
  const id = value(ctx, content.certificateId, 10, 'certificateId', { keepWhole: 0 });
  const date = value(ctx, content.issuedOn, 10, 'issuedOn', { keepWhole: 0 });
  const mayor = value(ctx, content.municipality.mayorTitle.ja, 12.5, 'municipality.mayorTitle.ja', {
    weight: 'bold',
  });
  const mayorEn = value(ctx, content.municipality.mayorTitle.en, 9, 'municipality.mayorTitle.en', {
    weight: 'bold',
  });
  const values = all([id, date, mayor, mayorEn]);
  if (!values.ok) return values;
  const [idLine, dateLine, mayorLine, mayorEnLine] = values.value as [
    Paragraph,
    Paragraph,
    Paragraph,
    Paragraph,
  ];
  return ok([
    ...statement,
    small(labels.certificateId),
    idLine,
    small(labels.issuedOn),
    dateLine,
    small(labels.issuer),
    mayorLine,
    ...(ctx.bilingual ? [mayorEnLine] : []),
  ]);
}
