/** The Debian tools tests read a certificate with, as a person's printer and phone would see it. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Gray {
  readonly width: number;
  readonly height: number;
  /** Row-major, 0 = black, 255 = white. */
  readonly pixels: Uint8Array;
  readonly dpi: number;
}

export function withPdfFile<T>(pdf: Uint8Array, use: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'certificate-'));
  try {
    const file = join(dir, 'c.pdf');
    writeFileSync(file, pdf);
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const pdfText = (pdf: Uint8Array): string =>
  withPdfFile(pdf, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));

/** The page rasterised in gray (PGM). */
export function rasterize(pdf: Uint8Array, dpi: number): Gray {
  const pgm = withPdfFile(pdf, (file) =>
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-singlefile', file], { maxBuffer: 1 << 26 }),
  );
  // P5\n<w> <h>\n255\n<pixels>
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PGM');
  return {
    width: Number(header[1]),
    height: Number(header[2]),
    pixels: pgm.subarray(header[0].length),
    dpi,
  };
}

/** The QR texts zbarimg reads from the page printed at `dpi`. */
export function scanCodes(pdf: Uint8Array, dpi = 200): string[] {
  return withPdfFile(pdf, (file) => {
    const png = file.replace(/\.pdf$/, '');
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', file, png]);
    const out = execFileSync('zbarimg', ['--quiet', '--raw', '-Sqrcode.enable', `${png}.png`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.split('\n').filter((line) => line.length > 0);
  });
}

/** A region in PDF points (bottom-left origin) cut from a raster. */
export function crop(image: Gray, rect: { x: number; y: number; w: number; h: number }): Gray {
  const k = image.dpi / 72;
  const x0 = Math.floor(rect.x * k);
  const x1 = Math.ceil((rect.x + rect.w) * k);
  const y0 = Math.floor(image.height - (rect.y + rect.h) * k);
  const y1 = Math.ceil(image.height - rect.y * k);
  const width = x1 - x0;
  const pixels = new Uint8Array(width * (y1 - y0));
  for (let y = y0; y < y1; y++)
    pixels.set(image.pixels.subarray(y * image.width + x0, y * image.width + x1), (y - y0) * width);
  return { width, height: y1 - y0, pixels, dpi: image.dpi };
}

export const darkPixels = (image: Gray): number => image.pixels.filter((v) => v < 128).length;

export function differingPixels(a: Gray, b: Gray, tolerance = 96): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error('images differ in size');
  let count = 0;
  for (let i = 0; i < a.pixels.length; i++) if (Math.abs(a.pixels[i]! - b.pixels[i]!) > tolerance) count++;
  return count;
}
