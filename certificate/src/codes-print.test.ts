import { describe, expect, it } from 'vitest';
import { composeCertificate, layoutPage } from './compose.js';
import { MIN_MODULE } from './layout/codes.js';
import {
  domesticCodes,
  domesticContent,
  overseasContent,
  shcText,
  vdsNcText,
} from './test-support/fixtures.js';
import { scanCodes } from './test-support/poppler.js';

const pdfOf = async (...args: Parameters<typeof composeCertificate>) => {
  const result = await composeCertificate(...args);
  if (!result.ok) throw new Error(`${result.error.reason}: ${result.error.detail}`);
  return result.value;
};

describe('printed codes', () => {
  it('read back exactly from the page at 200 dpi: the SMART Health Card (domestic)', async () => {
    const pdf = await pdfOf(domesticContent, domesticCodes);
    expect(scanCodes(pdf)).toEqual([domesticCodes.shc]);
  });

  it('read back exactly at 200 dpi: both codes of the overseas variant, at their largest', async () => {
    // 1195 JWS characters is the most one SHC QR code holds (version 22); 7 doses make a long VDS-NC.
    const codes = { shc: shcText(1195, 3), vdsNc: vdsNcText(1000, 7) };
    const pdf = await pdfOf(overseasContent, codes);
    expect(scanCodes(pdf).sort()).toEqual([codes.shc, codes.vdsNc].sort());
  });

  it('print modules of at least 0.5 mm with a 4-module quiet zone', () => {
    const sheet = layoutPage(overseasContent, { shc: shcText(1195), vdsNc: vdsNcText(1000, 7) });
    if (!sheet.ok) throw new Error(sheet.error.detail);
    const codes = sheet.value.items.filter((i) => i.kind === 'qr');
    expect(codes.map((c) => c.code).sort()).toEqual(['shc', 'vdsNc']);
    for (const c of codes) {
      expect(c.moduleSize).toBeGreaterThanOrEqual(MIN_MODULE - 1e-9);
      expect(c.rect.w).toBeCloseTo((c.symbol.size + 8) * c.moduleSize, 6);
      // Nothing else is drawn inside the square (the quiet zone stays light).
      for (const other of sheet.value.items) {
        if (other === c || other.kind === 'qr') continue;
        const r =
          other.kind === 'text'
            ? { x: other.x, y: other.baseline, w: other.width, h: other.size * 0.88 }
            : 'rect' in other
              ? other.rect
              : undefined;
        if (!r) continue;
        const overlaps =
          r.x < c.rect.x + c.rect.w &&
          r.x + r.w > c.rect.x &&
          r.y < c.rect.y + c.rect.h &&
          r.y + r.h > c.rect.y;
        expect(overlaps).toBe(false);
      }
    }
  });

  it('refuse code texts that are not what their format allows, or too long to print', async () => {
    const refuse = async (codes: { shc: string; vdsNc?: string }, content = overseasContent) => {
      const result = await composeCertificate(content, codes);
      return result.ok ? 'composed' : result.error.reason;
    };
    expect(await refuse({ shc: 'shc:/123', vdsNc: vdsNcText() })).toBe('CODE_INVALID');
    expect(await refuse({ shc: 'https://example.test', vdsNc: vdsNcText() })).toBe('CODE_INVALID');
    expect(await refuse({ shc: shcText(1196), vdsNc: vdsNcText() })).toBe('CODE_TOO_LONG');
    expect(await refuse({ shc: shcText(), vdsNc: vdsNcText(2400, 7) })).toBe('CODE_TOO_LONG');
    expect(await refuse({ shc: shcText() })).toBe('CONTENT_INVALID');
    expect(await refuse({ shc: shcText(), vdsNc: vdsNcText() }, domesticContent)).toBe('CONTENT_INVALID');
  });
});
