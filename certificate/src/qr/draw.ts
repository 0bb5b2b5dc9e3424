/**
 * A QR symbol as PDF path operators: one rectangle per horizontal run of dark modules, filled once. Vectors stay
 * crisp at any printer resolution, and one fill of one path leaves no hairline seams between modules. The path is
 * drawn in module units under a scaling `cm`, so every coordinate is a small integer.
 */
import { num } from '../pdf/numbers.js';
import type { QrSymbol } from './symbol.js';

/** Light modules around the symbol (ISO/IEC 18004 asks for 4). */
export const QUIET_ZONE = 4;

/** Side of the printed square, quiet zone included, in modules. */
export const sideInModules = (symbol: QrSymbol): number => symbol.size + 2 * QUIET_ZONE;

/** Operators that fill the dark modules; (x, y) is the bottom-left corner of the quiet zone, in points. */
export function qrOperators(symbol: QrSymbol, x: number, y: number, moduleSize: number): string {
  const { size, modules } = symbol;
  const origin = `${num(x + QUIET_ZONE * moduleSize)} ${num(y + QUIET_ZONE * moduleSize)}`;
  const parts: string[] = [`q ${num(moduleSize)} 0 0 ${num(moduleSize)} ${origin} cm 0 g`];
  for (let row = 0; row < size; row++) {
    const at = row * size;
    const rowY = size - 1 - row;
    let col = 0;
    while (col < size) {
      if (!modules[at + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && modules[at + col]) col++;
      parts.push(`${start} ${rowY} ${col - start} 1 re`);
    }
  }
  parts.push('f Q');
  return parts.join('\n');
}
