/**
 * The target-list layout: one row per resident, fixed resident columns, then any number of dose groups whose
 * header names end in the dose number (接種日1, ワクチン種類1, …). Columns may come in any order.
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

export const DOSE_FIELDS = ['接種日', 'ワクチン種類', '製品名', 'メーカー', 'ロット番号'] as const;
export type DoseField = (typeof DOSE_FIELDS)[number];

export interface Layout {
  width: number;
  resident: Record<ResidentColumn, number>;
  /** Dose number → column index of each field, in ascending dose number. */
  doses: { doseNumber: number; columns: Record<DoseField, number> }[];
}

const DOSE_HEADER = new RegExp(`^(${DOSE_FIELDS.join('|')})([1-9][0-9]?)$`);

export function readLayout(header: string[]): Result<Layout, ImportError[]> {
  const errors: ImportError[] = [];
  const seen = new Map<string, number>();
  header.forEach((raw, index) => {
    const name = raw.trim();
    if (seen.has(name)) errors.push({ line: 1, column: name, code: 'DUPLICATE_COLUMN' });
    else seen.set(name, index);
    const known = (RESIDENT_COLUMNS as readonly string[]).includes(name) || DOSE_HEADER.test(name);
    if (!known) errors.push({ line: 1, column: name, code: 'UNKNOWN_COLUMN' });
  });
  const resident = {} as Record<ResidentColumn, number>;
  for (const name of RESIDENT_COLUMNS) {
    const index = seen.get(name);
    if (index === undefined) errors.push({ line: 1, column: name, code: 'MISSING_COLUMN' });
    else resident[name] = index;
  }
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
  return errors.length > 0 ? err(errors) : ok({ width: header.length, resident, doses });
}
