import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { myNumberCheckDigit } from '../my-number.js';
import { openSqliteRecordStore, type SqliteRecordStore } from '../store.js';
import { testMasterKey } from '../test-support/keys.js';
import { importTargetList } from './import-target-list.js';

const CODE = '131024';
const MN1 = '482109375610'; // valid check digits (the demo's)
const MN2 = '730582164906';
const HEADER =
  '宛名番号,個人番号,接種券番号,姓,名,セイ,メイ,生年月日,性別,状態,接種日1,ワクチン種類1,製品名1,メーカー1,ロット番号1';
const DOSE = '2021-06-01,COVID-19 mRNA,コミナティ筋注,ファイザー社,FA1234';
const row = (addressee: string, myNumber: string, rest = `1985-04-02,female,resident,${DOSE}`) =>
  `${addressee},${myNumber},T001,佐藤,花子,サトウ,ハナコ,${rest}`;
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';

let store: SqliteRecordStore;
beforeEach(() => {
  store = openSqliteRecordStore({ file: ':memory:', masterKey: testMasterKey() });
  store.addMunicipality({ code: CODE, name: { ja: '中央区', en: 'Chuo-ku' } });
});
afterEach(() => store.close());

const codes = (text: string, code = CODE) => {
  const r = importTargetList(store, code, text);
  return r.ok ? [] : r.error.map((e) => [e.line, e.column, e.code]);
};

describe('importTargetList', () => {
  it('imports every row with its doses', async () => {
    const r = importTargetList(
      store,
      CODE,
      csv(row('A1', MN1), row('A2', MN2, '1950-12-31,male,deceased,,,,,')),
    );
    expect(r).toEqual({ ok: true, value: { rows: 2, created: 2, alreadyRegistered: 0 } });
    const found = await store.lookup(CODE, MN1);
    expect(found.ok && found.value).toMatchObject({
      addresseeNumber: 'A1',
      familyNameKana: 'サトウ',
      doses: [{ doseNumber: 1, date: '2021-06-01', lot: 'FA1234' }],
    });
    const other = await store.lookup(CODE, MN2);
    expect(other.ok && other.value).toMatchObject({ status: 'deceased', doses: [] });
  });

  it('reads quoted fields and a BOM', async () => {
    const text = '\ufeff' + csv(row('"A1"', MN1).replace('佐藤', '"佐藤, ""旧姓 鈴木"""'));
    expect(importTargetList(store, CODE, text).ok).toBe(true);
    const found = await store.lookup(CODE, MN1);
    expect(found.ok && found.value.familyName).toBe('佐藤, "旧姓 鈴木"');
  });

  it('reports every bad row and imports nothing', async () => {
    const bad = '482109375611'; // check digit off by one
    const text = csv(
      row('A1', MN1),
      row('A2', bad),
      row('A3', MN2, '1985-02-30,female,resident,' + DOSE),
      row('A3', '', '1985-04-02,other,away,' + DOSE.replace('FA1234', '')),
      row('A1', MN1),
      'A9,too,few',
    );
    expect(codes(text)).toEqual([
      [3, '個人番号', 'INVALID_MY_NUMBER'],
      [4, '生年月日', 'INVALID_DATE'],
      [5, '個人番号', 'MISSING_VALUE'],
      [5, '性別', 'INVALID_SEX'],
      [5, '状態', 'INVALID_STATUS'],
      [5, 'ロット番号1', 'INCOMPLETE_DOSE'],
      [5, '宛名番号', 'DUPLICATE_ADDRESSEE_NUMBER'],
      [6, '宛名番号', 'DUPLICATE_ADDRESSEE_NUMBER'],
      [6, '個人番号', 'DUPLICATE_MY_NUMBER'],
      [7, undefined, 'WRONG_FIELD_COUNT'],
    ]);
    expect((await store.lookup(CODE, MN1)).ok).toBe(false);
  });

  it('never puts a value into an error', () => {
    const r = importTargetList(store, CODE, csv(row('A1', '482109375611')));
    expect(JSON.stringify(r)).not.toContain('482109375611');
    expect(JSON.stringify(r)).not.toContain('佐藤');
  });

  it('refuses an unknown municipality before reading the file', () => {
    expect(codes(csv(row('A1', MN1)), '999999')).toEqual([[0, undefined, 'UNKNOWN_MUNICIPALITY']]);
  });

  it('checks the header: missing, unknown, duplicate columns and partial dose groups', () => {
    const header = HEADER.replace('状態,', '').replace(',ロット番号1', ',ロット1,姓');
    expect(codes(header + '\n')).toEqual([
      [1, 'ロット1', 'UNKNOWN_COLUMN'],
      [1, '姓', 'DUPLICATE_COLUMN'],
      [1, '状態', 'MISSING_COLUMN'],
      [1, 'ロット番号1', 'MISSING_COLUMN'],
    ]);
  });

  it('reports CSV syntax errors and an empty file', () => {
    expect(codes(csv(row('A1', MN1)) + '"open')).toEqual([[3, undefined, 'CSV_UNTERMINATED_QUOTE']]);
    expect(codes('A"1\n')).toEqual([[1, undefined, 'CSV_BAD_QUOTE']]);
    expect(codes('\ufeff')).toEqual([[0, undefined, 'EMPTY_FILE']]);
  });

  it('leaves known 宛名番号 unchanged on re-import, and rolls back on a My Number taken by another', async () => {
    expect(importTargetList(store, CODE, csv(row('A1', MN1))).ok).toBe(true);
    const again = importTargetList(store, CODE, csv(row('A1', MN1), row('A2', MN2)));
    expect(again).toEqual({ ok: true, value: { rows: 2, created: 1, alreadyRegistered: 1 } });
    expect(codes(csv(row('A3', '100000000005'), row('A4', MN1)))).toEqual([
      [3, '個人番号', 'MY_NUMBER_ALREADY_REGISTERED'],
    ]);
    // A3 was valid and came first, but the whole file was rolled back.
    expect((await store.lookup(CODE, '100000000005')).ok).toBe(false);
  });
});

describe('importTargetList: passport columns', () => {
  const PASSPORT_HEADER = `${HEADER},ローマ字氏名,国籍,旅券番号,旧姓・別姓・別名`;
  const withPassport = (...rows: string[]) => [PASSPORT_HEADER, ...rows].join('\n') + '\n';
  const passportRow = (addressee: string, myNumber: string, passport: string) =>
    `${row(addressee, myNumber)},${passport}`;
  const myNumber = (first11: string) => `${first11}${myNumberCheckDigit(first11)}`;

  it('imports the passport data, trimmed, and the looked-up record carries it', async () => {
    const text = withPassport(
      passportRow('A1', MN1, ' SATO HANAKO ,JPN , TK1234567,"\tYAMAMOTO "'),
      passportRow('A2', MN2, ',,,'),
    );
    expect(importTargetList(store, CODE, text)).toEqual({
      ok: true,
      value: { rows: 2, created: 2, alreadyRegistered: 0 },
    });
    const found = await store.lookup(CODE, MN1);
    expect(found.ok && found.value.passport).toEqual({
      romanizedName: 'SATO HANAKO',
      nationality: 'JPN',
      passportNumber: 'TK1234567',
      otherNames: 'YAMAMOTO',
    });
    const none = await store.lookup(CODE, MN2);
    expect(none.ok && 'passport' in none.value).toBe(false);
  });

  it('takes the three passport columns without 旧姓・別姓・別名, in any order', async () => {
    const text = `旅券番号,${HEADER},国籍,ローマ字氏名\nTZ2345678,${row('A1', MN1)},USA,"O'BRIEN MARY-ANN"\n`;
    expect(importTargetList(store, CODE, text).ok).toBe(true);
    const found = await store.lookup(CODE, MN1);
    expect(found.ok && found.value.passport).toEqual({
      romanizedName: "O'BRIEN MARY-ANN",
      nationality: 'USA',
      passportNumber: 'TZ2345678',
    });
  });

  it('reports each passport problem at its line and column, and imports nothing', async () => {
    const text = withPassport(
      passportRow('A1', MN1, 'SATO HANAKO,JPN,TK1234567,'),
      passportRow('A2', MN2, ',JPN,,'),
      passportRow('A3', myNumber('10000000000'), ',,,YAMAMOTO'),
      passportRow('A4', myNumber('20000000000'), 'Sato Hanako,jpn,tk1234567,'),
      passportRow('A5', myNumber('30000000000'), 'ＳＡＴＯ,JP,TK-123,'),
      passportRow('A6', myNumber('40000000000'), 'SATO  HANAKO,JAPAN,TK1234567890123,'),
    );
    expect(codes(text)).toEqual([
      [3, 'ローマ字氏名', 'INCOMPLETE_PASSPORT'],
      [3, '旅券番号', 'INCOMPLETE_PASSPORT'],
      [4, 'ローマ字氏名', 'INCOMPLETE_PASSPORT'],
      [4, '国籍', 'INCOMPLETE_PASSPORT'],
      [4, '旅券番号', 'INCOMPLETE_PASSPORT'],
      [5, 'ローマ字氏名', 'INVALID_ROMANIZED_NAME'],
      [5, '国籍', 'INVALID_NATIONALITY'],
      [5, '旅券番号', 'INVALID_PASSPORT_NUMBER'],
      [6, 'ローマ字氏名', 'INVALID_ROMANIZED_NAME'],
      [6, '国籍', 'INVALID_NATIONALITY'],
      [6, '旅券番号', 'INVALID_PASSPORT_NUMBER'],
      [7, 'ローマ字氏名', 'INVALID_ROMANIZED_NAME'],
      [7, '国籍', 'INVALID_NATIONALITY'],
      [7, '旅券番号', 'INVALID_PASSPORT_NUMBER'],
    ]);
    // Row 2 was valid, but the file is all or nothing.
    expect((await store.lookup(CODE, MN1)).ok).toBe(false);
    expect(JSON.stringify(importTargetList(store, CODE, text))).not.toMatch(/HANAKO|Hanako|YAMAMOTO|JAPAN/);
  });

  it('refuses a romanized name with a comma or a leading, trailing or doubled separator', () => {
    for (const name of ['-SATO', 'SATO,', "SATO ''HANAKO", 'SATO, HANAKO', 'SATŌ'])
      expect(codes(withPassport(passportRow('A1', MN1, `"${name}",JPN,TK1234567,`)))).toEqual([
        [2, 'ローマ字氏名', 'INVALID_ROMANIZED_NAME'],
      ]);
  });

  it('wants all three of ローマ字氏名, 国籍 and 旅券番号 once any passport column is in the header', () => {
    expect(codes(`${HEADER},国籍\n`)).toEqual([
      [1, 'ローマ字氏名', 'MISSING_COLUMN'],
      [1, '旅券番号', 'MISSING_COLUMN'],
    ]);
    expect(codes(`${HEADER},旧姓・別姓・別名\n`)).toEqual([
      [1, 'ローマ字氏名', 'MISSING_COLUMN'],
      [1, '国籍', 'MISSING_COLUMN'],
      [1, '旅券番号', 'MISSING_COLUMN'],
    ]);
  });
});
