/**
 * A small RFC 4180 reader: comma separators, CRLF or LF line ends, fields in double quotes may hold commas, line
 * breaks and doubled quotes. A leading UTF-8 BOM is dropped (Excel writes one). Written by hand because the target
 * lists need only this much and every line number must point at the physical line where a record starts.
 */
import { err, ok } from '@kiosk/protocol';
import type { Result } from '@kiosk/protocol';

export interface CsvRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  fields: string[];
}

export interface CsvSyntaxError {
  line: number;
  code: 'CSV_UNTERMINATED_QUOTE' | 'CSV_BAD_QUOTE';
}

export function parseCsv(text: string): Result<CsvRecord[], CsvSyntaxError> {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false; // the current field was quoted, so `""` is a value and not a blank line
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    // A blank line is not a record: trailing newlines are common.
    if (fields.length > 0 || field !== '' || quoted)
      records.push({ line: recordLine, fields: [...fields, field] });
    fields = [];
    field = '';
    quoted = false;
  };
  while (i < src.length) {
    const c = src[i];
    if (c === '"') {
      if (field !== '' || quoted) return err({ line, code: 'CSV_BAD_QUOTE' }); // a quote inside an unquoted field
      const start = line;
      i++;
      for (;;) {
        if (i >= src.length) return err({ line: start, code: 'CSV_UNTERMINATED_QUOTE' });
        const q = src[i];
        if (q === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n') line++;
        field += q;
        i++;
      }
      const next = src[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r')
        return err({ line, code: 'CSV_BAD_QUOTE' }); // text after the closing quote
      quoted = true;
      continue;
    }
    if (c === ',') {
      fields.push(field);
      field = '';
      quoted = false;
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += c;
      i++;
    }
  }
  endRecord();
  return ok(records);
}
