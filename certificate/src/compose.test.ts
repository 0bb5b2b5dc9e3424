import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { composeCertificate } from './compose.js';
import type { CertificateContent } from './content.js';
import { defaultMayorTitle } from './content.js';
import { certificateFontFiles } from './fonts.js';
import { domesticCodes, domesticContent, overseasCodes, overseasContent } from './test-support/fixtures.js';
import { pdfText, withPdfFile } from './test-support/poppler.js';

async function compose(
  content: CertificateContent,
  codes = content.variant === 'overseas' ? overseasCodes : domesticCodes,
) {
  const result = await composeCertificate(content, codes);
  if (!result.ok) throw new Error(`${result.error.reason}: ${result.error.detail}`);
  return result.value;
}

describe('certificate composer', () => {
  it('prints the domestic variant in Japanese: name, kana, birth date, doses, ID, issuer', async () => {
    const text = pdfText(await compose(domesticContent));
    for (const expected of [
      '新型コロナウイルス感染症予防接種証明書',
      '日本国内用',
      '佐藤 花子',
      'サトウ ハナコ',
      '1985-04-12',
      '3回目',
      '2021-12-18',
      'COVID-19 mRNA',
      'コミナティ筋注',
      'ファイザー社',
      'FK0108',
      '131024-C-20261121-0001',
      '2026-11-21',
      '中央区長',
      'SMART Health Card',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Vaccination Certificate');
    expect(text).not.toContain('VDS-NC 形式');
  });

  it('prints the overseas variant in Japanese and English with the passport facts', async () => {
    const text = pdfText(await compose(overseasContent));
    for (const expected of [
      'Vaccination Certificate for COVID-19',
      '海外用及び日本国内用',
      'SATO HANAKO',
      'JPN',
      'TK1234567',
      'Dose 3',
      'Comirnaty',
      'Pfizer',
      'Mayor of Chuo City',
      'ICAO VDS-NC',
      'How to verify',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('makes one A4 page with every font embedded as a subset, and keeps the name out of the metadata', async () => {
    const pdf = await compose(overseasContent);
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round((width / 72) * 25.4), Math.round((height / 72) * 25.4)]).toEqual([210, 297]);
    expect(doc.getTitle()).toBe('新型コロナウイルス感染症予防接種証明書 131024-C-20261121-0002');
    const fonts = withPdfFile(pdf, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
    const rows = fonts.split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes yes yes /);
  });

  it('gives the same bytes for the same content, and leaves the font files as they were', async () => {
    const files = certificateFontFiles();
    if (!files.ok) throw new Error(files.error.detail);
    const digest = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    const before = [files.value.gothic, files.value.gothicBold, files.value.mincho].map(digest);
    const first = await compose(overseasContent);
    expect(digest(await compose(overseasContent))).toBe(digest(first));
    expect([files.value.gothic, files.value.gothicBold, files.value.mincho].map(digest)).toEqual(before);
  });

  it('refuses content that contradicts its variant', async () => {
    const reason = async (content: CertificateContent, codes = overseasCodes) => {
      const result = await composeCertificate(content, codes);
      return result.ok ? 'composed' : result.error.reason;
    };
    expect(await reason({ ...overseasContent, passport: undefined })).toBe('CONTENT_INVALID');
    expect(await reason({ ...overseasContent, doses: [] })).toBe('CONTENT_INVALID');
  });

  it('titles the mayor after the municipality by default', () => {
    expect(defaultMayorTitle({ ja: '印西市', en: 'Inzai City' })).toEqual({
      ja: '印西市長',
      en: 'Mayor of Inzai City',
    });
  });
});
