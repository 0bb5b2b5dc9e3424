/**
 * Text to glyphs, one character (with its variation selector, if any) at a time. Each character is drawn by the
 * first face that has it: the gothic of the requested weight, then IPAmj明朝 for official name characters; when
 * none has it the text is refused, because a .notdef box in a name is a wrong certificate. No ligatures, no
 * contextual forms and no Unicode normalisation: a registered name is printed exactly as the record spells it
 * (NFC would turn some compatibility ideographs into other characters).
 */
import { ok, type Result } from '@kiosk/protocol';
import { codePointLabel, composeFailure, type ComposeError } from '../compose-error.js';
import type { Face, FaceKey } from './face.js';
import type { Faces } from './faces.js';

export type Weight = 'regular' | 'bold';

export interface Glyph {
  readonly face: FaceKey;
  readonly gid: number;
  /** 1/1000 em */
  readonly advance: number;
  /** The characters this glyph shows (for copy and search through ToUnicode, and for line breaking). */
  readonly text: string;
  /** Part of `advance` that is added space, not the glyph's own width (drawn as a TJ adjustment). */
  readonly extra?: number | undefined;
}

export interface Shaped {
  readonly glyphs: readonly Glyph[];
  /** 1/1000 em */
  readonly width: number;
}

const isVariationSelector = (cp: number) =>
  (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);

// Labels come back in every document: shape each once per process.
const memo = new Map<string, Shaped>();

/** Shapes fixed text (labels) through a per-process memo. Fixed text failing to shape is a bug. */
export function shapeFixed(faces: Faces, text: string, weight: Weight): Shaped {
  const key = `${weight}\u0000${text}`;
  let shaped = memo.get(key);
  if (!shaped) {
    const result = shape(faces, text, weight, 'label');
    if (!result.ok) throw new Error(`label cannot be printed: ${result.error.detail}`);
    shaped = result.value;
    memo.set(key, shaped);
  }
  return shaped;
}

/** `field` names where the text comes from, for the error detail (never the text itself). */
export function shape(
  faces: Faces,
  text: string,
  weight: Weight,
  field: string,
): Result<Shaped, ComposeError> {
  const order: readonly Face[] = [weight === 'bold' ? faces.gothicBold : faces.gothic, faces.mincho];
  const glyphs: Glyph[] = [];
  let width = 0;
  const codePoints = Array.from(text, (c) => c.codePointAt(0)!);
  for (let i = 0; i < codePoints.length; i++) {
    const cp = codePoints[i]!;
    const next = codePoints[i + 1];
    const selector = next !== undefined && isVariationSelector(next) ? next : undefined;
    let found: Glyph | undefined;
    for (const face of order) {
      const gid = selector === undefined ? face.glyph(cp) : face.variant(cp, selector);
      if (gid === 0) continue;
      const chars = String.fromCodePoint(cp) + (selector === undefined ? '' : String.fromCodePoint(selector));
      found = { face: face.key, gid, advance: face.advance(gid), text: chars };
      break;
    }
    if (!found) {
      const sequence =
        selector === undefined ? codePointLabel(cp) : `${codePointLabel(cp)} ${codePointLabel(selector)}`;
      return composeFailure('GLYPH_MISSING', `${sequence} in ${field}`);
    }
    if (selector !== undefined) i++;
    glyphs.push(found);
    width += found.advance;
  }
  return ok({ glyphs, width });
}

/**
 * Two texts with a space between them `em` wide, e.g. family and given name. It is one real space character, so
 * the text copies and searches as "佐藤 花子", widened to the gap Japanese forms leave between the names.
 */
export function joinWithSpace(faces: Faces, first: Shaped, second: Shaped, weight: Weight, em = 0.5): Shaped {
  const face = weight === 'bold' ? faces.gothicBold : faces.gothic;
  const gid = face.glyph(0x20);
  const own = face.advance(gid);
  const extra = Math.max(0, em * 1000 - own);
  const space: Glyph = { face: face.key, gid, advance: own + extra, text: ' ', extra };
  return {
    glyphs: [...first.glyphs, space, ...second.glyphs],
    width: first.width + space.advance + second.width,
  };
}
