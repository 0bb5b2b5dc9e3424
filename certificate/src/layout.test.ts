import type { Dose } from '@kiosk/protocol';
import { describe, expect, it } from 'vitest';
import { composeCertificate, layoutPage } from './compose.js';
import type { CertificateContent } from './content.js';
import { A4, type Item, type Rect } from './layout/sheet.js';
import {
  overseasContent,
  SEVEN_DOSES,
  domesticContent,
  shcText,
  vdsNcText,
} from './test-support/fixtures.js';
import { pdfText } from './test-support/poppler.js';

const codesFor = (content: CertificateContent) =>
  content.variant === 'overseas'
    ? { shc: shcText(1195), vdsNc: vdsNcText(600 + 70 * content.doses.length, content.doses.length) }
    : { shc: shcText(1195) };

const inside = (r: Rect, box: Rect) =>
  r.x >= box.x - 1e-6 &&
  r.y >= box.y - 1e-6 &&
  r.x + r.w <= box.x + box.w + 1e-6 &&
  r.y + r.h <= box.y + box.h + 1e-6;

/** The em box of a text line: what the glyphs of both faces stay within. */
const emBox = (t: Extract<Item, { kind: 'text' }>): Rect => ({
  x: t.x,
  y: t.baseline - t.size * 0.12,
  w: t.width,
  h: t.size,
});

function expectEverythingInside(content: CertificateContent) {
  const sheet = layoutPage(content, codesFor(content));
  if (!sheet.ok) throw new Error(`${sheet.error.reason}: ${sheet.error.detail}`);
  const page = { x: 20, y: 20, w: A4.w - 40, h: A4.h - 40 };
  for (const item of sheet.value.items) {
    if (item.kind === 'text') {
      const text = item.glyphs.map((g) => g.text).join('');
      expect(inside(emBox(item), item.bounds), `"${text}" leaves its box`).toBe(true);
      expect(inside(item.bounds, page), `"${text}" has a box off the page`).toBe(true);
    } else if (item.kind === 'line') {
      expect(
        inside(
          {
            x: Math.min(item.from[0], item.to[0]),
            y: Math.min(item.from[1], item.to[1]),
            w: Math.abs(item.to[0] - item.from[0]),
            h: Math.abs(item.to[1] - item.from[1]),
          },
          page,
        ),
      ).toBe(true);
    } else {
      expect(inside(item.rect, page), item.kind).toBe(true);
    }
  }
  return sheet.value;
}

/** The longest values the record store plausibly holds. */
const long = (dose: Dose): Dose => ({
  ...dose,
  vaccineType: 'COVID-19 組換えタンパクワクチン',
  product: 'コミナティRTU筋注（2価：起源株/オミクロン株BA.4-5）',
  manufacturer: '武田薬品工業株式会社（ノババックス）',
  lot: 'ABCDEFGHIJ1234567890',
});

/** Values no record holds, to see the page refuse rather than overflow. */
const absurd = (dose: Dose): Dose => ({
  ...dose,
  vaccineType: 'COVID-19 組換えタンパクワクチン（アジュバント添加）'.repeat(2),
  product:
    'ヌバキソビッド筋注 1人用 組換えコロナウイルス（SARS-CoV-2）ワクチン（2価：起源株／オミクロン株XBB.1.5）'.repeat(
      2,
    ),
  manufacturer: '武田薬品工業株式会社（製造販売元）ノババックス社（製造元）',
  lot: 'ABCDEFGHIJ1234567890ABCDEFGHIJ',
});

describe('page layout', () => {
  it.each([1, 2, 3, 4, 5, 6, 7])(
    'fits %i doses on one page in both variants, nothing outside its box',
    (n) => {
      for (const base of [domesticContent, overseasContent]) {
        const sheet = expectEverythingInside({ ...base, doses: SEVEN_DOSES.slice(0, n) });
        const texts = sheet.items
          .filter((i) => i.kind === 'text')
          .map((i) => i.glyphs.map((g) => g.text).join(''));
        for (const dose of SEVEN_DOSES.slice(0, n)) expect(texts).toContain(dose.lot);
      }
    },
  );

  it('wraps or shrinks long products, makers, lots and names into their cells, 7 doses still on one page', async () => {
    const content: CertificateContent = {
      ...overseasContent,
      municipality: {
        code: '143821',
        name: { ja: '足柄下郡箱根町', en: 'Hakone Town, Ashigarashimo District' },
        mayorTitle: { ja: '足柄下郡箱根町長', en: 'Mayor of Hakone Town, Ashigarashimo District' },
      },
      person: {
        familyName: '勅使河原',
        givenName: '左衛門三郎',
        familyNameKana: 'テシガワラ',
        givenNameKana: 'サエモンサブロウ',
        birthDate: '1931-02-28',
      },
      doses: SEVEN_DOSES.map(long),
      passport: {
        romanizedName: 'TESHIGAWARA SAEMONSABURO WOLFESCHLEGELSTEINHAUSEN',
        nationality: 'JPN',
        passportNumber: 'TZ12345678AB',
        otherNames: 'YAMANOUCHI-FUJIWARANOKAMI SAEMONSABURO',
      },
    };
    expectEverythingInside(content);
    expectEverythingInside({ ...content, variant: 'domestic', passport: undefined });
    const pdf = await composeCertificate(content, codesFor(content));
    if (!pdf.ok) throw new Error(pdf.error.detail);
    const text = pdfText(pdf.value).replace(/\s+/g, '');
    for (const expected of [
      'ABCDEFGHIJ1234567890',
      'TESHIGAWARASAEMONSABUROWOLFESCHLEGELSTEINHAUSEN',
      '足柄下郡箱根町長',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('says the content is too long, rather than overflowing, when doses cannot fit one page', () => {
    const doses = Array.from({ length: 16 }, (_, i) => long({ ...SEVEN_DOSES[i % 7]!, doseNumber: i + 1 }));
    const sheet = layoutPage(
      { ...overseasContent, doses },
      codesFor({ ...overseasContent, doses: SEVEN_DOSES }),
    );
    expect(sheet.ok ? 'fits' : sheet.error).toEqual({
      reason: 'CONTENT_TOO_LONG',
      detail: 'doses: 16 do not fit one page',
    });
    const overlong = { ...overseasContent, doses: SEVEN_DOSES.map(absurd) };
    const refused = layoutPage(overlong, codesFor(overlong));
    expect(refused.ok ? 'fits' : refused.error.reason).toBe('CONTENT_TOO_LONG');
  });
});
