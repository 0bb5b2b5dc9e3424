/** Finding codes in files with poppler and zbar, and saying clearly when those tools are missing. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { qrPng } from '../test-support/qr-png.js';
import { describeScanError, scanPdf, scanPng } from './scan.js';

const dir = mkdtempSync(join(tmpdir(), 'scan-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SHC = 'shc:/5676295953265460346029254077280433602870286567675422280928623725';
const VDS = '{"data":{"hdr":{"t":"icao.vacc","v":1,"is":"JPN"}},"sig":{}}';

/** An A4 PDF with QR images about 35 mm wide, the size a certificate prints them. */
async function pdfWith(texts: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  let x = 40;
  for (const [i, text] of texts.entries()) {
    const image = await doc.embedPng(await qrPng(text, join(dir, `pdf-${i}.png`)));
    page.drawImage(image, { x, y: 500, width: 100, height: 100 });
    x += 200;
  }
  return doc.save();
}

describe('scanning files for QR codes', () => {
  it('reads every code on a PDF page rasterised at 200 dpi', async () => {
    const found = await scanPdf(await pdfWith([SHC, VDS]));
    expect(found.ok && [...found.value].sort()).toEqual([SHC, VDS].sort());
  });

  it('reads a PNG, and finds nothing (not an error) where there is no code', async () => {
    expect(await scanPng(await qrPng(SHC, join(dir, 'one.png')))).toEqual({ ok: true, value: [SHC] });
    expect(await scanPdf(await pdfWith([]))).toEqual({ ok: true, value: [] });
  });

  it('says which tool is missing and which Debian package brings it', async () => {
    const path = process.env['PATH'];
    process.env['PATH'] = dir; // a folder without pdftoppm or zbarimg
    try {
      const pdf = await scanPdf(await pdfWith([]));
      const png = await scanPng(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
      expect(pdf).toEqual({
        ok: false,
        error: { kind: 'tool-missing', tool: 'pdftoppm', install: 'poppler-utils' },
      });
      expect(png).toEqual({
        ok: false,
        error: { kind: 'tool-missing', tool: 'zbarimg', install: 'zbar-tools' },
      });
      if (!png.ok)
        expect(describeScanError(png.error)).toMatch(/zbarimg is not installed.*apt-get install zbar-tools/);
    } finally {
      process.env['PATH'] = path;
    }
  });
});
