/**
 * Renders a code text as a QR PNG with the qrcode package, the way the certificate prints it (SHC: byte `shc:/`
 * then numeric digits, error correction L), so tests can decode it with zbarimg, a decoder that is not ours.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode, { type QRCodeSegment } from 'qrcode';
import { SHC_PREFIX } from '../codes/shc-numeric.js';

export function segmentsOf(text: string): QRCodeSegment[] {
  if (!text.startsWith(SHC_PREFIX)) return [{ mode: 'byte', data: Buffer.from(text, 'utf8') }];
  return [
    { mode: 'byte', data: Buffer.from(SHC_PREFIX, 'latin1') },
    { mode: 'numeric', data: text.slice(SHC_PREFIX.length) },
  ];
}

/** Writes `file` and returns its bytes. */
export async function qrPng(text: string, file: string): Promise<Uint8Array> {
  await QRCode.toFile(file, segmentsOf(text), {
    type: 'png',
    errorCorrectionLevel: 'L',
    scale: 4,
    margin: 4,
  });
  return new Uint8Array(readFileSync(file));
}

/** zbarimg's reading of a PNG, one line per code. */
export function zbarimg(file: string): string[] {
  const out = execFileSync('zbarimg', ['--raw', '--quiet', file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return out.split('\n').filter(Boolean);
}

export const pngPath = (dir: string, name: string): string => join(dir, `${name}.png`);
