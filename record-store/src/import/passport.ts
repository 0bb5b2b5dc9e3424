/**
 * The passport cells of one target-list row (旅券情報) → PassportData, or nothing when they are all empty. The centre
 * prints the overseas certificate from these values, and it is checked against the passport, so they are validated
 * here rather than found wrong at a border.
 */
import type { PassportData } from '@kiosk/protocol';
import type { ImportError } from './errors.js';
import type { PassportColumn, PassportLayout } from './layout.js';

/**
 * ローマ字氏名 as the passport's data page prints it (ICAO Doc 9303): upper-case Latin letters only, so lower case,
 * full-width letters and diacritics, the usual slips of a Japanese keyboard, are refused instead of printed. Surname
 * first, words joined by one space (the certificate takes the first word as the surname), a hyphen or an apostrophe
 * (SMITH-JONES, O'BRIEN); a comma, or a doubled or leading separator, is a typing slip.
 */
const ROMANIZED_NAME = /^[A-Z]+(?:[ '-][A-Z]+)*$/;
/** 国籍: ISO 3166-1 alpha-3 in upper case, the shape PassportData requires (JPN, not JP or jpn). */
const NATIONALITY = /^[A-Z]{3}$/;
/** 旅券番号: the pattern of PassportData. */
const PASSPORT_NUMBER = /^[A-Z0-9]{6,12}$/;

type Fail = (column: string, code: ImportError['code']) => void;

export function readPassport(
  layout: PassportLayout,
  at: (index: number) => string,
  fail: Fail,
): PassportData | undefined {
  const romanizedName = at(layout.columns['ローマ字氏名']);
  const nationality = at(layout.columns['国籍']);
  const passportNumber = at(layout.columns['旅券番号']);
  const otherNames = layout.otherNames === undefined ? '' : at(layout.otherNames);
  const required: [PassportColumn, string][] = [
    ['ローマ字氏名', romanizedName],
    ['国籍', nationality],
    ['旅券番号', passportNumber],
  ];
  if (otherNames === '' && required.every(([, value]) => value === '')) return undefined; // no passport on record

  // One passport cell filled means this resident has a passport record, and a record needs all three.
  for (const [name, value] of required) if (value === '') fail(name, 'INCOMPLETE_PASSPORT');
  if (romanizedName !== '' && !ROMANIZED_NAME.test(romanizedName))
    fail('ローマ字氏名', 'INVALID_ROMANIZED_NAME');
  if (nationality !== '' && !NATIONALITY.test(nationality)) fail('国籍', 'INVALID_NATIONALITY');
  if (passportNumber !== '' && !PASSPORT_NUMBER.test(passportNumber))
    fail('旅券番号', 'INVALID_PASSPORT_NUMBER');
  return { romanizedName, nationality, passportNumber, ...(otherNames ? { otherNames } : {}) };
}
