/**
 * The fonts of one document. The glyphs of the fixed labels (and of ASCII, which dates, IDs and romanized names are
 * made of) are subset, compressed and written once per process and variant, as a fragment every document copies;
 * each document subsets only the few other glyphs its values need (name, kana, products), so per-document font
 * work stays at a few dozen glyphs.
 */
import type { Variant } from '@kiosk/protocol';
import type { Face, FaceKey } from '../text/face.js';
import type { Faces } from '../text/faces.js';
import { shapeFixed, type Glyph } from '../text/shape.js';
import { fixedStrings } from '../layout/labels.js';
import { writeFont, type SubsetFont } from './font-objects.js';
import { GlyphSubset } from './truetype-subset.js';
import { PdfWriter, type Fragment } from './writer.js';

export interface FontUse {
  readonly resource: string;
  readonly cid: number;
}

interface StaticFonts {
  readonly fragment: Fragment;
  /** Resource name → Type0 object number. */
  readonly objects: ReadonlyMap<string, number>;
  /** Face → original glyph id → CID in that face's static font. */
  readonly cids: ReadonlyMap<FaceKey, ReadonlyMap<number, number>>;
}

const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
const STATIC_FACES = ['gothic', 'gothicBold'] as const;
const statics = new Map<Variant, StaticFonts>();

function subsetFont(face: Face): SubsetFont & { subset: GlyphSubset; unicode: Map<number, string> } {
  return {
    postscriptName: face.postscriptName,
    subset: new GlyphSubset(face.sfnt),
    unicode: new Map(),
    advance: (gid) => face.advance(gid),
  };
}

function staticFonts(faces: Faces, variant: Variant): StaticFonts {
  let fonts = statics.get(variant);
  if (fonts) return fonts;
  const writer = new PdfWriter(1);
  const objects = new Map<string, number>();
  const cids = new Map<FaceKey, Map<number, number>>();
  for (const key of STATIC_FACES) {
    const font = subsetFont(faces[key]);
    const map = new Map<number, number>();
    for (const text of [ASCII, ...fixedStrings(variant)]) {
      for (const glyph of shapeFixed(faces, text, key === 'gothicBold' ? 'bold' : 'regular').glyphs) {
        if (glyph.face !== key || map.has(glyph.gid)) continue;
        const cid = font.subset.add(glyph.gid);
        map.set(glyph.gid, cid);
        font.unicode.set(cid, glyph.text);
      }
    }
    objects.set(`S${objects.size + 1}`, writeFont(writer, font));
    cids.set(key, map);
  }
  fonts = { fragment: writer.toFragment(), objects, cids };
  statics.set(variant, fonts);
  return fonts;
}

/** Builds the per-process label fonts ahead of the first certificate. */
export function prepareStaticFonts(faces: Faces): void {
  staticFonts(faces, 'domestic');
  staticFonts(faces, 'overseas');
}

export class DocumentFonts {
  private readonly statics: StaticFonts;
  private readonly dynamic = new Map<FaceKey, ReturnType<typeof subsetFont>>();

  constructor(
    private readonly faces: Faces,
    variant: Variant,
  ) {
    this.statics = staticFonts(faces, variant);
  }

  /** Which font resource and CID draw a glyph. */
  use(glyph: Glyph): FontUse {
    const staticCid = this.statics.cids.get(glyph.face)?.get(glyph.gid);
    if (staticCid !== undefined) return { resource: glyph.face === 'gothic' ? 'S1' : 'S2', cid: staticCid };
    let font = this.dynamic.get(glyph.face);
    if (!font) {
      font = subsetFont(this.faces[glyph.face]);
      this.dynamic.set(glyph.face, font);
    }
    const cid = font.subset.add(glyph.gid);
    if (!font.unicode.has(cid)) font.unicode.set(cid, glyph.text);
    return { resource: `D${glyph.face}`, cid };
  }

  /** Writes the static fragment and this document's subsets; returns the resource → object map. */
  write(writer: PdfWriter): Map<string, number> {
    writer.append(this.statics.fragment);
    const objects = new Map(this.statics.objects);
    for (const [key, font] of this.dynamic) objects.set(`D${key}`, writeFont(writer, font));
    return objects;
  }
}
