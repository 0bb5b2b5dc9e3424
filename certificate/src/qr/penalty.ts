/**
 * The mask penalty of ISO/IEC 18004 §7.8.3, on modules packed 32 to a word. The qrcode package scores its eight
 * masks module by module, which costs more than the rest of a certificate; here each rule is a handful of word
 * operations per 32 modules:
 * - N1: each run of 5+ same-colour modules in a row or column scores 3 + (length − 5);
 * - N2: each 2×2 block of one colour scores 3;
 * - N3: each 1:1:3:1:1 finder-like pattern with 4 light modules on one side scores 40;
 * - N4: 10 for every full 5 % the dark share is away from 50 %.
 */
import type { Packed } from './packed.js';

export function maskPenalty(p: Packed): number {
  const { size, words, rows, cols } = p;
  const pairs = validBits(words, size - 2);
  const finders = validBits(words, size - 11);
  let score = 0;
  let dark = 0;
  for (let line = 0; line < size; line++) {
    const at = line * words;
    score +=
      runsAndFinders(rows, at, words, pairs, finders) + runsAndFinders(cols, at, words, pairs, finders);
    for (let w = 0; w < words; w++) dark += popcount(rows[at + w]!);
    if (line + 1 < size) score += 3 * blocks(rows, at, at + words, words, pairs);
  }
  return score + Math.floor(Math.abs((dark * 100) / (size * size) - 50) / 5) * 10;
}

function popcount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Per word, the bits that are positions 0..last of the line. */
function validBits(words: number, last: number): Int32Array {
  const out = new Int32Array(words);
  for (let w = 0; w < words; w++) {
    const top = last - w * 32;
    out[w] = top < 0 ? 0 : top >= 31 ? -1 : 2 ** (top + 1) - 1;
  }
  return out;
}

// Scratch for one line: "module i equals module i+1", then "modules i..i+4 all equal".
const same = new Int32Array(8);
const five = new Int32Array(8);

function runsAndFinders(
  x: Uint32Array,
  at: number,
  words: number,
  pairs: Int32Array,
  finders: Int32Array,
): number {
  for (let w = 0; w < words; w++) {
    const lo = x[at + w]!;
    const hi = w + 1 < words ? x[at + w + 1]! : 0;
    same[w] = ~(lo ^ ((lo >>> 1) | (hi << 31))) & pairs[w]!;
  }
  let n1 = 0;
  let n3 = 0;
  for (let w = 0; w < words; w++) {
    const s = same[w]!;
    const sNext = w + 1 < words ? same[w + 1]! : 0;
    five[w] = s & ((s >>> 1) | (sNext << 31)) & ((s >>> 2) | (sNext << 30)) & ((s >>> 3) | (sNext << 29));
  }
  for (let w = 0; w < words; w++) {
    const t = five[w]!;
    const starts = t & ~((t << 1) | (w > 0 ? five[w - 1]! >>> 31 : 0));
    // A run of n ≥ 5 sets n − 4 bits of `five` and one start: (n − 4) + 2 = n − 2 = 3 + (n − 5).
    n1 += popcount(t) + 2 * popcount(starts);
    // Finder-like: dark light dark dark dark light dark, then (or after) four light: 10111010000 / 00001011101.
    const m0 = x[at + w]!;
    const hi = w + 1 < words ? x[at + w + 1]! : 0;
    const m1 = (m0 >>> 1) | (hi << 31);
    const m2 = (m0 >>> 2) | (hi << 30);
    const m3 = (m0 >>> 3) | (hi << 29);
    const m4 = (m0 >>> 4) | (hi << 28);
    const m5 = (m0 >>> 5) | (hi << 27);
    const m6 = (m0 >>> 6) | (hi << 26);
    const m7 = (m0 >>> 7) | (hi << 25);
    const m8 = (m0 >>> 8) | (hi << 24);
    const m9 = (m0 >>> 9) | (hi << 23);
    const m10 = (m0 >>> 10) | (hi << 22);
    const after = m0 & ~m1 & m2 & m3 & m4 & ~m5 & m6 & ~(m7 | m8 | m9 | m10);
    const before = ~(m0 | m1 | m2 | m3) & m4 & ~m5 & m6 & m7 & m8 & ~m9 & m10;
    n3 += popcount((after | before) & finders[w]!);
  }
  return n1 + n3 * 40;
}

/** 2×2 blocks of one colour between the rows at `a` and `b`. */
function blocks(x: Uint32Array, a: number, b: number, words: number, pairs: Int32Array): number {
  let count = 0;
  for (let w = 0; w < words; w++) {
    const top = x[a + w]!;
    const bottom = x[b + w]!;
    const topNext = (top >>> 1) | (w + 1 < words ? x[a + w + 1]! << 31 : 0);
    const bottomNext = (bottom >>> 1) | (w + 1 < words ? x[b + w + 1]! << 31 : 0);
    count += popcount(~(top ^ bottom) & ~(topNext ^ bottomNext) & ~(top ^ topNext) & pairs[w]!);
  }
  return count;
}
