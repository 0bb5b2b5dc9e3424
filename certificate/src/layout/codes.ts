/**
 * Sizes of the printed codes. A module of at least 0.5 mm (3.9 dots at 200 dpi, 11.8 at 600) reads reliably from
 * paper with phone cameras and kiosk scanners; the squares are at least 150 pt (53 mm) so small codes print
 * with bigger modules rather than smaller squares.
 */
import { sideInModules } from '../qr/draw.js';
import type { QrSymbol } from '../qr/symbol.js';

export const MIN_MODULE = (0.5 / 25.4) * 72;
const PREFERRED_SIDE = 150;

export interface CodeSize {
  readonly side: number;
  readonly moduleSize: number;
}

export function codeSize(symbol: QrSymbol): CodeSize {
  const modules = sideInModules(symbol);
  const moduleSize = Math.max(MIN_MODULE, PREFERRED_SIDE / modules);
  return { side: moduleSize * modules, moduleSize };
}
