/**
 * Writes a symbol's 15 format bits (error correction level + mask, BCH-protected; ISO/IEC 18004 §7.9) in the two
 * places they go, in the same order as the qrcode package, so a mask chosen here needs no second encoding.
 */
const EC_BITS = { L: 1, M: 0, Q: 3, H: 2 } as const;
export type EcLevel = keyof typeof EC_BITS;

const G15 = 0x537;
const G15_MASK = 0x5412;

function encodedBits(level: EcLevel, mask: number): number {
  const data = (EC_BITS[level] << 3) | mask;
  let rem = data << 10;
  for (let bit = 14; bit >= 10; bit--) if ((rem >> bit) & 1) rem ^= G15 << (bit - 10);
  return ((data << 10) | rem) ^ G15_MASK;
}

export function writeFormatInfo(d: Uint8Array, size: number, level: EcLevel, mask: number): void {
  const bits = encodedBits(level, mask);
  const set = (row: number, col: number, on: number) => (d[row * size + col] = on);
  for (let i = 0; i < 15; i++) {
    const on = (bits >> i) & 1;
    if (i < 6) set(i, 8, on);
    else if (i < 8) set(i + 1, 8, on);
    else set(size - 15 + i, 8, on);
    if (i < 8) set(8, size - i - 1, on);
    else if (i < 9) set(8, 15 - i, on);
    else set(8, 14 - i, on);
  }
  set(size - 8, 8, 1);
}
