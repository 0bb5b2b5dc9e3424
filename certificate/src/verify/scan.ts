/**
 * Finds the QR codes on a printed certificate with third-party tools, so the verifier reads what a phone or border
 * scanner would: poppler's pdftoppm rasterises the PDF at 200 dpi (the print resolution the codes are made for) and
 * zbar's zbarimg decodes every QR code on each page.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Result } from '@kiosk/protocol';

export const SCAN_DPI = 200;

export type ScanError =
  | { readonly kind: 'tool-missing'; readonly tool: 'pdftoppm' | 'zbarimg'; readonly install: string }
  | { readonly kind: 'tool-failed'; readonly tool: 'pdftoppm' | 'zbarimg'; readonly detail: string };

export function describeScanError(error: ScanError): string {
  return error.kind === 'tool-missing'
    ? `${error.tool} is not installed; it is needed to read QR codes from files (apt-get install ${error.install})`
    : `${error.tool} failed: ${error.detail}`;
}

const PACKAGE = { pdftoppm: 'poppler-utils', zbarimg: 'zbar-tools' } as const;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(tool: 'pdftoppm' | 'zbarimg', args: string[]): Promise<Result<Run, ScanError>> {
  return new Promise((resolve) => {
    execFile(tool, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      if (code === 'ENOENT')
        resolve({ ok: false, error: { kind: 'tool-missing', tool, install: PACKAGE[tool] } });
      else
        resolve({
          ok: true,
          value: { code: typeof code === 'number' ? code : error ? 1 : 0, stdout, stderr },
        });
    });
  });
}

/** zbarimg exits 4 when an image holds no code: that is an empty answer, not a failure. */
const NO_SYMBOLS = 4;

async function decodeImages(files: string[]): Promise<Result<string[], ScanError>> {
  if (files.length === 0) return { ok: true, value: [] };
  const out = await run('zbarimg', ['--raw', '--quiet', '-Sdisable', '-Sqrcode.enable', ...files]);
  if (!out.ok) return out;
  if (out.value.code !== 0 && out.value.code !== NO_SYMBOLS) {
    return { ok: false, error: { kind: 'tool-failed', tool: 'zbarimg', detail: out.value.stderr.trim() } };
  }
  // --raw prints each symbol's data on its own line; neither code ever contains a line break.
  return { ok: true, value: out.value.stdout.split('\n').filter((line) => line.length > 0) };
}

async function inTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'certificate-scan-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function scanPng(png: Uint8Array): Promise<Result<string[], ScanError>> {
  return inTempDir(async (dir) => {
    const file = join(dir, 'image.png');
    await writeFile(file, png);
    return decodeImages([file]);
  });
}

export function scanPdf(pdf: Uint8Array): Promise<Result<string[], ScanError>> {
  return inTempDir(async (dir) => {
    const file = join(dir, 'certificate.pdf');
    await writeFile(file, pdf);
    const raster = await run('pdftoppm', ['-r', String(SCAN_DPI), '-png', file, join(dir, 'page')]);
    if (!raster.ok) return raster;
    if (raster.value.code !== 0) {
      return {
        ok: false,
        error: { kind: 'tool-failed', tool: 'pdftoppm', detail: raster.value.stderr.trim() },
      };
    }
    const pages = (await readdir(dir)).filter((f) => f.startsWith('page') && f.endsWith('.png')).sort();
    return decodeImages(pages.map((p) => join(dir, p)));
  });
}
