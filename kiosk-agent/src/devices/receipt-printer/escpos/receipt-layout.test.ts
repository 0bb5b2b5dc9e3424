// The receipt's lines (fields, Japan time, yen, column widths) and its ESC/POS framing.
import { describe, expect, it } from 'vitest';
import type { Receipt } from '../receipt-printer.js';
import { displayWidth } from './encoder.js';
import { japanTime, receiptBytes, receiptLines, wrap, yen } from './receipt-layout.js';

const receipt: Receipt = {
  kioskId: 'K-0001',
  certificateKind: 'vaccination',
  copies: 2,
  feeYen: 240,
  printedAt: new Date('2025-01-02T04:45:00Z'),
};
const layout = { supportPhone: '0120-000-000' };

describe('receiptLines', () => {
  it('lays out the listed fields, Japanese first and English beneath', () => {
    const lines = receiptLines(receipt, layout);
    expect(lines.map((l) => l.text.trimStart())).toEqual([
      '領収書',
      'ご利用明細 / Receipt',
      '-'.repeat(42),
      '端末 Kiosk                          K-0001',
      '日時 Date             2025/01/02 13:45 JST',
      '-'.repeat(42),
      '証明書 Certificate      ワクチン接種証明書',
      'Vaccination certificate',
      '枚数 Copies                              2',
      '金額 Fee                             ￥240',
      '-'.repeat(42),
      'お問い合わせ Support          0120-000-000',
      '',
      'この控えに個人情報は含まれません。',
      'This slip holds no personal data.',
    ]);
    expect(lines[0]).toEqual({ text: '領収書', align: 'center', large: true });
    expect(lines.every((l) => displayWidth(l.text) <= 42)).toBe(true);
  });

  it('adds the store, variant and certificate IDs when given, and fits a narrower paper', () => {
    const lines = receiptLines(
      { ...receipt, variant: 'overseas', certificateIds: ['131024-ABCDEFGH1234'] },
      { ...layout, storeName: 'ファミリー駅前店', width: 32 },
    ).map((l) => l.text);
    expect(lines).toContain('店舗 Store      ファミリー駅前店');
    expect(lines).toContain('種類 Type   海外用及び日本国内用');
    expect(lines).toContain('     For use abroad and in Japan');
    expect(lines).toContain('証明書ID Certificate ID');
    expect(lines).toContain('             131024-ABCDEFGH1234');
    expect(lines.every((l) => displayWidth(l) <= 32)).toBe(true);
  });

  it("puts a value too long for the label's line on its own lines, right-aligned", () => {
    const lines = receiptLines(receipt, { ...layout, storeName: 'ファミリーストア駅前店', width: 32 }).map(
      (l) => l.text,
    );
    expect(lines).toContain('店舗 Store');
    expect(lines).toContain('          ファミリーストア駅前店');
  });

  it('prints an unknown kind or variant by its code', () => {
    const lines = receiptLines({ ...receipt, certificateKind: 'seal', variant: 'x' }, layout).map(
      (l) => l.text,
    );
    expect(lines.some((l) => l.endsWith(' seal'))).toBe(true);
    expect(lines.some((l) => l.endsWith(' x'))).toBe(true);
  });
});

describe('formats', () => {
  it('shows Japan time whatever the machine zone', () => {
    expect(japanTime(new Date('2024-12-31T15:05:00Z'))).toBe('2025/01/01 00:05 JST');
  });

  it('writes yen with thousands separators', () => {
    expect(yen(0)).toBe('￥0');
    expect(yen(1200)).toBe('￥1,200');
    expect(yen(1234567)).toBe('￥1,234,567');
  });

  it('wraps by columns, a Kanji being two', () => {
    expect(wrap('あいうえお', 4)).toEqual(['あい', 'うえ', 'お']);
    expect(wrap('abcdef', 4)).toEqual(['abcd', 'ef']);
  });
});

describe('receiptBytes', () => {
  it('starts with ESC @, ESC t 1, FS & FS C 1; the title is double size; it ends with the cut', () => {
    const hex = Buffer.from(receiptBytes(receipt, layout)).toString('hex');
    expect(hex.startsWith('1b40' + '1b7401' + '1c261c4301')).toBe(true);
    expect(hex).toContain('1b6101' + '1d2111' + '1b4501' + '97cc8efb8f91' + '0a' + '1d2100' + '1b4500');
    expect(hex).toContain('838f834e8360839390da8eed8fd896be8f91'); // ワクチン接種証明書
    expect(hex).toContain('818f323430'); // ￥240
    expect(hex.endsWith('0a' + '1d564200')).toBe(true);
  });
});
