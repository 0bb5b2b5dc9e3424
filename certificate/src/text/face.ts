/**
 * One typeface of the certificate, parsed once per process: which glyph draws a character (cmap, with variation
 * sequences for the MJ name characters) and how wide it is. Lookups are memoised: the same few hundred characters
 * come back in every document.
 */
import * as fontkit from 'fontkit';
import { horizontalMetrics, readSfnt, type Sfnt } from '../pdf/sfnt.js';

export type FaceKey = 'gothic' | 'gothicBold' | 'mincho';

// fontkit's cmap reader, which its typings leave out: a code point (and variation selector) to a glyph id.
interface UvsRecord {
  varSelector: number;
  defaultUVS?: { startUnicodeValue: number; additionalCount: number }[];
  nonDefaultUVS?: { unicodeValue: number; glyphID: number }[];
}
interface CmapReader {
  lookup(codePoint: number): number;
  uvs?: { varSelectors: { toArray(): UvsRecord[] } };
}

export class Face {
  readonly sfnt: Sfnt;
  readonly postscriptName: string;
  private readonly cmap: CmapReader;
  private readonly selectors: readonly UvsRecord[];
  private readonly glyphs = new Map<number, number>();
  private readonly advances = new Map<number, number>();

  constructor(
    readonly key: FaceKey,
    bytes: Uint8Array,
  ) {
    this.sfnt = readSfnt(bytes);
    const font = fontkit.create(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    ) as fontkit.Font;
    this.postscriptName = font.postscriptName.replace(/[^A-Za-z0-9-]/g, '');
    this.cmap = (font as unknown as { _cmapProcessor: CmapReader })._cmapProcessor;
    this.selectors = this.cmap.uvs?.varSelectors.toArray() ?? [];
  }

  /** The glyph for a code point, 0 when the face has none. */
  glyph(codePoint: number): number {
    let gid = this.glyphs.get(codePoint);
    if (gid === undefined) {
      gid = this.cmap.lookup(codePoint);
      this.glyphs.set(codePoint, gid);
    }
    return gid;
  }

  /**
   * The glyph for a variation sequence (葛 + U+E0100), 0 when the face does not know this sequence: printing the
   * base character's default glyph instead could print another form of a registered name. Read from the format-14
   * table here because fontkit's own lookup returns the default glyph for sequences it should map.
   */
  variant(codePoint: number, selector: number): number {
    const record = this.selectors.find((s) => s.varSelector === selector);
    if (!record) return 0;
    const special = record.nonDefaultUVS?.find((m) => m.unicodeValue === codePoint);
    if (special) return special.glyphID;
    const isDefault = record.defaultUVS?.some(
      (r) => codePoint >= r.startUnicodeValue && codePoint <= r.startUnicodeValue + r.additionalCount,
    );
    return isDefault ? this.glyph(codePoint) : 0;
  }

  /** Advance width in 1/1000 em. */
  advance(gid: number): number {
    let width = this.advances.get(gid);
    if (width === undefined) {
      width = (horizontalMetrics(this.sfnt, gid).advance * 1000) / this.sfnt.unitsPerEm;
      this.advances.set(gid, width);
    }
    return width;
  }
}
