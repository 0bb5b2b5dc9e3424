import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeCertificate } from './compose.js';
import type { CertificateContent } from './content.js';

const dir = mkdtempSync(join(tmpdir(), 'compose-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const content: CertificateContent = {
  certificateId: '131024-TESTCERT0001',
  issuedOn: '2026-11-21',
  variant: 'overseas',
  municipality: { code: '131024', name: { ja: '中央区', en: 'Chuo City' } },
  person: {
    familyName: '佐藤',
    givenName: '花子',
    familyNameKana: 'サトウ',
    givenNameKana: 'ハナコ',
    birthDate: '1950-04-01',
  },
  doses: [
    {
      doseNumber: 1,
      date: '2021-06-01',
      vaccineType: 'COVID-19 mRNA',
      product: 'コミナティ筋注',
      manufacturer: 'ファイザー社',
      lot: 'FF2153',
    },
  ],
  passport: { romanizedName: 'SATO HANAKO', nationality: 'JPN', passportNumber: 'TK1234567' },
};

describe('certificate composer', () => {
  it('prints the name, dose and certificate ID in text a PDF reader can extract', async () => {
    const pdf = await composeCertificate(content);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const file = join(dir, 'c.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    for (const expected of [
      '佐藤 花子',
      'サトウ ハナコ',
      'SATO HANAKO',
      'FF2153',
      '131024-TESTCERT0001',
      '中央区長',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('renders every glyph of a subset font exactly as the full font does (no dropped CJK glyphs)', async () => {
    const raster = async (subsetFonts: boolean) => {
      const file = join(dir, `r-${subsetFonts}.pdf`);
      writeFileSync(file, await composeCertificate(content, { subsetFonts }));
      return execFileSync('pdftoppm', ['-r', '50', '-gray', file]);
    };
    const subset = await raster(true);
    const full = await raster(false);
    expect(subset.length).toBe(full.length);
    let differing = 0;
    for (let i = 0; i < subset.length; i++) if (Math.abs((subset[i] ?? 0) - (full[i] ?? 0)) > 96) differing++;
    expect(differing).toBe(0);
    // And the page is not blank: the name, doses and IDs put real ink on it.
    const dark = [...subset.subarray(subset.length - 414 * 585)].filter((v) => v < 128).length;
    expect(dark).toBeGreaterThan(2000);
  });
});
