import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { pack } from './packed.js';
import { maskPenalty } from './penalty.js';

/** ISO/IEC 18004 §7.8.3 module by module, the plain way: the reference for the packed implementation. */
function reference(d: Uint8Array, size: number): number {
  let score = 0;
  const at = (r: number, c: number) => d[r * size + c]!;
  for (const lineAt of [(a: number, b: number) => at(a, b), (a: number, b: number) => at(b, a)]) {
    for (let a = 0; a < size; a++) {
      let run = 1;
      for (let b = 1; b <= size; b++) {
        if (b < size && lineAt(a, b) === lineAt(a, b - 1)) run++;
        else {
          if (run >= 5) score += 3 + (run - 5);
          run = 1;
        }
      }
      for (let b = 0; b + 11 <= size; b++) {
        const bits = Array.from({ length: 11 }, (_, k) => lineAt(a, b + k)).join('');
        if (bits === '10111010000' || bits === '00001011101') score += 40;
      }
    }
  }
  for (let r = 0; r + 1 < size; r++) {
    for (let c = 0; c + 1 < size; c++) {
      const sum = at(r, c) + at(r, c + 1) + at(r + 1, c) + at(r + 1, c + 1);
      if (sum === 0 || sum === 4) score += 3;
    }
  }
  const dark = d.reduce((n, v) => n + v, 0);
  return score + Math.floor(Math.abs((dark * 100) / (size * size) - 50) / 5) * 10;
}

describe('QR mask penalty', () => {
  it('scores packed modules exactly as the plain module-by-module rules do', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) >> 16) & 1;
    for (const size of [21, 33, 45, 101, 177]) {
      const noise = Uint8Array.from({ length: size * size }, random);
      expect(maskPenalty(pack(noise, size)), `noise ${size}`).toBe(reference(noise, size));
      const symbol = QRCode.create('x'.repeat(size * 2), { errorCorrectionLevel: 'L' }).modules;
      expect(maskPenalty(pack(symbol.data, symbol.size))).toBe(reference(symbol.data, symbol.size));
    }
  });
});
