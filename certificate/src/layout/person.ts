/** 接種者: name (with its kana), birth date and, on the overseas variant, the passport facts. */
import { ok, type Result } from '@kiosk/protocol';
import type { ComposeError } from '../compose-error.js';
import type { Paragraph } from '../text/fit.js';
import { joinWithSpace, shape, type Shaped, type Weight } from '../text/shape.js';
import { all, GRAY, value, type LayoutContext } from './context.js';
import { sectionHeading } from './header.js';
import { keyValueTable, type Row } from './key-value-table.js';

export function personSection(ctx: LayoutContext, top: number): Result<number, ComposeError> {
  const { content, labels, density } = ctx;
  const { person, passport } = content;
  const name = nameParagraphs(ctx);
  if (!name.ok) return name;
  const rows: Row[] = [
    {
      label: labels.name,
      value: name.value,
      height: (name.value.length > 1 ? 42 : 34) * density,
      field: 'person.name',
    },
  ];
  // Never below what the two-line (Japanese + English) label needs.
  const rowHeight = Math.max(ctx.bilingual ? 23 : 19, (ctx.bilingual ? 25 : 22) * density);
  const simple = (
    label: Row['label'],
    text: string,
    field: string,
    size = 11,
    weight: Weight = 'regular',
  ) => {
    const paragraph = value(ctx, text, size, field, { weight, keepWhole: 0 });
    return paragraph.ok ? ok<Row>({ label, value: [paragraph.value], height: rowHeight, field }) : paragraph;
  };
  const more = all([
    ...(passport
      ? [simple(labels.romanizedName, passport.romanizedName, 'passport.romanizedName', 11.5, 'bold')]
      : []),
    ...(passport?.otherNames ? [simple(labels.otherNames, passport.otherNames, 'passport.otherNames')] : []),
    simple(labels.birthDate, person.birthDate, 'person.birthDate'),
    ...(passport
      ? [
          simple(labels.nationality, passport.nationality, 'passport.nationality'),
          simple(labels.passportNumber, passport.passportNumber, 'passport.passportNumber'),
        ]
      : []),
  ]);
  if (!more.ok) return more;
  const y = sectionHeading(ctx, top, labels.person);
  return keyValueTable(ctx, y, [...rows, ...more.value], ctx.bilingual ? 132 : 110);
}

/** The kana (when the record has it) in small type over the name, family and given name a space apart. */
function nameParagraphs(ctx: LayoutContext): Result<Paragraph[], ComposeError> {
  const { person } = ctx.content;
  const name = joined(ctx, person.familyName, person.givenName, 'person.name', 'bold');
  if (!name.ok) return name;
  const kana = joined(ctx, person.familyNameKana ?? '', person.givenNameKana ?? '', 'person.kana', 'regular');
  if (!kana.ok) return kana;
  const paragraphs: Paragraph[] = [{ text: name.value, size: 16, keepWhole: 0 }];
  if (kana.value.glyphs.length > 0)
    paragraphs.unshift({ text: kana.value, size: 8.5, gray: GRAY.label, keepWhole: 0 });
  return ok(paragraphs);
}

function joined(
  ctx: LayoutContext,
  first: string,
  second: string,
  field: string,
  weight: Weight,
): Result<Shaped, ComposeError> {
  const a = shape(ctx.faces, first, weight, field);
  if (!a.ok) return a;
  const b = shape(ctx.faces, second, weight, field);
  if (!b.ok) return b;
  if (a.value.glyphs.length === 0 || b.value.glyphs.length === 0) {
    return ok({ glyphs: [...a.value.glyphs, ...b.value.glyphs], width: a.value.width + b.value.width });
  }
  return ok(joinWithSpace(ctx.faces, a.value, b.value, weight));
}
