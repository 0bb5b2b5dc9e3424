/**
 * Imports a municipality's target list (接種対象者リスト) from CSV. Every row is checked before anything is written,
 * and the rows go in through one transaction: either the whole file is imported or nothing is.
 */
import { err, ok } from '@kiosk/protocol';
import type { Result } from '@kiosk/protocol';
import type { ResidentEntry, SqliteRecordStore } from '../store.js';
import { parseCsv } from './csv.js';
import type { ImportError } from './errors.js';
import { readLayout } from './layout.js';
import { readRow } from './row.js';

export interface ImportSummary {
  rows: number;
  created: number;
  /** Rows whose 宛名番号 was already in the municipality: left unchanged, so a re-import is harmless. */
  alreadyRegistered: number;
}

type Store = Pick<SqliteRecordStore, 'hasMunicipality' | 'registerResidents'>;

export function importTargetList(
  store: Store,
  municipalityCode: string,
  csvText: string,
): Result<ImportSummary, ImportError[]> {
  if (!store.hasMunicipality(municipalityCode)) return err([{ line: 0, code: 'UNKNOWN_MUNICIPALITY' }]);
  const parsed = parseCsv(csvText);
  if (!parsed.ok) return err([parsed.error]);
  const [header, ...rows] = parsed.value;
  if (!header) return err([{ line: 0, code: 'EMPTY_FILE' }]);
  const layout = readLayout(header.fields);
  if (!layout.ok) return err(layout.error);

  const errors: ImportError[] = [];
  const entries: ResidentEntry[] = [];
  const lines: number[] = [];
  // Duplicates are looked for among the raw values, so a row with other errors still takes part.
  const firstLineOf = { addressee: new Map<string, number>(), myNumber: new Map<string, number>() };
  const duplicate = (seen: Map<string, number>, value: string, line: number): boolean => {
    if (value === '') return false;
    if (seen.has(value)) return true;
    seen.set(value, line);
    return false;
  };
  for (const row of rows) {
    const result = readRow(layout.value, row, municipalityCode);
    if (!result.ok) errors.push(...result.error);
    else {
      entries.push(result.value);
      lines.push(row.line);
    }
    if (row.fields.length !== layout.value.width) continue;
    const field = (i: number) => (row.fields[i] ?? '').trim();
    if (duplicate(firstLineOf.addressee, field(layout.value.resident['宛名番号']), row.line))
      errors.push({ line: row.line, column: '宛名番号', code: 'DUPLICATE_ADDRESSEE_NUMBER' });
    if (duplicate(firstLineOf.myNumber, field(layout.value.resident['個人番号']), row.line))
      errors.push({ line: row.line, column: '個人番号', code: 'DUPLICATE_MY_NUMBER' });
  }
  if (errors.length > 0) return err(errors.sort((a, b) => a.line - b.line));

  const written = store.registerResidents(entries);
  if (!written.ok) {
    const line = lines[written.error.index] ?? 0;
    return err([{ line, column: '個人番号', code: 'MY_NUMBER_ALREADY_REGISTERED' }]);
  }
  return ok({ rows: entries.length, ...written.value });
}
