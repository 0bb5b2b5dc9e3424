/** One CSV record of a target list → a resident to register, or every problem found in it (all columns checked). */
import { err, ok } from '@kiosk/protocol';
import type { Dose, Result, VaccinationRecord } from '@kiosk/protocol';
import { isValidMyNumber } from '../my-number.js';
import type { ResidentEntry } from '../store.js';
import type { CsvRecord } from './csv.js';
import type { ImportError } from './errors.js';
import { DOSE_FIELDS, type Layout, type ResidentColumn } from './layout.js';
import { readPassport } from './passport.js';

const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const SEXES: ReadonlySet<string> = new Set(['male', 'female', 'unknown']);
const STATUSES: ReadonlySet<string> = new Set(['resident', 'moved_out', 'deceased']);
const OPTIONAL: ReadonlySet<ResidentColumn> = new Set(['接種券番号', 'セイ', 'メイ']);

/** A real calendar date: the regex alone would let 2021-02-30 through. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function readRow(
  layout: Layout,
  { line, fields }: CsvRecord,
  municipalityCode: string,
): Result<ResidentEntry, ImportError[]> {
  if (fields.length !== layout.width) return err([{ line, code: 'WRONG_FIELD_COUNT' }]);
  const errors: ImportError[] = [];
  const fail = (column: string, code: ImportError['code']) => errors.push({ line, column, code });
  const at = (index: number): string => (fields[index] ?? '').trim();
  const col = (name: ResidentColumn): string => {
    const value = at(layout.resident[name]);
    if (value === '' && !OPTIONAL.has(name)) fail(name, 'MISSING_VALUE');
    return value;
  };

  const addresseeNumber = col('宛名番号');
  const myNumber = col('個人番号');
  if (myNumber !== '' && !isValidMyNumber(myNumber)) fail('個人番号', 'INVALID_MY_NUMBER');
  const ticket = col('接種券番号');
  const familyName = col('姓');
  const givenName = col('名');
  const familyKana = col('セイ');
  const givenKana = col('メイ');
  const birthDate = col('生年月日');
  if (birthDate !== '' && !isIsoDate(birthDate)) fail('生年月日', 'INVALID_DATE');
  const sex = col('性別');
  if (sex !== '' && !SEXES.has(sex)) fail('性別', 'INVALID_SEX');
  const status = col('状態');
  if (status !== '' && !STATUSES.has(status)) fail('状態', 'INVALID_STATUS');
  const passport = layout.passport && readPassport(layout.passport, at, fail);

  const doses: Dose[] = [];
  for (const { doseNumber, columns } of layout.doses) {
    const values = DOSE_FIELDS.map((f) => at(columns[f]));
    if (values.every((v) => v === '')) continue; // no such dose for this resident
    const [date = '', vaccineType = '', product = '', manufacturer = '', lot = ''] = values;
    DOSE_FIELDS.forEach((f, i) => {
      if (values[i] === '') fail(`${f}${doseNumber}`, 'INCOMPLETE_DOSE');
    });
    if (date !== '' && !isIsoDate(date)) fail(`接種日${doseNumber}`, 'INVALID_DATE');
    doses.push({ doseNumber, date, vaccineType, product, manufacturer, lot });
  }
  if (errors.length > 0) return err(errors);

  const record: VaccinationRecord = {
    municipalityCode,
    addresseeNumber,
    ...(ticket ? { vaccinationTicketNumber: ticket } : {}),
    familyName,
    givenName,
    ...(familyKana ? { familyNameKana: familyKana } : {}),
    ...(givenKana ? { givenNameKana: givenKana } : {}),
    birthDate,
    sex: sex as VaccinationRecord['sex'], // checked against SEXES above
    status: status as VaccinationRecord['status'],
    doses,
    ...(passport ? { passport } : {}),
    issuances: [],
  };
  return ok({ myNumber, record });
}
