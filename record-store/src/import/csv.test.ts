import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

const parse = (text: string) => {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(`unexpected ${r.error.code}`);
  return r.value;
};

describe('parseCsv (RFC 4180)', () => {
  it('splits plain fields and accepts LF, CRLF and no final newline', () => {
    expect(parse('a,b\r\nc,d\ne,f')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', 'd'] },
      { line: 3, fields: ['e', 'f'] },
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const rows = parse('"a,1","say ""hi""","two\r\nlines"\nnext,""\n');
    expect(rows).toEqual([
      { line: 1, fields: ['a,1', 'say "hi"', 'two\r\nlines'] },
      { line: 3, fields: ['next', ''] },
    ]);
  });

  it('keeps empty fields and skips blank lines', () => {
    expect(parse('a,,c\n\n,,\n')).toEqual([
      { line: 1, fields: ['a', '', 'c'] },
      { line: 3, fields: ['', '', ''] },
    ]);
  });

  it('drops a leading UTF-8 BOM', () => {
    expect(parse('\ufeff宛名番号,姓\n1,田中\n')[0]?.fields).toEqual(['宛名番号', '姓']);
  });

  it('refuses an unterminated quote at the line it opened', () => {
    expect(parseCsv('a\n"open,\nmore')).toEqual({
      ok: false,
      error: { line: 2, code: 'CSV_UNTERMINATED_QUOTE' },
    });
  });

  it('refuses a quote inside an unquoted field and text after a closing quote', () => {
    expect(parseCsv('ab"c\n')).toEqual({ ok: false, error: { line: 1, code: 'CSV_BAD_QUOTE' } });
    expect(parseCsv('x\n"ab"c\n')).toEqual({ ok: false, error: { line: 2, code: 'CSV_BAD_QUOTE' } });
  });
});
