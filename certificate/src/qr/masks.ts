/** The eight QR data masks (ISO/IEC 18004 Table 10), per version, limited to the data modules. */
import { pack, type Packed } from './packed.js';

const FORMULAS: readonly ((i: number, j: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_i, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i * j) % 3) + ((i + j) % 2)) % 2 === 0,
];

export const MASK_COUNT = FORMULAS.length;

export interface DataMask {
  /** 1 where the mask flips a module. */
  readonly modules: Uint8Array;
  readonly packed: Packed;
}

// Which modules are reserved (finders, timing, format, version) depends on the version alone: cache per version.
const cache = new Map<number, readonly DataMask[]>();

/** The eight masks of a version; `reserved` is the symbol's function-pattern map. */
export function dataMasks(version: number, size: number, reserved: Uint8Array): readonly DataMask[] {
  let masks = cache.get(version);
  if (!masks) {
    masks = FORMULAS.map((flips) => {
      const modules = new Uint8Array(size * size);
      for (let i = 0; i < size; i++) {
        for (let j = 0; j < size; j++) modules[i * size + j] = !reserved[i * size + j] && flips(i, j) ? 1 : 0;
      }
      return { modules, packed: pack(modules, size) };
    });
    cache.set(version, masks);
  }
  return masks;
}
