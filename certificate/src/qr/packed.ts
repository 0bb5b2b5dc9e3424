/** A square of modules packed 32 to a word, by rows and by columns: bit i of a line is module i. */
export interface Packed {
  readonly size: number;
  /** Words per line. */
  readonly words: number;
  readonly rows: Uint32Array;
  readonly cols: Uint32Array;
}

export function pack(modules: Uint8Array, size: number): Packed {
  const words = (size + 31) >>> 5;
  const rows = new Uint32Array(size * words);
  const cols = new Uint32Array(size * words);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      if (!modules[r * size + c]) continue;
      rows[r * words + (c >>> 5)]! |= 1 << (c & 31);
      cols[c * words + (r >>> 5)]! |= 1 << (r & 31);
    }
  }
  return { size, words, rows, cols };
}

/** a XOR b into out (same size). */
export function xorPacked(out: Packed, a: Packed, b: Packed): void {
  for (let i = 0; i < a.rows.length; i++) {
    out.rows[i] = a.rows[i]! ^ b.rows[i]!;
    out.cols[i] = a.cols[i]! ^ b.cols[i]!;
  }
}

export const emptyPacked = (size: number): Packed => {
  const words = (size + 31) >>> 5;
  return { size, words, rows: new Uint32Array(size * words), cols: new Uint32Array(size * words) };
};
