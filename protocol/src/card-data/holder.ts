/** The four items printed on the card (基本4情報) and My Number, in the form the rest of the system uses. */

export type Sex = 'male' | 'female' | 'unknown';

export interface HolderInfo {
  readonly name: string;
  readonly address: string;
  /** YYYY-MM-DD */
  readonly birthDate: string;
  readonly sex: Sex;
}

export interface CardHolder extends HolderInfo {
  readonly myNumber: string;
}

/** The card writes sex as one ASCII digit: 1 male, 2 female, 9 not known. */
const SEX_CODES: Readonly<Record<string, Sex>> = { '1': 'male', '2': 'female', '9': 'unknown' };

export const sexFromCode = (code: string): Sex | undefined =>
  Object.hasOwn(SEX_CODES, code) ? SEX_CODES[code] : undefined;

export function sexCode(sex: Sex): string {
  const code = Object.keys(SEX_CODES).find((c) => SEX_CODES[c] === sex);
  if (code === undefined) throw new RangeError('sex must be male, female or unknown');
  return code;
}

const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;

/** Card form YYYYMMDD → YYYY-MM-DD, or undefined when it is not a calendar date. */
export function isoDateFromCard(yyyymmdd: string): string | undefined {
  const m = /^([0-9]{4})([0-9]{2})([0-9]{2})$/.exec(yyyymmdd);
  if (!m) return undefined;
  const [, y = '', mo = '', d = ''] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(Number(y), month)) return undefined;
  return `${y}-${mo}-${d}`;
}

/** YYYY-MM-DD → card form YYYYMMDD; throws on anything else (a caller bug). */
export function cardDateFromIso(isoDate: string): string {
  const compact = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(isoDate) ? isoDate.replaceAll('-', '') : '';
  if (isoDateFromCard(compact) === undefined)
    throw new RangeError('birthDate must be a calendar date YYYY-MM-DD');
  return compact;
}
