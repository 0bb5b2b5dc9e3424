/**
 * Fits paragraphs of text into a box: each keeps its own type size, all shrink together (down to a floor) until
 * the wrapped lines fit the box's width and height. Never overflows: when even the floor does not fit, it says so.
 */
import { breakLines, lineWidth } from './line-break.js';
import type { Glyph, Shaped } from './shape.js';

export interface Paragraph {
  readonly text: Shaped;
  /** Type size in points before any shrinking. */
  readonly size: number;
  readonly gray?: number | undefined;
  /** Extra space above the paragraph, in points before shrinking. */
  readonly gapBefore?: number | undefined;
  /**
   * Shrink rather than break, down to this scale (0: any scale, for IDs, dates and names); below it, or when
   * nothing else fits, the paragraph breaks like any other.
   */
  readonly keepWhole?: number | undefined;
}

export interface FittedLine {
  readonly glyphs: readonly Glyph[];
  readonly size: number;
  /** Points. */
  readonly width: number;
  readonly gray: number;
  /** Space above this line beyond the normal line pitch, in points. */
  readonly gap: number;
}

export interface Fitted {
  readonly lines: readonly FittedLine[];
  /** Points, from the top of the first line's em box to the bottom of the last. */
  readonly height: number;
}

/** Line pitch as a multiple of the type size. */
export const LEADING = 1.22;
/** The smallest type a certificate prints (6 pt is still legible on a laser-printed A4). */
export const MIN_SIZE = 6;

/**
 * Lines at a given scale, or undefined when a line is wider than the box. `breakAll` also breaks the paragraphs
 * kept whole.
 */
export function layoutParagraphs(
  paragraphs: readonly Paragraph[],
  width: number,
  scale: number,
  breakAll = false,
): Fitted | undefined {
  const lines: FittedLine[] = [];
  for (const p of paragraphs) {
    const size = p.size * scale;
    let gap = lines.length > 0 ? (p.gapBefore ?? 0) * scale : 0;
    const whole = !breakAll && p.keepWhole !== undefined && scale >= p.keepWhole;
    const maxWidth = whole ? Infinity : (width * 1000) / size;
    for (const glyphs of breakLines(p.text.glyphs, maxWidth)) {
      const w = (lineWidth(glyphs) * size) / 1000;
      if (w > width + 1e-6) return undefined;
      lines.push({ glyphs, size, width: w, gray: p.gray ?? 0, gap });
      gap = 0;
    }
  }
  return { lines, height: stackHeight(lines) };
}

export function stackHeight(lines: readonly { size: number; gap: number }[]): number {
  return lines.reduce((h, l, i) => h + l.gap + (i === lines.length - 1 ? l.size : l.size * LEADING), 0);
}

/**
 * The largest scale ≤ 1 (steps of 4 %) at which the paragraphs fit `width` × `height`, keeping whole the
 * paragraphs that ask for it; failing that, with every paragraph free to break.
 */
export function fitParagraphs(
  paragraphs: readonly Paragraph[],
  width: number,
  height: number,
): Fitted | undefined {
  const smallest = Math.min(...paragraphs.map((p) => p.size));
  const floor = Math.min(1, MIN_SIZE / smallest);
  for (const breakAll of [false, true]) {
    for (let scale = 1; ; scale = Math.max(floor, scale - 0.04)) {
      const fitted = layoutParagraphs(paragraphs, width, scale, breakAll);
      if (fitted && fitted.height <= height + 1e-6) return fitted;
      if (scale <= floor) break;
    }
  }
  return undefined;
}
