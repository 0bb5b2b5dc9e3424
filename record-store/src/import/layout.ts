/**
 * The target-list layout: one row per resident, fixed resident columns, optional passport columns, then any number of
 * dose groups whose header names end in the dose number (接種日1, ワクチン種類1, …). Columns may come in any order.
 */
import { err, ok } from '@kiosk/protocol';
import type { Result } from '@kiosk/protocol';
import type { ImportError } from './errors.js';

export const RESIDENT_COLUMNS = [
  '宛名番号',
  '個人番号',
  '接種券番号',
  '姓',
  '名',
  'セイ',
  'メイ',
  '生年月日',
  '性別',
  '状態',
] as const;
export type ResidentColumn = (typeof RESIDENT_COLUMNS)[number];

/** The passport columns a passport record needs (旅券情報): all three in the header, or none of them. */
export const PASSPORT_COLUMNS = ['ローマ字氏名', '国籍', '旅券番号'] as const;
export type PassportColumn = (typeof PASSPORT_COLUMNS)[number];
/** Optional beside them; alone it is refused, since other names are stored only with a passport. */
export const OTHER_NAMES_COLUMN = '旧姓・別姓・別名';

export const DOSE_FIELDS = ['接種日', 'ワクチン種類', '製品名', 'メーカー', 'ロット番号'] as const;
export type DoseField = (typeof DOSE_FIELDS)[number];

export interface PassportLayout {
  columns: Record<PassportColumn, number>;
  otherNames?: number;
}

export interface Layout {
  width: number;
  resident: Record<ResidentColumn, number>;
  /** Absent when the header has no passport columns at all. */
  passport?: PassportLayout;
  /** Dose number → column index of each field, in ascending dose number. */
  doses: { doseNumber: number; columns: Record<DoseField, number> }[];
}

const DOSE_HEADER = new RegExp(`^(${DOSE_FIELDS.join('|')})([1-9][0-9]?)$`);
const FIXED_COLUMNS: ReadonlySet<string> = new Set([
  ...RESIDENT_COLUMNS,
  ...PASSPORT_COLUMNS,
  OTHER_NAMES_COLUMN,
]);

export function readLayout(header: string[]): Result<Layout, ImportError[]> {
  const errors: ImportError[] = [];
  const seen = new Map<string, number>();
  header.forEach((raw, index) => {
    const name = raw.trim();
    if (seen.has(name)) errors.push({ line: 1, column: name, code: 'DUPLICATE_COLUMN' });
    else seen.set(name, index);
    const known = FIXED_COLUMNS.has(name) || DOSE_HEADER.test(name);
    if (!known) errors.push({ line: 1, column: name, code: 'UNKNOWN_COLUMN' });
  });
  const resident = {} as Record<ResidentColumn, number>;
  for (const name of RESIDENT_COLUMNS) {
    const index = seen.get(name);
    if (index === undefined) errors.push({ line: 1, column: name, code: 'MISSING_COLUMN' });
    else resident[name] = index;
  }
  const passport = readPassportColumns(seen, errors);
  const doseNumbers = new Set<number>();
  for (const name of seen.keys()) {
    const m = DOSE_HEADER.exec(name);
    if (m) doseNumbers.add(Number(m[2]));
  }
  const doses: Layout['doses'] = [];
  for (const doseNumber of [...doseNumbers].sort((a, b) => a - b)) {
    const columns = {} as Record<DoseField, number>;
    for (const field of DOSE_FIELDS) {
      const index = seen.get(`${field}${doseNumber}`);
      // A partial group would drop part of every dose silently, so the whole group is required.
      if (index === undefined)
        errors.push({ line: 1, column: `${field}${doseNumber}`, code: 'MISSING_COLUMN' });
      else columns[field] = index;
    }
    doses.push({ doseNumber, columns });
  }
  return errors.length > 0
    ? err(errors)
    : ok({ width: header.length, resident, ...(passport ? { passport } : {}), doses });
}

// The same rule as a dose group: part of the group would drop passport data silently, so all of it is required.
function readPassportColumns(seen: Map<string, number>, errors: ImportError[]): PassportLayout | undefined {
  if (![...PASSPORT_COLUMNS, OTHER_NAMES_COLUMN].some((name) => seen.has(name))) return undefined;
  const columns = {} as Record<PassportColumn, number>;
  for (const name of PASSPORT_COLUMNS) {
    const index = seen.get(name);
    if (index === undefined) errors.push({ line: 1, column: name, code: 'MISSING_COLUMN' });
    else columns[name] = index;
  }
  const otherNames = seen.get(OTHER_NAMES_COLUMN);
  return otherNames === undefined ? { columns } : { columns, otherNames };
}
